/** Closing a positive without a treatment given here, with its reason (treated elsewhere…). */
import { Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ToTreat } from '../../../shared/contract/treatments';
import { CLOSE_REASONS, type CloseReason } from '../../../shared/domain/treatments';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useCloseToTreat } from './api';

const isReason = oneOf(CLOSE_REASONS);

export function CloseForm({ item, onDone }: { item: ToTreat; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useCloseToTreat();
  const form = useForm<{ reason: CloseReason }>({ initialValues: { reason: 'treated_elsewhere' } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (f === 'reason' ? f : null));
  const submit = form.onSubmit((values) => {
    setFailure(null);
    close.mutate(
      { personId: item.personId, toTreatId: item.id, version: item.version, reason: values.reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('treatments.closeForm.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });
  return (
    <Modal
      opened
      onClose={onDone}
      title={t('treatments.closeForm.title', {
        infection: t(`clinicalCatalogues.infections.${item.infection}`),
      })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <Select
            label={t('treatments.closeForm.reason')}
            allowDeselect={false}
            data-autofocus
            data={CLOSE_REASONS.map((r) => ({ value: r, label: t(`treatments.closeReasons.${r}`) }))}
            value={form.values.reason}
            onChange={(v) => isReason(v) && form.setFieldValue('reason', v)}
            error={form.errors.reason}
          />
          <FormActions
            submitLabel={t('treatments.closeForm.save')}
            onCancel={onDone}
            pending={close.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
