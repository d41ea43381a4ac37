/**
 * Sign-in. A refusal is one calm sentence that never says whether the username or the password
 * was wrong; a throttled attempt says how long to wait.
 */
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { apiErrorOf } from '../../api/client';
import { EntranceHeading, EntranceLayout } from '../../app/EntranceLayout';
import { startSession } from '../../app/session';
import { AuthFailure } from './AuthFailure';
import { useLogin } from './api';
import { useSignInFailure } from './use-sign-in-failure';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() === '' ? t('validation.required') : null),
      password: (value) => (value === '' ? t('validation.required') : null),
    },
  });
  const { failure, setFailure, secondsLeft, refuse } = useSignInFailure(() =>
    form.setFieldValue('password', ''),
  );

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
          refuse(
            error,
            error.code === 'validation' ? { ...error, code: 'wrong_credentials', details: {} } : error,
          );
        },
      },
    );
  });

  return (
    <EntranceLayout>
      <form onSubmit={submit} noValidate>
        <Stack>
          <EntranceHeading title={t('auth.login.title')} subtitle={t('auth.login.subtitle')} />
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
