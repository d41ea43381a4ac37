/**
 * The lock screen: who is locked, a password to resume, or a way out for the next person. It is
 * an opaque layer over the whole window; the application behind it is kept but hidden and inert
 * (AppLayer.tsx), so the same user finds their work again. "Switch user" warns first when a form
 * is not saved: the sign-out that lets someone else in discards it.
 */
import { Avatar, Box, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf } from '../../api/client';
import { confirmDiscard, discardUnsavedWork, useHasUnsavedWork } from '../../app/dirty-forms';
import { EntranceLayout } from '../../app/EntranceLayout';
import { logout, updateSessionState, type RendererSession } from '../../app/session';
import { AuthFailure } from './AuthFailure';
import { useUnlock } from './api';
import { useSignInFailure } from './use-sign-in-failure';

/** Over the application and its dialogs (Mantine modals: 200), under pop-overs (300). */
const LOCK_Z_INDEX = 250;

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
  const [leaving, setLeaving] = useState(false);
  const workKept = useHasUnsavedWork();
  const { user } = session.state;
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value === '' ? t('validation.required') : null) },
  });
  const { failure, setFailure, secondsLeft, refuse } = useSignInFailure(() =>
    form.setFieldValue('password', ''),
  );

  const submit = form.onSubmit(({ password }) => {
    if (secondsLeft > 0) return;
    setFailure(null);
    unlock.mutate(
      { password },
      {
        onSuccess: (state) => updateSessionState(state),
        onError: (err) => refuse(apiErrorOf(err)),
      },
    );
  });

  async function switchUser() {
    if (!(await confirmDiscard('switchUser'))) return;
    discardUnsavedWork();
    setLeaving(true);
    void logout();
  }

  return (
    <Box
      pos="fixed"
      inset={0}
      bg="gray.0"
      style={{ zIndex: LOCK_Z_INDEX, overflowY: 'auto' }}
      data-lock-screen
    >
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
              <Text fw={600}>
                {t('auth.lock.lockedBy', { name: user.displayName, username: user.username })}
              </Text>
            </Group>
            <Text size="sm">{t('auth.lock.intro')}</Text>
            {workKept && (
              // A reminder, not an error: no `alert` role (the lock screen's alert is a refusal).
              <Paper bg="blue.0" c="blue.9" p="sm" radius="md" fz="sm">
                {t('auth.lock.workKept')}
              </Paper>
            )}
            <AuthFailure failure={failure} secondsLeft={secondsLeft} />
            <PasswordInput
              label={t('fields.password')}
              autoFocus
              autoComplete="current-password"
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={unlock.isPending} disabled={secondsLeft > 0} fullWidth>
              {t('auth.lock.unlock')}
            </Button>
            <Button variant="default" fullWidth loading={leaving} onClick={() => void switchUser()}>
              {t('auth.lock.switchUser')}
            </Button>
          </Stack>
        </form>
      </EntranceLayout>
    </Box>
  );
}
