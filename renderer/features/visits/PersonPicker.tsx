/**
 * Picks a person with `persons.search` as the user types (name used, file number, phone). A legal
 * name is never shown: a result found through it only says so.
 */
import { Group, Loader, Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { personsKeys } from '../persons/query-keys';

export interface PickedPerson {
  id: string;
  nameUsed: string;
  fileNumber: string;
}

function labelOf(p: PickedPerson): string {
  return `${p.nameUsed} · ${p.fileNumber}`;
}

interface PersonOption extends ComboboxItem {
  result: SearchResult | null;
}

export function PersonPicker({
  label,
  value,
  onChange,
  error,
  required = false,
  disabled = false,
  autoFocus = false,
}: {
  label: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value ? labelOf(value) : '');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // Once a person is chosen the box shows their label: do not search for that label.
  const query = value && debounced === labelOf(value) ? '' : debounced;
  const results = useQuery({
    queryKey: personsKeys.search(query, 10),
    queryFn: () => callOrThrow('persons.search', { query, limit: 10 }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  const options = useMemo<PersonOption[]>(() => {
    const found: PersonOption[] = (query ? (results.data ?? []) : []).map((r) => ({
      value: r.id,
      label: labelOf(r),
      result: r,
    }));
    // The chosen person stays in the list, or the box could not show them.
    if (value && !found.some((o) => o.value === value.id))
      found.unshift({ value: value.id, label: labelOf(value), result: null });
    return found;
  }, [query, results.data, value]);

  return (
    <Select
      label={label}
      placeholder={t('visits.personPlaceholder')}
      required={required}
      disabled={disabled}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      searchable
      // Not on focus: the field is focused when a dialog opens, and an open (empty, invisible)
      // list would take the first Escape, so closing the dialog took two. Typing opens it.
      openOnFocus={false}
      clearable
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // The core already ranks the matches (accents, fragments, numbers): show them as they come.
      filter={({ options: all }) => all}
      data={options}
      nothingFoundMessage={query && !results.isFetching ? t('visits.personNoResult') : undefined}
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      error={error}
      onChange={(id) => {
        const option = options.find((o) => o.value === id);
        if (!id || !option) return onChange(null);
        const r = option.result;
        onChange(r ? { id: r.id, nameUsed: r.nameUsed, fileNumber: r.fileNumber } : value);
      }}
      renderOption={({ option }) => {
        const r = (option as PersonOption).result;
        if (!r) return <Text size="sm">{option.label}</Text>;
        return (
          <Stack gap={0}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {r.nameUsed}
              </Text>
              {r.pronouns && (
                <Text size="xs" c="dimmed">
                  ({r.pronouns})
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {r.fileNumber}
              {r.matchedOn === 'legal_name' ? ` · ${t('visits.matchedOnLegalName')}` : ''}
              {r.hasOpenVisit ? ` · ${t('visits.openVisit')}` : ''}
            </Text>
          </Stack>
        );
      }}
    />
  );
}
