/** Cancelling a waiting-list entry, with the reason (its booked appointment is cancelled with it). */
import { Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import type { WaitingListEntry } from '../../../shared/contract/waiting-lists';
import { useDirtyGuard } from '../../app/dirty-forms';
import { samePathIn, schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { useCancelEntry } from './api';

export function CancelDialog({
  entry,
  onDone,
}: {
  entry: Pick<WaitingListEntry, 'id' | 'personId' | 'version'>;
  onDone: (entry?: WaitingListEntry) => void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelEntry();
  const form = useForm({ initialValues: { reason: '' } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, samePathIn(['reason']));
  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = { personId: entry.personId, id: entry.id, version: entry.version, reason: values.reason };
    const errors = schemaErrors(CONTRACT['waitingLists.cancel'].input, input, t);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    cancel.mutate(input, {
      onSuccess: (cancelled) => {
        notifications.show({ color: 'teal', message: t('waitingLists.cancelled') });
        onDone(cancelled);
      },
      onError: fail,
    });
  });
  return (
    <Modal opened onClose={() => onDone()} title={t('waitingLists.cancelTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <Textarea
            label={t('waitingLists.fields.reason')}
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <FormActions
            submitLabel={t('waitingLists.cancel')}
            onCancel={() => onDone()}
            pending={cancel.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
