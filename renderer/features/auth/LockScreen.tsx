/**
 * The lock screen: who is locked, a password to resume, or a way out for the next person.
 * Nothing of the application is mounted behind it and its cached data is already gone.
 */
import { Alert, Avatar, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { apiErrorOf } from '../../api/client';
import { EntranceLayout } from '../../app/EntranceLayout';
import { logout, updateSessionState, type RendererSession } from '../../app/session';
import { errorText } from '../../i18n/error-text';
import { useUnlock } from './api';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function LockScreen({ session }: { session: RendererSession }) {
  const { t } = useTranslation();
  const unlock = useUnlock();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [leaving, setLeaving] = useState(false);
  const { user } = session.state;
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value === '' ? t('validation.required') : null) },
  });

  const submit = form.onSubmit(({ password }) => {
    setFailure(null);
    unlock.mutate(
      { password },
      {
        onSuccess: (state) => updateSessionState(state),
        onError: (err) => {
          setFailure(apiErrorOf(err));
          form.setFieldValue('password', '');
        },
      },
    );
  });

  return (
    <EntranceLayout>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.lock.title')}
          </Title>
          {session.lockedByIdle && (
            <Text size="sm" c="dimmed">
              {t('auth.lock.autoLocked')}
            </Text>
          )}
          <Group>
            <Avatar color="teal" radius="xl">
              {initials(user.displayName)}
            </Avatar>
            <Text fw={600}>{t('auth.lock.lockedBy', { name: user.displayName, username: user.username })}</Text>
          </Group>
          <Text size="sm">{t('auth.lock.intro')}</Text>
          {failure && (
            <Alert color={failure.code === 'wrong_credentials' ? 'gray' : 'red'} role="alert">
              {errorText(t, failure)}
            </Alert>
          )}
          <PasswordInput label={t('fields.password')} autoFocus autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={unlock.isPending} fullWidth>
            {t('auth.lock.unlock')}
          </Button>
          <Button
            variant="default"
            fullWidth
            loading={leaving}
            onClick={() => {
              setLeaving(true);
              void logout();
            }}
          >
            {t('auth.lock.switchUser')}
          </Button>
        </Stack>
      </form>
    </EntranceLayout>
  );
}
