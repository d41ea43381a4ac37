/**
 * The search dialog: a combobox over `persons.search`, debounced as the user types. Arrow keys
 * choose, Enter opens the dossier, Alt+Enter checks the person in; the last option creates a new
 * person with the typed name.
 */
import { Box, Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useId } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useEffectEvent, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../../shared/contract/persons';
import { QueryError } from '../../../app/QueryError';
import { useOpenDossier, useSearchPersons } from '../api';
import type { CheckInPerson } from '../../visits/CheckInModal';
import { setNewPersonName } from '../new-person-draft';
import { personLinks } from '../links';
import { ResultBadges, ResultFacts, ResultName } from './ResultSummary';

const DEBOUNCE_MS = 150;
const LIMIT = 10;

type Option = { kind: 'person'; result: SearchResult } | { kind: 'create'; checkIn: boolean };

export function SearchModal({
  onClose,
  onCheckIn,
}: {
  onClose: () => void;
  onCheckIn: (person: CheckInPerson) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const openDossier = useOpenDossier();
  const listId = useId();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useSearchPersons(query, LIMIT);
  const [active, setActive] = useState(0);

  const results = query ? (search.data ?? []) : [];
  const options: Option[] = [
    ...results.map((result) => ({ kind: 'person' as const, result })),
    ...(query ? [{ kind: 'create' as const, checkIn: false }] : []),
    // Nobody matches: a walk-in, on the board in three actions (type, choose this, submit).
    ...(query && results.length === 0 ? [{ kind: 'create' as const, checkIn: true }] : []),
  ];
  const settled = query !== '' && !search.isPlaceholderData && !search.isFetching;
  // The list on screen answers exactly what is typed (not an earlier, shorter text).
  const ready = settled && text.trim() === query;
  // Enter pressed before the answer came: acted on once it is there, so that a quick
  // "name + Enter" opens the existing file rather than "new person".
  const [pendingEnter, setPendingEnter] = useState<{ checkIn: boolean } | null>(null);

  // A new answer puts the first result under the cursor again.
  useEffect(() => setActive(0), [search.data]);

  const actOnPendingEnter = useEffectEvent(() => {
    if (!pendingEnter) return;
    setPendingEnter(null);
    choose(options[0], pendingEnter.checkIn);
  });
  useEffect(() => {
    if (ready && pendingEnter) actOnPendingEnter();
  }, [ready, pendingEnter]);

  function openResult(result: SearchResult) {
    onClose();
    openDossier(result.id);
  }

  function createPerson(checkIn: boolean) {
    setNewPersonName(text, { checkIn });
    onClose();
    void navigate(personLinks.create());
  }

  function choose(option: Option | undefined, checkIn: boolean) {
    if (!option) return;
    // Alt+Enter on "new person" creates and checks in, as it checks in a person found.
    if (option.kind === 'create') return createPerson(option.checkIn || checkIn);
    if (checkIn && option.result.hasOpenVisit === false) return onCheckIn(option.result);
    openResult(option.result);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (ready) choose(options[active], event.altKey);
      else if (text.trim() !== '') setPendingEnter({ checkIn: event.altKey });
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <Modal opened onClose={onClose} title={t('search.title')} size="xl" yOffset="8vh">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          aria-label={t('search.inputLabel')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-activedescendant={options.length > 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          size="md"
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
        />
        {search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
        {query === '' && (
          <Text size="sm" c="dimmed">
            {t('search.typeToSearch')}
          </Text>
        )}
        {settled && results.length === 0 && (
          <Text size="sm" c="dimmed" role="status">
            {t('search.noMatch', { query })}
          </Text>
        )}
        <Box role="listbox" id={listId} aria-label={t('search.resultsLabel')} aria-busy={!ready}>
          {options.map((option, index) => (
            <OptionRow
              key={option.kind === 'person' ? option.result.id : `create-${option.checkIn}`}
              id={optionId(index)}
              option={option}
              query={text.trim()}
              active={index === active}
              onHover={() => setActive(index)}
              onOpen={() => choose(option, false)}
              onCheckIn={() => choose(option, true)}
            />
          ))}
        </Box>
        <Group gap="lg" c="dimmed" fz="xs">
          <span>
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('search.hintChoose')}
          </span>
          <span>
            <Kbd size="xs">{t('search.keyEnter')}</Kbd> {t('search.hintOpen')}
          </span>
          <span>
            <Kbd size="xs">Alt</Kbd> + <Kbd size="xs">{t('search.keyEnter')}</Kbd> {t('search.hintCheckIn')}
          </span>
        </Group>
      </Stack>
    </Modal>
  );
}

function OptionRow({
  id,
  option,
  query,
  active,
  onHover,
  onOpen,
  onCheckIn,
}: {
  id: string;
  option: Option;
  query: string;
  active: boolean;
  onHover: () => void;
  onOpen: () => void;
  onCheckIn: () => void;
}) {
  const { t } = useTranslation();
  const style = {
    borderRadius: 'var(--mantine-radius-md)',
    cursor: 'pointer',
    background: active ? 'var(--mantine-color-teal-0)' : undefined,
    outline: active ? '2px solid var(--mantine-color-teal-5)' : undefined,
  };
  if (option.kind === 'create') {
    return (
      <Box
        id={id}
        role="option"
        aria-selected={active}
        px="sm"
        py="xs"
        mt={4}
        style={style}
        onMouseEnter={onHover}
        onClick={onOpen}
      >
        <Text fw={600} c="teal.8">
          +{' '}
          {option.checkIn
            ? t('search.createAndCheckIn', { name: query })
            : t('search.createNamed', { name: query })}
        </Text>
      </Box>
    );
  }
  const { result } = option;
  return (
    <Group
      id={id}
      role="option"
      aria-selected={active}
      justify="space-between"
      wrap="nowrap"
      px="sm"
      py="xs"
      style={style}
      onMouseEnter={onHover}
      onClick={onOpen}
    >
      <Stack gap={2}>
        <ResultName result={result} />
        <ResultFacts result={result} />
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <ResultBadges result={result} />
        {result.hasOpenVisit === false && (
          <Button
            size="compact-sm"
            variant="light"
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              onCheckIn();
            }}
          >
            {t('search.checkInAction')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
