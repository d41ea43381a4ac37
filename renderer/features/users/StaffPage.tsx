/**
 * Équipe: the team's accounts. Paged and searchable; creating or resetting an account shows its
 * temporary password once; deactivation asks first; deactivated accounts stay visible, greyed.
 */
import {
  Badge,
  Button,
  Group,
  Menu,
  Pagination,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../shared/contract';
import { apiErrorOf, callOrThrow } from '../../api/client';
import { ConfirmModal } from '../../app/ConfirmModal';
import { QueryError } from '../../app/QueryError';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useDeactivateUser, useResetPassword, useUsersList } from './api';
import { useSiteOptions } from '../centre/site-options';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { UserFormModal, type Handover } from './UserFormModal';

const PAGE_SIZE = 20;

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: StaffUser }
  | { kind: 'reset'; user: StaffUser }
  | { kind: 'deactivate'; user: StaffUser }
  | { kind: 'handover'; handover: Handover }
  | null;

export function StaffPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useUsersList({ page, pageSize: PAGE_SIZE, query: query || undefined, includeInactive });
  const { codeOf } = useSiteOptions();
  const reset = useResetPassword();
  const deactivate = useDeactivateUser();
  const lng = currentLanguage();

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  async function reloadUser(id: string): Promise<StaffUser | null> {
    const fresh = await list.refetch();
    const found = fresh.data?.items.find((u) => u.id === id);
    if (found) return found;
    // Not on this page any more: look it up among everyone.
    const all = await callOrThrow('users.list', { page: 1, pageSize: 200, includeInactive: true });
    return all.items.find((u) => u.id === id) ?? null;
  }

  function showFailure(err: unknown) {
    // A refusal often means the list is stale (a conflict, someone already deactivated): refresh it.
    void list.refetch();
    notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) });
  }

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('users.title')}</Title>
          <Text c="dimmed">{t('users.intro')}</Text>
        </div>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.newMember')}</Button>
      </Group>

      <Group align="flex-end">
        <TextInput
          label={t('fields.search')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
          autoFocus
        />
        <Switch
          label={t('fields.includeInactive')}
          checked={includeInactive}
          onChange={(e) => {
            setIncludeInactive(e.currentTarget.checked);
            setPage(1);
          }}
          mb={8}
        />
      </Group>

      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}

      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.columns.name')}</Table.Th>
              <Table.Th>{t('users.columns.username')}</Table.Th>
              <Table.Th>{t('users.columns.roles')}</Table.Th>
              <Table.Th>{t('users.columns.sites')}</Table.Th>
              <Table.Th>{t('users.columns.lastLogin')}</Table.Th>
              <Table.Th>{t('users.columns.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((user) => (
              <Table.Tr
                key={user.id}
                style={user.active ? undefined : { opacity: 0.55 }}
                data-inactive={user.active ? undefined : 'true'}
              >
                <Table.Td fw={600}>{user.displayName}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {user.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge key={role} variant="light" size="sm" tt="none" maw="none">
                        {t(`roles.${role}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{user.siteIds.map(codeOf).join(', ')}</Table.Td>
                <Table.Td>
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt, lng) : t('users.never')}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge
                      color={user.active ? 'teal' : 'gray'}
                      variant={user.active ? 'light' : 'outline'}
                      tt="none"
                    >
                      {user.active ? t('users.status.active') : t('users.status.inactive')}
                    </Badge>
                    {user.active && user.mustChangePassword && (
                      <Badge color="yellow" variant="light" tt="none">
                        {t('users.status.mustChange')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {user.active && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <UnstyledButton
                          aria-label={t('users.actionsFor', { name: user.displayName })}
                          px="sm"
                          py={4}
                          fz="sm"
                          c="teal.8"
                          fw={600}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {t('app.actions')} ▾
                        </UnstyledButton>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setDialog({ kind: 'edit', user })}>
                          {t('app.edit')}
                        </Menu.Item>
                        <Menu.Item onClick={() => setDialog({ kind: 'reset', user })}>
                          {t('users.resetPassword')}
                        </Menu.Item>
                        <Menu.Divider />
                        <Menu.Item color="red" onClick={() => setDialog({ kind: 'deactivate', user })}>
                          {t('users.deactivate')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {list.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" ta="center" py="md">
                    {t('app.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('app.totalCount', { count: list.data?.total ?? 0 })}
        </Text>
        {pages > 1 && (
          <Pagination total={pages} value={page} onChange={setPage} aria-label={t('app.pagination')} />
        )}
      </Group>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          editing={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
          onCreated={(handover) => setDialog({ kind: 'handover', handover })}
          reloadUser={reloadUser}
        />
      )}
      {dialog?.kind === 'handover' && (
        <TemporaryPasswordModal handover={dialog.handover} onClose={() => setDialog(null)} />
      )}
      <ConfirmModal
        opened={dialog?.kind === 'reset'}
        title={dialog?.kind === 'reset' ? t('users.resetTitle', { name: dialog.user.displayName }) : ''}
        body={t('users.resetBody')}
        confirmLabel={t('users.resetConfirm')}
        loading={reset.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => {
          if (dialog?.kind !== 'reset') return;
          reset.mutate(
            { id: dialog.user.id },
            { onSuccess: (handover) => setDialog({ kind: 'handover', handover }), onError: showFailure },
          );
        }}
      />
      <ConfirmModal
        opened={dialog?.kind === 'deactivate'}
        title={
          dialog?.kind === 'deactivate' ? t('users.deactivateTitle', { name: dialog.user.displayName }) : ''
        }
        body={t('users.deactivateBody')}
        confirmLabel={t('users.deactivateConfirm')}
        danger
        loading={deactivate.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => {
          if (dialog?.kind !== 'deactivate') return;
          const { user } = dialog;
          deactivate.mutate(
            { id: user.id, version: user.version },
            {
              onSuccess: () => {
                setDialog(null);
                notifications.show({
                  color: 'teal',
                  message: t('users.deactivated', { name: user.displayName }),
                });
              },
              onError: (err) => {
                setDialog(null);
                showFailure(err);
              },
            },
          );
        }}
      />
    </Stack>
  );
}
