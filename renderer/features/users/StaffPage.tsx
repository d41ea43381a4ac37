/**
 * Équipe: the team's accounts. Paged and searchable; creating or resetting an account shows its
 * temporary password once; deactivation asks first; deactivated accounts stay visible, greyed.
 */
import { Badge, Button, Group, Menu, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../shared/contract';
import { apiErrorOf, callOrThrow } from '../../api/client';
import { ConfirmModal } from '../../app/ConfirmModal';
import { EmptyRow, InactiveSwitch, PageTitle, SearchInput, TableHead } from '../../app/list-page';
import { PageFooter, pageCount, useServerPage } from '../../app/paging';
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
  const { page, setPage, resetting } = useServerPage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useUsersList({ page, pageSize: PAGE_SIZE, query: query || undefined, includeInactive });
  const { codeOf } = useSiteOptions();
  const reset = useResetPassword();
  const deactivate = useDeactivateUser();
  const lng = currentLanguage();

  const pages = pageCount(list.data?.total, PAGE_SIZE);

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
      <PageTitle
        title={t('users.title')}
        intro={t('users.intro')}
        action={<Button onClick={() => setDialog({ kind: 'create' })}>{t('users.newMember')}</Button>}
      />

      <Group align="flex-end">
        <SearchInput value={search} onChange={resetting(setSearch)} w={320} />
        <InactiveSwitch
          label={t('fields.includeInactive')}
          checked={includeInactive}
          onChange={resetting(setIncludeInactive)}
        />
      </Group>

      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}

      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
          <TableHead
            columns={[
              t('users.columns.name'),
              t('users.columns.username'),
              t('users.columns.roles'),
              t('users.columns.sites'),
              t('users.columns.lastLogin'),
              t('users.columns.status'),
            ]}
            actions
          />
          <Table.Tbody>
            {list.data?.items.map((user) => (
              <Table.Tr
                key={user.id}
                style={user.active ? undefined : { opacity: 0.55 }}
                data-inactive={user.active ? undefined : 'true'}
              >
                <Table.Td>
                  <Text fw={600}>{user.displayName}</Text>
                  {user.professionalNumber && (
                    <Text size="xs" c="dimmed">
                      {t('users.professionalNumberShort', { number: user.professionalNumber })}
                    </Text>
                  )}
                </Table.Td>
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
            {list.data?.items.length === 0 && <EmptyRow colSpan={7} text={t('app.empty')} />}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <PageFooter total={list.data?.total ?? 0} page={page} pages={pages} setPage={setPage} />

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
