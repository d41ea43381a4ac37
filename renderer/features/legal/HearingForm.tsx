/**
 * Adding or updating a hearing of a procedure: when (the workstation's wall clock, at the site),
 * where, what kind, and later whether it was held, postponed or cancelled with a short report. A
 * hearing before the procedure was opened and an empty place are shown next to their fields before
 * sending; the core's refusals land there too. The place is kept exactly as typed.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Hearing, Procedure } from '../../../shared/contract/legal';
import {
  HEARING_KINDS,
  HEARING_STATUSES,
  type HearingKind,
  type HearingStatus,
} from '../../../shared/domain/legal';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { instantOrTyped, oneOf, toLocalInput } from '../../app/form-values';
import { useSaveHearing } from './api';
import { blankToNull, hearingProblems, type HearingValues } from './hearing-rules';

interface FormValues extends HearingValues {
  kind: HearingKind;
  status: HearingStatus;
  outcomeNote: string;
}

const FIELDS = new Set(['startsAt', 'place', 'kind', 'status', 'outcomeNote']);
const isKind = oneOf(HEARING_KINDS);
const isStatus = oneOf(HEARING_STATUSES);

export function HearingForm({
  procedure,
  hearing,
  onDone,
}: {
  procedure: Procedure;
  hearing: Hearing | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveHearing();
  const form = useForm<FormValues>({
    initialValues: {
      startsAt: toLocalInput(hearing?.startsAt),
      place: hearing?.place ?? '',
      kind: hearing?.kind ?? 'hearing',
      status: hearing?.status ?? 'scheduled',
      outcomeNote: hearing?.outcomeNote ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.has(f) ? f : null));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const problems = hearingProblems(values, procedure.openedOn);
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems)
        errors[p.field] ??=
          p.reason === 'required' ? t('validation.required') : t(`validation.reason.${p.reason}`);
      form.setErrors(errors);
      return;
    }
    save.mutate(
      {
        personId: procedure.personId,
        procedureId: procedure.id,
        ...(hearing ? { id: hearing.id, version: hearing.version } : {}),
        startsAt: instantOrTyped(values.startsAt),
        place: values.place,
        kind: values.kind,
        status: values.status,
        outcomeNote: blankToNull(values.outcomeNote),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('legal.hearing.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('legal.hearing.formTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('legal.hearing.date')}
              required
              data-autofocus
              {...form.getInputProps('startsAt')}
            />
            <TextInput
              label={t('legal.hearing.place')}
              required
              maxLength={200}
              {...form.getInputProps('place')}
            />
            <Select
              label={t('legal.hearing.kind')}
              allowDeselect={false}
              data={HEARING_KINDS.map((k) => ({ value: k, label: t(`legal.hearingKinds.${k}`) }))}
              value={form.values.kind}
              onChange={(v) => isKind(v) && form.setFieldValue('kind', v)}
            />
            <Select
              label={t('legal.hearing.status')}
              allowDeselect={false}
              data={HEARING_STATUSES.map((s) => ({ value: s, label: t(`legal.hearingStatuses.${s}`) }))}
              value={form.values.status}
              onChange={(v) => isStatus(v) && form.setFieldValue('status', v)}
            />
          </SimpleGrid>
          <Textarea
            label={t('legal.hearing.outcomeNote')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('outcomeNote')}
          />
          <FormActions submitLabel={t('legal.hearing.save')} onCancel={onDone} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
