import { Group, Loader, Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../../shared/contract';
import { useDirectory } from './api';

interface EntryOption extends ComboboxItem {
  entry: DirectoryEntry;
}

/** Picks an active directory entry, searching the directory as the user types. */
export function EntryPicker({
  value,
  onChange,
  error,
}: {
  value: DirectoryEntry | null;
  onChange: (entry: DirectoryEntry | null) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query = value && debounced === value.name ? '' : debounced;
  const found = useDirectory({ page: 1, pageSize: 20, query: query || undefined });

  const options = useMemo<EntryOption[]>(() => {
    const list: EntryOption[] = (found.data?.items ?? []).map((entry) => ({
      value: entry.id,
      label: entry.name,
      entry,
    }));
    if (value && !list.some((o) => o.value === value.id))
      list.unshift({ value: value.id, label: value.name, entry: value });
    return list;
  }, [found.data, value]);

  return (
    <Select
      label={t('referrals.entry')}
      placeholder={t('referrals.entryPlaceholder')}
      required
      searchable
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      error={error}
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      nothingFoundMessage={t('app.empty')}
      onChange={(id) => onChange(options.find((o) => o.value === id)?.entry ?? null)}
      renderOption={({ option }) => {
        const entry = (option as EntryOption).entry;
        return (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {entry.name}
            </Text>
            <Group gap={4}>
              <Text size="xs" c="dimmed">
                {t(`catalogue.directoryCategories.${entry.category}`)}
                {entry.city ? ` · ${entry.city}` : ''}
                {entry.internal ? '' : ` · ${t('referrals.external')}`}
              </Text>
            </Group>
          </Stack>
        );
      }}
    />
  );
}
