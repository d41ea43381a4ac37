/**
 * Opening a legal procedure or correcting its details: its type, the day it was opened, the
 * incident a complaint is about (an incident of this person, from the Violences tab), the lawyer
 * from the directory, the court and the case reference (kept exactly as typed). Stages move by
 * steps, not here. The core's refusals land next to their fields.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/contract/legal';
import { PROCEDURE_TYPES, incidentRequired, type ProcedureType } from '../../../shared/domain/legal';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { currentLanguage } from '../../i18n/setup';
import { formatCalendarDate } from '../persons/format';
import { workstationToday } from '../prep/dates';
import { useIncidents, useLawyers, useSaveProcedure } from './api';
import { blankToNull } from './hearing-rules';

interface FormValues {
  type: ProcedureType;
  openedOn: string;
  incidentId: string;
  lawyerEntryId: string;
  court: string;
  caseReference: string;
}

const FIELDS = new Set(['type', 'openedOn', 'incidentId', 'lawyerEntryId', 'court', 'caseReference']);
const isType = oneOf(PROCEDURE_TYPES);

export function ProcedureForm({
  personId,
  procedure,
  onDone,
}: {
  personId: string;
  procedure: Procedure | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProcedure();
  const lawyers = useLawyers();
  const form = useForm<FormValues>({
    initialValues: {
      type: procedure?.type ?? 'child_civil_registration',
      openedOn: procedure?.openedOn ?? workstationToday(),
      incidentId: procedure?.incidentId ?? '',
      lawyerEntryId: procedure?.lawyerEntryId ?? '',
      court: procedure?.court ?? '',
      caseReference: procedure?.caseReference ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.has(f) ? f : null));
  const complaint = incidentRequired(form.values.type);
  const incidents = useIncidents(personId, complaint);
  const lng = currentLanguage();

  const submit = form.onSubmit((values) => {
    setFailure(null);
    if (incidentRequired(values.type) && values.incidentId === '') {
      form.setErrors({ incidentId: t('validation.reason.incident_required') });
      return;
    }
    save.mutate(
      {
        personId,
        ...(procedure ? { id: procedure.id, version: procedure.version } : {}),
        type: values.type,
        openedOn: values.openedOn,
        incidentId: values.incidentId || null,
        lawyerEntryId: values.lawyerEntryId || null,
        court: blankToNull(values.court),
        caseReference: blankToNull(values.caseReference),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('legal.procedure.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('legal.procedure.formTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('legal.procedure.type')}
              allowDeselect={false}
              data-autofocus
              data={PROCEDURE_TYPES.map((p) => ({ value: p, label: t(`legal.types.${p}`) }))}
              value={form.values.type}
              onChange={(v) => isType(v) && form.setFieldValue('type', v)}
            />
            <TextInput
              type="date"
              label={t('legal.procedure.openedOn')}
              required
              max={workstationToday()}
              {...form.getInputProps('openedOn')}
            />
          </SimpleGrid>
          {complaint && (
            <Select
              label={t('legal.procedure.incident')}
              description={t('legal.procedure.incidentHint')}
              required
              data={(incidents.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${formatCalendarDate(i.occurredOn, lng)} · ${t(`violence.gbvimsTypes.${i.gbvimsType}`)}`,
              }))}
              value={form.values.incidentId || null}
              onChange={(v) => form.setFieldValue('incidentId', v ?? '')}
              error={form.errors.incidentId}
            />
          )}
          <Select
            label={t('legal.procedure.lawyer')}
            description={t('legal.procedure.lawyerHint')}
            searchable
            clearable
            data={(lawyers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={form.values.lawyerEntryId || null}
            onChange={(v) => form.setFieldValue('lawyerEntryId', v ?? '')}
            error={form.errors.lawyerEntryId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('legal.procedure.court')} maxLength={200} {...form.getInputProps('court')} />
            <TextInput
              label={t('legal.procedure.caseReference')}
              maxLength={100}
              {...form.getInputProps('caseReference')}
            />
          </SimpleGrid>
          <FormActions submitLabel={t('legal.procedure.save')} onCancel={onDone} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
