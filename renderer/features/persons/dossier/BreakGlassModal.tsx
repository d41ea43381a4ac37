/**
 * Emergency access ("bris de glace") to what the person has not consented to share: a written
 * reason of ten characters or more, one hour, audited and shown to the coordination.
 */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../../app/dirty-forms';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../../shared/contract';
import { samePathIn, schemaErrors } from '../../../app/form-errors';
import { FormFailure, useFormFailure } from '../../../app/form-failure';
import { useBreakGlass } from '../api';

export function BreakGlassModal({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const breakGlass = useBreakGlass();
  const form = useForm({ initialValues: { reason: '' } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, samePathIn(['reason']));

  const submit = form.onSubmit(({ reason }) => {
    setFailure(null);
    const input = { personId, reason };
    const errors = schemaErrors(CONTRACT['persons.breakGlass'].input, input, t, (path) => path === 'reason');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    breakGlass.mutate(input, {
      onSuccess: onClose,
      onError: fail,
    });
  });

  return (
    <Modal opened onClose={onClose} title={t('dossier.breakGlass.title')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('dossier.breakGlass.intro')}</Text>
          <FormFailure failure={failure} />
          <Textarea
            label={t('dossier.breakGlass.reason')}
            description={t('dossier.breakGlass.reasonHelp')}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={breakGlass.isPending}>
              {t('app.cancel')}
            </Button>
            <Button color="red" type="submit" loading={breakGlass.isPending}>
              {t('dossier.breakGlass.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
