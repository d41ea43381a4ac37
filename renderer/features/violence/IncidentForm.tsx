/**
 * Recording or correcting a violence incident: the date (and the time when known), the place, the
 * perpetrators' categories (never a name), the seed's types (the GBVIMS type proposed from them,
 * changeable), trafficking, and whether it was reported. Keyboard first: native inputs and
 * checkboxes in reading order. Every rule the form can check (a date that exists and is not in the
 * future, a time not in the future, at least one type, a report not before the incident) is shown
 * next to its field before sending; the core's refusals land there too.
 */
import { Checkbox, Loader, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract/violence';
import {
  GBVIMS_TYPES,
  PERPETRATORS,
  PLACE_KINDS,
  REPORTED_TO,
  SEED_TYPES,
  suggestGbvimsType,
  type GbvimsType,
  type Perpetrator,
  type PlaceKind,
  type ReportedTo,
  type SeedType,
} from '../../../shared/domain/violence';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useSignedIn } from '../persons/use-signed-in';
import { siteToday } from '../../../shared/domain/schedules';
import { useCentre } from '../centre/api';
import { useCurrentSite } from '../visits/current-site';
import { useSaveIncident } from './api';
import { incidentProblems, occurredAtOf, siteTimeOf, type IncidentValues } from './incident-rules';

interface FormValues extends IncidentValues {
  dateApproximate: boolean;
  placeKind: PlaceKind;
  perpetrators: Perpetrator[];
  gbvimsType: GbvimsType | '';
  trafficking: boolean;
  reported: ReportedTo;
}

/** The core's field names → the form's (the time is typed apart from the date). */
const FORM_PATH: Record<string, string> = {
  occurredOn: 'occurredOn',
  occurredAt: 'occurredTime',
  seedTypes: 'seedTypes',
  gbvimsType: 'gbvimsType',
  reportedOn: 'reportedOn',
  placeKind: 'placeKind',
};

const isPlace = oneOf(PLACE_KINDS);
const isGbvims = oneOf(GBVIMS_TYPES);
const isReported = oneOf(REPORTED_TO);

const workstationZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

function initialValues(incident: Incident | null, timeZone: string): FormValues {
  return {
    occurredOn: incident?.occurredOn ?? siteToday(new Date(), timeZone),
    occurredTime: incident?.occurredAt ? siteTimeOf(incident.occurredAt, timeZone) : '',
    dateApproximate: incident?.dateApproximate ?? false,
    placeKind: incident?.placeKind ?? 'other',
    perpetrators: incident?.perpetrators ?? [],
    seedTypes: incident?.seedTypes ?? [],
    gbvimsType: incident?.gbvimsType ?? '',
    trafficking: incident?.trafficking ?? false,
    reported: incident?.reported ?? 'unknown',
    reportedOn: incident?.reportedOn ?? '',
  };
}

/**
 * The incident's date and time are the site's wall clock (the incident's site, else the
 * workstation's current one), whatever zone the workstation is set to: the form waits for the
 * centre's settings to know that zone.
 */
export function IncidentForm(props: { personId: string; incident: Incident | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { siteId, isError } = useCurrentSite();
  const centre = useCentre();
  const wanted = props.incident?.siteId ?? siteId;
  const site = centre.data?.sites.find((s) => s.id === wanted);
  return (
    <Modal opened onClose={props.onDone} title={t('violence.form.title')} size="lg">
      {!centre.data && !isError ? (
        <Loader aria-label={t('common.app.loading')} />
      ) : (
        <IncidentFormBody {...props} timeZone={site?.timezone ?? workstationZone()} />
      )}
    </Modal>
  );
}

function IncidentFormBody({
  personId,
  incident,
  onDone,
  timeZone,
}: {
  timeZone: string;
  personId: string;
  /** The incident corrected; null for a new one. */
  incident: Incident | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const save = useSaveIncident();
  const form = useForm<FormValues>({ initialValues: initialValues(incident, timeZone) });
  // The GBVIMS type follows the types ticked until the writer chooses it herself.
  const [gbvimsChosen, setGbvimsChosen] = useState(incident !== null);
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => FORM_PATH[f] ?? null);

  function setSeedTypes(types: SeedType[]) {
    form.setFieldValue('seedTypes', types);
    if (!gbvimsChosen) form.setFieldValue('gbvimsType', suggestGbvimsType(types) ?? '');
  }

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const problems = incidentProblems(values, siteToday(new Date(), timeZone), new Date(), timeZone);
    const errors: Record<string, string> = {};
    for (const p of problems)
      errors[p.field] ??=
        p.reason === 'required' ? t('validation.required') : t(`validation.reason.${p.reason}`);
    if (!isGbvims(values.gbvimsType) && values.seedTypes.length > 0)
      errors.gbvimsType = t('validation.required');
    if (Object.keys(errors).length > 0 || !isGbvims(values.gbvimsType)) {
      form.setErrors(errors);
      return;
    }
    const at = occurredAtOf(values, timeZone);
    save.mutate(
      {
        personId,
        ...(incident ? { id: incident.id, version: incident.version } : {}),
        siteId: incident ? undefined : (session.currentSiteId ?? undefined),
        occurredOn: values.occurredOn,
        occurredAt: at ? at.toISOString() : null,
        dateApproximate: values.dateApproximate,
        placeKind: values.placeKind,
        perpetrators: values.perpetrators,
        seedTypes: values.seedTypes,
        gbvimsType: values.gbvimsType,
        trafficking: values.trafficking,
        reported: values.reported,
        reportedOn: values.reportedOn === '' ? null : values.reportedOn,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('violence.form.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormFailure failure={failure} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('violence.form.occurredOn')}
            required
            max={siteToday(new Date(), timeZone)}
            data-autofocus
            {...form.getInputProps('occurredOn')}
          />
          <TextInput
            type="time"
            label={t('violence.form.occurredTime')}
            description={t('violence.form.occurredTimeHint', { zone: timeZone })}
            {...form.getInputProps('occurredTime')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('violence.form.dateApproximate')}
          {...form.getInputProps('dateApproximate', { type: 'checkbox' })}
        />
        <Checkbox.Group
          label={t('violence.form.seedTypes')}
          withAsterisk
          value={form.values.seedTypes}
          onChange={(v) => setSeedTypes(v.filter(oneOf(SEED_TYPES)))}
          error={form.errors.seedTypes}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
            {SEED_TYPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`violence.seedTypes.${s}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Select
          label={t('violence.form.gbvimsType')}
          description={t('violence.form.gbvimsHint')}
          required
          allowDeselect={false}
          data={GBVIMS_TYPES.map((g) => ({ value: g, label: t(`violence.gbvimsTypes.${g}`) }))}
          value={form.values.gbvimsType || null}
          onChange={(v) => {
            if (!isGbvims(v)) return;
            setGbvimsChosen(true);
            form.setFieldValue('gbvimsType', v);
          }}
          error={form.errors.gbvimsType}
        />
        <Checkbox
          label={t('violence.form.trafficking')}
          {...form.getInputProps('trafficking', { type: 'checkbox' })}
        />
        <Select
          label={t('violence.form.placeKind')}
          allowDeselect={false}
          data={PLACE_KINDS.map((p) => ({ value: p, label: t(`violence.placeKinds.${p}`) }))}
          value={form.values.placeKind}
          onChange={(v) => isPlace(v) && form.setFieldValue('placeKind', v)}
          error={form.errors.placeKind}
        />
        <Checkbox.Group
          label={t('violence.form.perpetrators')}
          description={t('violence.form.noName')}
          value={form.values.perpetrators}
          onChange={(v) => form.setFieldValue('perpetrators', v.filter(oneOf(PERPETRATORS)))}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
            {PERPETRATORS.map((p) => (
              <Checkbox key={p} value={p} label={t(`violence.perpetrators.${p}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('violence.form.reported')}
            allowDeselect={false}
            data={REPORTED_TO.map((r) => ({ value: r, label: t(`violence.reportedTo.${r}`) }))}
            value={form.values.reported}
            onChange={(v) => isReported(v) && form.setFieldValue('reported', v)}
          />
          <TextInput
            type="date"
            label={t('violence.form.reportedOn')}
            max={siteToday(new Date(), timeZone)}
            {...form.getInputProps('reportedOn')}
          />
        </SimpleGrid>
        <FormActions submitLabel={t('violence.form.save')} onCancel={onDone} pending={save.isPending} />
      </Stack>
    </form>
  );
}
