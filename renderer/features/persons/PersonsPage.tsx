/**
 * Personnes: find someone by name used, legal name, file number or phone, and open their file,
 * check them in, or create a new file with the typed name.
 */
import { Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyRow, PageTitle, TableHead } from '../../app/list-page';
import { PageFooter, usePaged } from '../../app/paging';
import { QueryError } from '../../app/QueryError';
import { useSearchPersons } from './api';
import { CheckInModal, type CheckInPerson } from '../visits/CheckInModal';
import { setNewPersonName } from './new-person-draft';
import { personLinks } from './links';
import { ResultBadges, ResultName } from './search/ResultSummary';

const PAGE_SIZE = 10;
/** The most the core returns for one search: beyond it, the search must be narrowed. */
const LIMIT = 50;

export function PersonsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 200);
  const [checkIn, setCheckIn] = useState<CheckInPerson | null>(null);
  const search = useSearchPersons(query, LIMIT);
  const results = query ? (search.data ?? []) : [];
  const paged = usePaged(results, PAGE_SIZE);

  function createPerson() {
    setNewPersonName(text);
    void navigate(personLinks.create());
  }

  return (
    <Stack maw={1200}>
      <PageTitle
        title={t('persons.title')}
        intro={t('persons.intro')}
        action={<Button onClick={createPerson}>{t('persons.new')}</Button>}
      />

      <TextInput
        label={t('search.inputLabel')}
        description={t('search.pageHint')}
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          paged.setPage(1);
        }}
        maw={480}
        autoFocus
        autoComplete="off"
        spellCheck={false}
      />

      {search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}

      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={search.isFetching}>
          <TableHead
            columns={[
              t('persons.columns.name'),
              t('persons.columns.fileNumber'),
              t('persons.columns.birthYear'),
              t('persons.columns.site'),
              t('persons.columns.status'),
            ]}
            actions
          />
          <Table.Tbody>
            {paged.shown.map((result) => (
              <Table.Tr key={result.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => <Link {...props} {...personLinks.dossier(result.id)} />}
                    c="inherit"
                    underline="hover"
                  >
                    <ResultName result={result} />
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {result.fileNumber}
                  </Text>
                </Table.Td>
                <Table.Td>{result.birthYear ?? t('app.none')}</Table.Td>
                <Table.Td>{result.siteCode}</Table.Td>
                <Table.Td>
                  <ResultBadges result={result} />
                </Table.Td>
                <Table.Td>
                  {result.hasOpenVisit === false && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setCheckIn(result)}
                      aria-label={t('search.checkInFor', { name: result.nameUsed })}
                    >
                      {t('search.checkInAction')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {query !== '' && !search.isFetching && results.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Group justify="center" py="md" gap="sm">
                    <Text c="dimmed">{t('search.noMatch', { query })}</Text>
                    <Button variant="light" onClick={createPerson}>
                      {t('search.createNamed', { name: query })}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
            {query === '' && <EmptyRow colSpan={6} text={t('search.typeToSearch')} />}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <PageFooter
        {...paged}
        summary={results.length >= LIMIT ? t('search.limitReached', { count: LIMIT }) : undefined}
      />
      {checkIn && <CheckInModal person={checkIn} onClose={() => setCheckIn(null)} />}
    </Stack>
  );
}
