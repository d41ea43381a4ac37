/**
 * The PrEP forms of the dossier: start (or restart), follow-up, stop. Each checks what it can before
 * sending — a required date, not in the future, an eGFR inside the centre's range, a number where a
 * number is asked — and puts the core's refusal (`prep_episode_active`, `prep_not_active`,
 * `date_in_future`, `egfr_out_of_range`…) next to the field it names.
 */
import { Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import type { PrepEpisode } from '../../../shared/contract/prep';
import { PREP_REGIMENS, type PrepRegimen } from '../../../shared/domain/clinical-catalogues';
import { PREP_STOP_REASONS, type PrepStopReason } from '../../../shared/domain/prep';
import { parseCalendarDate } from '../../../shared/domain/schedules';
import { useDirtyGuard } from '../../app/dirty-forms';
import { schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf, orNull } from '../../app/form-values';
import { useRecordPrepFollowUp, useStartPrep, useStopPrep } from './api';
import { formatDay, workstationToday } from './dates';

/** A date field's own rules: given, a real date, not after today. */
function dateError(t: TFunction, value: string, today: string): string | null {
  if (value === '') return t('validation.required');
  if (!parseCalendarDate(value)) return t('validation.reason.invalid_date');
  if (value > today) return t('validation.reason.date_in_future');
  return null;
}

/** Mantine's NumberInput gives a number, or '' when empty; anything else typed is not a number. */
function numberOrNull(value: number | string): number | null {
  return typeof value === 'number' ? value : null;
}

const isRegimen = oneOf(PREP_REGIMENS);
const isStopReason = oneOf(PREP_STOP_REASONS);

export function StartPrepModal({
  personId,
  siteId,
  restart,
  onDone,
}: {
  personId: string;
  siteId: string;
  restart: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const start = useStartPrep();
  const form = useForm<{ startedOn: string; regimen: PrepRegimen }>({
    initialValues: { startedOn: workstationToday(), regimen: 'daily' },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    f === 'startedOn' || f === 'regimen' ? f : null,
  );
  const submit = form.onSubmit((values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    const dateProblem = dateError(t, values.startedOn, workstationToday());
    if (dateProblem) errors.startedOn = dateProblem;
    const input = { personId, siteId, startedOn: values.startedOn, regimen: values.regimen };
    for (const [path, text] of Object.entries(schemaErrors(CONTRACT['prep.start'].input, input, t)))
      errors[path] ??= text;
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    start.mutate(input, {
      onSuccess: (episode) => {
        notifications.show({
          color: 'teal',
          message: t('prep.start.done', { date: formatDay(episode.nextDueOn) }),
        });
        onDone();
      },
      onError: fail,
    });
  });
  return (
    <Modal opened onClose={onDone} title={restart ? t('prep.start.restart') : t('prep.start.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <TextInput
            type="date"
            label={t('prep.start.startedOn')}
            required
            data-autofocus
            max={workstationToday()}
            {...form.getInputProps('startedOn')}
          />
          <Select
            label={t('prep.start.regimen')}
            allowDeselect={false}
            data={PREP_REGIMENS.map((r) => ({ value: r, label: t(`prep.regimens.${r}`) }))}
            value={form.values.regimen}
            onChange={(v) => isRegimen(v) && form.setFieldValue('regimen', v)}
            error={form.errors.regimen}
          />
          <FormActions submitLabel={t('prep.start.submit')} onCancel={onDone} pending={start.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export interface EgfrRules {
  alertBelow: number;
  min: number;
  max: number;
}

interface FollowUpValues {
  heldOn: string;
  creatinine: number | string;
  egfr: number | string;
  adherenceNote: string;
}

const FOLLOW_UP_FIELDS = ['heldOn', 'creatinine', 'egfr', 'adherenceNote'];

export function FollowUpModal({
  episode,
  siteId,
  egfr,
  onDone,
}: {
  episode: PrepEpisode;
  siteId: string;
  egfr: EgfrRules;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordPrepFollowUp();
  const form = useForm<FollowUpValues>({
    initialValues: { heldOn: workstationToday(), creatinine: '', egfr: '', adherenceNote: '' },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    FOLLOW_UP_FIELDS.includes(f) ? f : null,
  );
  const submit = form.onSubmit((values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    const dateProblem = dateError(t, values.heldOn, workstationToday());
    if (dateProblem) errors.heldOn = dateProblem;
    else if (values.heldOn < episode.startedOn) errors.heldOn = t('validation.reason.before_prep_start');
    const egfrValue = numberOrNull(values.egfr);
    if (egfrValue !== null && (egfrValue < egfr.min || egfrValue > egfr.max))
      errors.egfr = t('validation.reason.egfr_out_of_range');
    const input = {
      personId: episode.personId,
      siteId,
      episodeId: episode.id,
      version: episode.version,
      heldOn: values.heldOn,
      creatinine: numberOrNull(values.creatinine),
      egfr: egfrValue,
      adherenceNote: orNull(values.adherenceNote),
    };
    for (const [path, text] of Object.entries(schemaErrors(CONTRACT['prep.followUp'].input, input, t)))
      errors[path] ??= text;
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    record.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: t('prep.followUp.done', { date: formatDay(saved.nextDueOn) }),
        });
        onDone();
      },
      onError: fail,
    });
  });
  return (
    <Modal opened onClose={onDone} title={t('prep.followUp.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <TextInput
            type="date"
            label={t('prep.followUp.heldOn')}
            required
            data-autofocus
            min={episode.startedOn}
            max={workstationToday()}
            {...form.getInputProps('heldOn')}
          />
          <NumberInput
            label={t('prep.followUp.creatinine')}
            min={0}
            decimalScale={1}
            allowNegative={false}
            hideControls
            {...form.getInputProps('creatinine')}
          />
          <NumberInput
            label={t('prep.followUp.egfr')}
            description={t('prep.followUp.egfrHelp', {
              min: egfr.min,
              max: egfr.max,
              alertBelow: egfr.alertBelow,
            })}
            decimalScale={1}
            hideControls
            {...form.getInputProps('egfr')}
          />
          <Textarea
            label={t('prep.followUp.adherence')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('adherenceNote')}
          />
          <FormActions submitLabel={t('prep.followUp.submit')} onCancel={onDone} pending={record.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function StopPrepModal({ episode, onDone }: { episode: PrepEpisode; onDone: () => void }) {
  const { t } = useTranslation();
  const stop = useStopPrep();
  const form = useForm<{ stoppedOn: string; reason: PrepStopReason | ''; note: string }>({
    initialValues: { stoppedOn: workstationToday(), reason: '', note: '' },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    f === 'stoppedOn' || f === 'reason' || f === 'note' ? f : null,
  );
  const submit = form.onSubmit((values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    const dateProblem = dateError(t, values.stoppedOn, workstationToday());
    if (dateProblem) errors.stoppedOn = dateProblem;
    else if (values.stoppedOn < episode.startedOn)
      errors.stoppedOn = t('validation.reason.before_prep_start');
    if (values.reason === '') errors.reason = t('validation.required');
    if (Object.keys(errors).length > 0 || values.reason === '') return form.setErrors(errors);
    const input = {
      personId: episode.personId,
      episodeId: episode.id,
      version: episode.version,
      stoppedOn: values.stoppedOn,
      reason: values.reason,
      note: orNull(values.note),
    };
    stop.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('prep.stop.done') });
        onDone();
      },
      onError: fail,
    });
  });
  return (
    <Modal opened onClose={onDone} title={t('prep.stop.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <TextInput
            type="date"
            label={t('prep.stop.stoppedOn')}
            required
            data-autofocus
            min={episode.startedOn}
            max={workstationToday()}
            {...form.getInputProps('stoppedOn')}
          />
          <Select
            label={t('prep.stop.reason')}
            required
            allowDeselect={false}
            data={PREP_STOP_REASONS.map((r) => ({ value: r, label: t(`prep.stopReasons.${r}`) }))}
            value={form.values.reason || null}
            onChange={(v) => isStopReason(v) && form.setFieldValue('reason', v)}
            error={form.errors.reason}
          />
          <Textarea
            label={t('prep.stop.note')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <FormActions submitLabel={t('prep.stop.submit')} onCancel={onDone} pending={stop.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
