/**
 * Moving a micro-credit application to its next status on a day: only the statuses the rules
 * allow are offered. A date before the application or its previous step is refused next to
 * "Date" by the core.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { MicroCredit } from '../../../shared/contract/economic-autonomy';
import {
  MICRO_CREDIT_STATUSES,
  nextMicroCreditStatuses,
  STEP_NOTE_MAX,
  type MicroCreditStatus,
} from '../../../shared/domain/economic-autonomy';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { workstationToday } from '../prep/dates';
import { blankToNull, useAddMicroCreditStep } from './api';

interface FormValues {
  status: MicroCreditStatus | '';
  on: string;
  note: string;
}

const FIELDS = new Set(['status', 'on', 'note']);
const isStatus = oneOf(MICRO_CREDIT_STATUSES);

export function MicroCreditStepForm({
  application,
  onDone,
}: {
  application: MicroCredit;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useAddMicroCreditStep();
  const next = nextMicroCreditStatuses(application.status);
  const form = useForm<FormValues>({
    initialValues: { status: next[0] ?? '', on: workstationToday(), note: '' },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.has(f) ? f : null));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    if (values.status === '') return;
    save.mutate(
      {
        personId: application.personId,
        applicationId: application.id,
        status: values.status,
        on: values.on,
        note: blankToNull(values.note),
        version: application.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('economicAutonomy.step.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('economicAutonomy.step.formTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('economicAutonomy.step.status')}
              allowDeselect={false}
              data-autofocus
              data={next.map((s) => ({ value: s, label: t(`economicAutonomy.microCreditStatuses.${s}`) }))}
              value={form.values.status || null}
              onChange={(v) => isStatus(v) && form.setFieldValue('status', v)}
              error={form.errors.status}
            />
            <TextInput
              type="date"
              label={t('economicAutonomy.step.on')}
              required
              min={application.appliedOn}
              max={workstationToday()}
              {...form.getInputProps('on')}
            />
          </SimpleGrid>
          <Textarea
            label={t('economicAutonomy.step.note')}
            autosize
            minRows={2}
            maxLength={STEP_NOTE_MAX}
            {...form.getInputProps('note')}
          />
          <FormActions
            submitLabel={t('economicAutonomy.step.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
