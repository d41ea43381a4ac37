/**
 * Merge two files of the same person (coordination only): pick the other file through the
 * search, compare them side by side, choose the one to keep and, for each identity field that
 * differs, which file's value the kept file takes (a side per field is sent, never a value: the
 * core reads both files again). Everything moves to the kept file; the other stays, pointing to
 * it. Both versions are sent: a concurrent edit gets `conflict`.
 */
import { Alert, Button, Group, Loader, Modal, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/contract';
import type { MergeField, MergeSide } from '../../../../shared/contract/merge';
import type { Person } from '../../../../shared/contract/persons';
import { apiErrorOf } from '../../../api/client';
import { QueryError } from '../../../app/QueryError';
import { errorText } from '../../../i18n/error-text';
import { formatDateTime } from '../../../i18n/dates';
import { currentLanguage } from '../../../i18n/setup';
import { refreshPerson, useMergePersons, usePerson, useSearchPersons } from '../api';
import { personLinks } from '../links';
import { ResultFacts, ResultName } from '../search/ResultSummary';
import { choicesToSend, mergeFieldRows } from './merge-fields';

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
  // Per field, the side the coordination picked (the default of each row otherwise).
  const [chosen, setChosen] = useState<Partial<Record<MergeField, MergeSide>>>({});

  if (other.isPending) return <Loader />;
  if (other.isError) return <QueryError error={other.error} onRetry={() => void other.refetch()} />;
  const pair = [current, other.data];
  const survivorId =
    keep ?? [...pair].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]?.id ?? current.id;
  const survivor = pair.find((p) => p.id === survivorId) ?? current;
  const merged = pair.find((p) => p.id !== survivorId) ?? other.data;
  const fieldRows = mergeFieldRows(t, lng, survivor, merged);
  const choices = choicesToSend(fieldRows, chosen);
  const taken = fieldRows.filter((r) => choices[r.field] === 'merged').map((r) => r.label);
  const sideOf = (p: Person): MergeSide => (p.id === survivor.id ? 'survivor' : 'merged');

  const infoRows: { label: string; value: (p: Person) => string }[] = [
    { label: t('persons.columns.fileNumber'), value: (p) => p.fileNumber },
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
        choices,
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
      <Radio.Group
        label={t('dossier.merge.keepLabel')}
        value={survivorId}
        onChange={(id) => {
          // Another file kept: the choices were about the other pair of sides.
          setKeep(id);
          setChosen({});
        }}
      >
        <Group mt="xs">
          {pair.map((p) => (
            <Radio key={p.id} value={p.id} label={t('dossier.merge.keep', { file: p.fileNumber })} />
          ))}
        </Group>
      </Radio.Group>
      <Text size="sm" c="dimmed">
        {t('dossier.merge.fieldsHelp')}
      </Text>
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {pair.map((p) => (
              <Table.Th key={p.id}>
                {p.fileNumber} ·{' '}
                {p.id === survivor.id ? t('dossier.merge.kept') : t('dossier.merge.mergedAway')}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {infoRows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row">{row.label}</Table.Th>
              {pair.map((p) => (
                <Table.Td key={p.id}>{row.value(p)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
          {/* A field neither file holds has nothing to compare. */}
          {fieldRows
            .filter((row) => row.kept !== null || row.other !== null)
            .map((row) => (
              <Table.Tr key={row.field}>
                <Table.Th scope="row">{row.label}</Table.Th>
                {pair.map((p) => {
                  const side = sideOf(p);
                  const value = side === 'survivor' ? row.kept : row.other;
                  if (!row.choosable) return <Table.Td key={p.id}>{value ?? t('app.none')}</Table.Td>;
                  return (
                    <Table.Td key={p.id}>
                      <Radio
                        name={`merge-${row.field}`}
                        value={side}
                        checked={(chosen[row.field] ?? row.defaultSide) === side}
                        onChange={() => setChosen((c) => ({ ...c, [row.field]: side }))}
                        label={value ?? t('app.none')}
                        aria-label={t('dossier.merge.valueLabel', {
                          field: row.label,
                          value: value ?? t('dossier.merge.empty'),
                          file: p.fileNumber,
                        })}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      {taken.length > 0 && (
        <Text size="sm" fw={500}>
          {t('dossier.merge.fieldsTaken', { count: taken.length, fields: taken.join(', ') })}
        </Text>
      )}
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
