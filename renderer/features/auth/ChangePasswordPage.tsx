/**
 * Forced password change after a temporary password: nothing else is mounted until it is done.
 */
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { PasswordStrength } from './PasswordStrength';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contract/common';
import { apiErrorOf } from '../../api/client';
import { EntranceHeading, EntranceLayout } from '../../app/EntranceLayout';
import { schemaErrors } from '../../app/form-errors';
import { FormFailure, useFormFailure } from '../../app/form-failure';
import { logout, updateSessionState, type RendererSession } from '../../app/session';
import { useChangePassword } from './api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function ChangePasswordPage({ session }: { session: RendererSession }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<ChangePasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
    validate: (values) => {
      const errors = schemaErrors(
        CONTRACT['auth.changePassword'].input,
        { currentPassword: values.currentPassword, newPassword: values.newPassword },
        t,
      );
      if (!errors.newPassword && values.newPassword !== values.newPasswordConfirm)
        errors.newPasswordConfirm = t('validation.password_mismatch');
      return errors;
    },
  });
  const { failure, setFailure, fail } = useFormFailure(form, (field) =>
    field === 'currentPassword' || field === 'newPassword' ? field : null,
  );

  const submit = form.onSubmit((values) => {
    setFailure(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (state) => updateSessionState(state),
        onError: (err) => {
          if (apiErrorOf(err).code === 'wrong_credentials')
            form.setFieldError('currentPassword', t('auth.changePassword.wrongCurrent'));
          else fail(err);
        },
      },
    );
  });

  return (
    <EntranceLayout>
      <form onSubmit={submit} noValidate>
        <Stack>
          <EntranceHeading
            title={t('auth.changePassword.title')}
            subtitle={`${session.state.user.displayName} (${session.state.user.username})`}
          />
          <Text size="sm">{t('auth.changePassword.intro', { minimum: PASSWORD_MIN_LENGTH })}</Text>
          <FormFailure failure={failure} />
          <PasswordInput
            label={t('fields.currentPassword')}
            autoFocus
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordStrength
            password={form.values.newPassword}
            context={[session.state.user.username, session.state.user.displayName, session.state.centreName]}
          />
          <PasswordInput
            label={t('fields.newPasswordConfirm')}
            autoComplete="new-password"
            {...form.getInputProps('newPasswordConfirm')}
          />
          <Button type="submit" loading={change.isPending} fullWidth>
            {t('auth.changePassword.submit')}
          </Button>
          <Group justify="center">
            <Button variant="subtle" size="xs" onClick={() => void logout()}>
              {t('header.logout')}
            </Button>
          </Group>
        </Stack>
      </form>
    </EntranceLayout>
  );
}
