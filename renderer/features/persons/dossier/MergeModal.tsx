/**
 * Merge two files of the same person (coordination only): pick the other file through the
 * search, compare them side by side, choose the one to keep. Everything moves to the kept file;
 * the other stays, pointing to it. Both versions are sent: a concurrent edit gets `conflict`.
 */
import { Alert, Button, Group, Loader, Modal, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/contract';
import type { Person } from '../../../../shared/contract/persons';
import { apiErrorOf } from '../../../api/client';
import { QueryError } from '../../../app/QueryError';
import { errorText } from '../../../i18n/error-text';
import { formatDateTime } from '../../../i18n/dates';
import { currentLanguage } from '../../../i18n/setup';
import { refreshPerson, useMergePersons, usePerson, useSearchPersons } from '../api';
import { formatCalendarDate } from '../format';
import { personLinks } from '../links';
import { ResultFacts, ResultName } from '../search/ResultSummary';

export function MergeModal({ current, onClose }: { current: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const [otherId, setOtherId] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('dossier.merge.title')} size="xl">
      {otherId ? (
        <MergeConfirm current={current} otherId={otherId} onBack={() => setOtherId(null)} onClose={onClose} />
      ) : (
        <PickOther current={current} onPick={setOtherId} />
      )}
    </Modal>
  );
}

function PickOther({ current, onPick }: { current: Person; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 150);
  const search = useSearchPersons(query, 10);
  const results = (query ? (search.data ?? []) : []).filter((r) => r.id !== current.id);
  return (
    <Stack>
      <Text size="sm">
        {t('dossier.merge.pickIntro', { name: current.nameUsed, file: current.fileNumber })}
      </Text>
      <TextInput
        label={t('search.inputLabel')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-autofocus
        autoComplete="off"
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
      />
      <Stack gap={4}>
        {results.map((r) => (
          <Group key={r.id} justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <ResultName result={r} />
              <ResultFacts result={r} />
            </Stack>
            <Button size="compact-sm" variant="light" onClick={() => onPick(r.id)}>
              {t('dossier.merge.choose')}
            </Button>
          </Group>
        ))}
        {query !== '' && !search.isFetching && results.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('search.noMatch', { query })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

function MergeConfirm({
  current,
  otherId,
  onBack,
  onClose,
}: {
  current: Person;
  otherId: string;
  onBack: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const other = usePerson(otherId);
  const merge = useMergePersons();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<ApiError | null>(null);
  // The older file is usually the one to keep: its number is the one people already know.
  const [keep, setKeep] = useState<string | null>(null);

  if (other.isPending) return <Loader />;
  if (other.isError) return <QueryError error={other.error} onRetry={() => void other.refetch()} />;
  const pair = [current, other.data];
  const survivorId =
    keep ?? [...pair].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]?.id ?? current.id;
  const survivor = pair.find((p) => p.id === survivorId) ?? current;
  const merged = pair.find((p) => p.id !== survivorId) ?? other.data;

  const rows: { label: string; value: (p: Person) => string }[] = [
    { label: t('persons.fields.nameUsed'), value: (p) => p.nameUsed },
    { label: t('persons.columns.fileNumber'), value: (p) => p.fileNumber },
    { label: t('persons.fields.pronouns'), value: (p) => p.pronouns ?? '—' },
    {
      label: t('persons.fields.birth'),
      value: (p) => (p.birthDate ? formatCalendarDate(p.birthDate, lng) : String(p.birthYear ?? '—')),
    },
    { label: t('persons.fields.phone'), value: (p) => p.contact.phone ?? '—' },
    { label: t('dossier.identity.createdAt'), value: (p) => formatDateTime(p.createdAt, lng) },
  ];

  function reload() {
    setFailure(null);
    void refreshPerson(current.id);
    void other.refetch();
  }

  function confirm() {
    setFailure(null);
    merge.mutate(
      {
        survivorId: survivor.id,
        mergedId: merged.id,
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
      },
      {
        onSuccess: (kept) => {
          notifications.show({ color: 'teal', message: t('dossier.merge.done', { file: kept.fileNumber }) });
          onClose();
          void navigate(personLinks.dossier(kept.id));
        },
        onError: (err) => setFailure(apiErrorOf(err)),
      },
    );
  }

  return (
    <Stack>
      {failure && (
        <Alert color={failure.code === 'conflict' ? 'orange' : 'red'} role="alert">
          {errorText(t, failure)}
          {failure.code === 'conflict' && (
            <Button size="xs" variant="light" color="orange" display="block" mt="sm" onClick={reload}>
              {t('app.reload')}
            </Button>
          )}
        </Alert>
      )}
      <Radio.Group label={t('dossier.merge.keepLabel')} value={survivorId} onChange={setKeep}>
        <Table withTableBorder withColumnBorders mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {pair.map((p) => (
                <Table.Th key={p.id}>
                  <Radio value={p.id} label={t('dossier.merge.keep', { file: p.fileNumber })} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row">{row.label}</Table.Th>
                {pair.map((p) => (
                  <Table.Td key={p.id}>{row.value(p)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Radio.Group>
      <Text size="sm">
        {t('dossier.merge.explain', { kept: survivor.fileNumber, merged: merged.fileNumber })}
      </Text>
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack} disabled={merge.isPending}>
          {t('app.back')}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onClose} disabled={merge.isPending}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={merge.isPending}>
            {t('dossier.merge.confirm')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
