/**
 * Recording or updating a vocational training: field (with its title for "other"), dates and
 * status. Only the statuses the rules allow are offered (forward, or dropped while open); an end
 * before the start is refused next to "Fin" before anything is sent, and the core's refusals show
 * next to their fields.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Training } from '../../../shared/contract/economic-autonomy';
import {
  allowedTrainingStatuses,
  endsBeforeStart,
  FIELD_LABEL_MAX,
  TRAINING_FIELDS,
  TRAINING_STATUSES,
  type TrainingField,
  type TrainingStatus,
} from '../../../shared/domain/economic-autonomy';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { workstationToday } from '../prep/dates';
import { blankToNull, useSaveTraining } from './api';

interface FormValues {
  field: TrainingField;
  fieldLabel: string;
  startsOn: string;
  endsOn: string;
  status: TrainingStatus;
}

const FIELDS = new Set(['field', 'fieldLabel', 'startsOn', 'endsOn', 'status', 'statusOn']);
const isField = oneOf(TRAINING_FIELDS);
const isStatus = oneOf(TRAINING_STATUSES);

export function TrainingForm({
  personId,
  training,
  onDone,
}: {
  personId: string;
  training: Training | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveTraining();
  const statuses = training ? allowedTrainingStatuses(training.status) : [...TRAINING_STATUSES];
  const form = useForm<FormValues>({
    initialValues: {
      field: training?.field ?? 'cooking_pastry',
      fieldLabel: training?.fieldLabel ?? '',
      startsOn: training?.startsOn ?? workstationToday(),
      endsOn: training?.endsOn ?? '',
      status: training?.status ?? 'enrolled',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.has(f) ? f : null));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const endsOn = values.endsOn === '' ? null : values.endsOn;
    if (endsBeforeStart(values.startsOn, endsOn)) {
      form.setErrors({ endsOn: t('validation.reason.end_before_start') });
      return;
    }
    save.mutate(
      {
        personId,
        id: training?.id,
        field: values.field,
        fieldLabel: blankToNull(values.fieldLabel),
        startsOn: values.startsOn,
        endsOn,
        status: values.status,
        version: training?.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('economicAutonomy.training.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('economicAutonomy.training.formTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('economicAutonomy.training.field')}
              allowDeselect={false}
              data-autofocus
              data={TRAINING_FIELDS.map((f) => ({ value: f, label: t(`economicAutonomy.fields.${f}`) }))}
              value={form.values.field}
              onChange={(v) => isField(v) && form.setFieldValue('field', v)}
              error={form.errors.field}
            />
            <TextInput
              label={t('economicAutonomy.training.fieldLabel')}
              maxLength={FIELD_LABEL_MAX}
              required={form.values.field === 'other'}
              {...form.getInputProps('fieldLabel')}
            />
            <TextInput
              type="date"
              label={t('economicAutonomy.training.startsOn')}
              required
              {...form.getInputProps('startsOn')}
            />
            <TextInput
              type="date"
              label={t('economicAutonomy.training.endsOn')}
              min={form.values.startsOn}
              {...form.getInputProps('endsOn')}
            />
            <Select
              label={t('economicAutonomy.training.status')}
              allowDeselect={false}
              data={statuses.map((s) => ({ value: s, label: t(`economicAutonomy.trainingStatuses.${s}`) }))}
              value={form.values.status}
              onChange={(v) => isStatus(v) && form.setFieldValue('status', v)}
              error={form.errors.status ?? form.errors.statusOn}
            />
          </SimpleGrid>
          <FormActions
            submitLabel={t('economicAutonomy.training.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
