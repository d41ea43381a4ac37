/**
 * The partner directory: searchable, filtered by category, paged. People with `directory.manage`
 * create and edit entries and confirm that an entry is still true; anyone with referral rights
 * can refer a person to an entry from here.
 */
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../../shared/contract';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { DIRECTORY_CATEGORIES } from '../../../shared/domain/catalogues';
import { apiErrorOf } from '../../api/client';
import { oneOf } from '../../app/form-values';
import { InactiveSwitch, PageTitle, SearchInput } from '../../app/list-page';
import { PageFooter, pageCount, useServerPage } from '../../app/paging';
import { QueryError } from '../../app/QueryError';
import { useSession } from '../../app/session';
import { errorText } from '../../i18n/error-text';
import { useDirectory, useMarkVerified } from './api';
import { EntryCard } from './EntryCard';
import { EntryFormModal } from './EntryFormModal';
import { DirectoryReferralDialog } from './ReferralDialog';

const PAGE_SIZE = 20;
type Category = (typeof DIRECTORY_CATEGORIES)[number];

const isCategory = oneOf(DIRECTORY_CATEGORIES);

type Dialog =
  { kind: 'edit'; entry: DirectoryEntry | null } | { kind: 'refer'; entry: DirectoryEntry } | null;

export function DirectoryPage() {
  const { t } = useTranslation();
  const session = useSession();
  const permissions = session?.state.user.permissions ?? [];
  const canManage = permissions.includes('directory.manage');
  const canRefer = sectionAccess(session?.state.user.roles ?? [], 'referrals') === 'write';
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [category, setCategory] = useState<Category | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const { page, setPage, resetting } = useServerPage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useDirectory({
    page,
    pageSize: PAGE_SIZE,
    query: query || undefined,
    category: category ?? undefined,
    includeInactive,
  });
  const verify = useMarkVerified();
  const pages = pageCount(list.data?.total, PAGE_SIZE);

  function markVerified(entry: DirectoryEntry) {
    verify.mutate(
      { id: entry.id, version: entry.version },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('directory.markedVerified', { name: entry.name }) }),
        onError: (err) => {
          const error = apiErrorOf(err);
          notifications.show(
            error.code === 'conflict'
              ? { color: 'orange', message: t('directory.conflict') }
              : { color: 'red', message: errorText(t, error) },
          );
        },
      },
    );
  }

  return (
    <Stack maw={1100}>
      <PageTitle
        title={t('directory.title')}
        intro={t('directory.intro')}
        action={
          canManage && (
            <Button onClick={() => setDialog({ kind: 'edit', entry: null })}>
              {t('directory.newEntry')}
            </Button>
          )
        }
      />
      <Group align="flex-end">
        <SearchInput value={search} onChange={resetting(setSearch)} w={300} />
        <Select
          label={t('directory.category')}
          placeholder={t('directory.allCategories')}
          data={DIRECTORY_CATEGORIES.map((c) => ({
            value: c,
            label: t(`catalogue.directoryCategories.${c}`),
          }))}
          value={category}
          onChange={resetting((v: string | null) => setCategory(isCategory(v) ? v : null))}
          clearable
          w={260}
        />
        <InactiveSwitch
          label={t('directory.includeInactive')}
          checked={includeInactive}
          onChange={resetting(setIncludeInactive)}
        />
      </Group>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Stack gap="sm" aria-busy={list.isFetching}>
        {list.data?.items.map((entry) => (
          <EntryCard
            key={entry.id}
            entry={entry}
            canManage={canManage}
            busy={verify.isPending && verify.variables.id === entry.id}
            onEdit={() => setDialog({ kind: 'edit', entry })}
            onVerify={() => markVerified(entry)}
            onRefer={canRefer ? () => setDialog({ kind: 'refer', entry }) : null}
          />
        ))}
        {list.data?.items.length === 0 && (
          <Text c="dimmed" ta="center" py="md">
            {t('app.empty')}
          </Text>
        )}
      </Stack>
      <PageFooter total={list.data?.total ?? 0} page={page} pages={pages} setPage={setPage} />
      {dialog?.kind === 'edit' && <EntryFormModal entry={dialog.entry} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'refer' && (
        <DirectoryReferralDialog entry={dialog.entry} onDone={() => setDialog(null)} />
      )}
    </Stack>
  );
}
