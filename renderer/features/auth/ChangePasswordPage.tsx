/**
 * Forced password change after a temporary password: nothing else is mounted until it is done.
 */
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type ApiError } from '../../../shared/contract';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contract/common';
import { apiErrorOf } from '../../api/client';
import { EntranceLayout } from '../../app/EntranceLayout';
import { schemaErrors, showFieldError } from '../../app/form-errors';
import { logout, updateSessionState, type RendererSession } from '../../app/session';
import { errorText } from '../../i18n/error-text';
import { useChangePassword } from './api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function ChangePasswordPage({ session }: { session: RendererSession }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [failure, setFailure] = useState<ApiError | null>(null);
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

  const submit = form.onSubmit((values) => {
    setFailure(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (state) => updateSessionState(state),
        onError: (err) => {
          const error = apiErrorOf(err);
          if (error.code === 'wrong_credentials')
            form.setFieldError('currentPassword', t('auth.changePassword.wrongCurrent'));
          else if (
            !showFieldError(form, error, t, (field) =>
              field === 'currentPassword' || field === 'newPassword' ? field : null,
            )
          )
            setFailure(error);
        },
      },
    );
  });

  return (
    <EntranceLayout>
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('auth.changePassword.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {session.state.user.displayName} ({session.state.user.username})
            </Text>
          </div>
          <Text size="sm">{t('auth.changePassword.intro', { minimum: PASSWORD_MIN_LENGTH })}</Text>
          {failure && (
            <Alert color="red" role="alert">
              {errorText(t, failure)}
            </Alert>
          )}
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
