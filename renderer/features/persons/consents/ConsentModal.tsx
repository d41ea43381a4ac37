/** Give or withdraw one consent scope, with an optional note; withdrawing is a new record. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../../app/dirty-forms';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../../shared/contract';
import type { ConsentScope } from '../../../../shared/domain/roles';
import { samePathIn, schemaErrors } from '../../../app/form-errors';
import { FormFailure, useFormFailure } from '../../../app/form-failure';
import { useRecordConsent } from '../api';

export function ConsentModal({
  personId,
  scope,
  give,
  onClose,
}: {
  personId: string;
  scope: ConsentScope;
  give: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordConsent();
  const form = useForm({ initialValues: { note: '' } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, samePathIn(['note']));
  const scopeLabel = t(`consents.scopes.${scope}`);

  const submit = form.onSubmit(({ note }) => {
    setFailure(null);
    const input = { personId, scope, given: give, ...(note.trim() ? { note: note.trim() } : {}) };
    const errors = schemaErrors(CONTRACT['persons.recordConsent'].input, input, t, (p) => p === 'note');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    record.mutate(input, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t(give ? 'consents.recordedGiven' : 'consents.recordedWithdrawn', { scope: scopeLabel }),
        });
        onClose();
      },
      onError: fail,
    });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(give ? 'consents.giveTitle' : 'consents.withdrawTitle', { scope: scopeLabel })}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t(`consents.descriptions.${scope}`)}</Text>
          <FormFailure failure={failure} />
          <Textarea
            label={t('consents.note')}
            description={t('consents.noteHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={record.isPending}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color={give ? 'teal' : 'red'} loading={record.isPending} data-autofocus>
              {t(give ? 'consents.giveConfirm' : 'consents.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
