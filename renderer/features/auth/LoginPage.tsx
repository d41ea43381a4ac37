/**
 * Sign-in. A refusal is one calm sentence that never says whether the username or the password
 * was wrong; a throttled attempt says how long to wait.
 */
import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { apiErrorOf } from '../../api/client';
import { EntranceLayout } from '../../app/EntranceLayout';
import { startSession } from '../../app/session';
import { retryAfterSeconds } from '../../i18n/error-text';
import { useRetryCountdown } from '../../app/use-retry-countdown';
import { AuthFailure } from './AuthFailure';
import { useLogin } from './api';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { secondsLeft, waitFor } = useRetryCountdown();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() === '' ? t('validation.required') : null),
      password: (value) => (value === '' ? t('validation.required') : null),
    },
  });

  const submit = form.onSubmit((values) => {
    if (secondsLeft > 0) return;
    setFailure(null);
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (value) => startSession(value),
        onError: (err) => {
          const error = apiErrorOf(err);
          // A username outside the allowed format is, for the person typing, just a wrong login:
          // saying more would tell which half was wrong.
          setFailure(
            error.code === 'validation' ? { ...error, code: 'wrong_credentials', details: {} } : error,
          );
          // Both a refusal and a throttle say when the next try is allowed.
          waitFor(retryAfterSeconds(error) ?? 0);
          form.setFieldValue('password', '');
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
              {t('auth.login.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.login.subtitle')}
            </Text>
          </div>
          <AuthFailure failure={failure} secondsLeft={secondsLeft} />
          <TextInput
            label={t('fields.username')}
            autoFocus
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} disabled={secondsLeft > 0} fullWidth>
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </EntranceLayout>
  );
}
