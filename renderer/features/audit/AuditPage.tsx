/**
 * Journal d'audit: who did what, when, on which dossier section, filtered and paged, and a check
 * of the hash chain that says whether the log is intact or where it was altered.
 */
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditEntryView } from '../../../shared/contract';
import { AUDIT_ACTIONS } from '../../../shared/contract/audit';
import { apiErrorOf } from '../../api/client';
import { EmptyRow, PageTitle, TableHead } from '../../app/list-page';
import { LongTaskProgress } from '../../app/long-task';
import { PageFooter, pageCount, useServerPage } from '../../app/paging';
import { QueryError } from '../../app/QueryError';
import { errorText } from '../../i18n/error-text';
import { dayBoundary, formatDateTime } from '../../i18n/dates';
import i18n, { currentLanguage, isTextKey } from '../../i18n/setup';
import { useSiteOptions } from '../centre/site-options';
import { AuditPersonLabel } from './AuditPersonLabel';
import { UnusualReading } from './UnusualReading';
import { useAuditActors, useAuditList, useVerifyAudit } from './api';

const PAGE_SIZE = 50;

function isAuditAction(value: string | null): value is AuditAction {
  return value !== null && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

function translatedOr(key: string, fallback: string): string {
  return isTextKey(key) ? i18n.t(key) : fallback;
}

export function AuditPage() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [actorId, setActorId] = useState<string | null>(null);
  const [personInput, setPersonInput] = useState('');
  // A file number (or its ending), a name or an id: the core finds the persons through its search.
  const [person] = useDebouncedValue(personInput.trim(), 400);
  const [action, setAction] = useState<AuditAction | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const { page, setPage, resetting: filtered } = useServerPage();
  const actors = useAuditActors();
  const { codeOf: siteCodeOf } = useSiteOptions();
  const verify = useVerifyAudit();

  const list = useAuditList({
    page,
    pageSize: PAGE_SIZE,
    actorId: actorId ?? undefined,
    person: person || undefined,
    action: action ?? undefined,
    from: from ? dayBoundary(from, 'start') : undefined,
    to: to ? dayBoundary(to, 'end') : undefined,
  });
  const pages = pageCount(list.data?.total, PAGE_SIZE);

  const nameById = useMemo(
    () => new Map((actors.data?.items ?? []).map((u) => [u.id, u.displayName])),
    [actors.data],
  );
  const actorOptions = (actors.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName} (${u.username})`,
  }));
  const actionOptions = AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }));

  const hasFilters =
    actorId !== null || personInput !== '' || action !== null || from !== null || to !== null;
  function clearFilters() {
    setActorId(null);
    setPersonInput('');
    setAction(null);
    setFrom(null);
    setTo(null);
    setPage(1);
  }

  /** What an entry is about, by name when the page knows it (accounts, sites). */
  function target(entry: AuditEntryView): string {
    if (!entry.targetType) return t('app.none');
    const type = translatedOr(`audit.targets.${entry.targetType}`, entry.targetType);
    // The centre is a single record: its id says nothing more.
    if (!entry.targetId || entry.targetType === 'centre') return type;
    const name =
      entry.targetType === 'staff_user'
        ? nameById.get(entry.targetId)
        : entry.targetType === 'site'
          ? siteCodeOf(entry.targetId)
          : undefined;
    return `${type} · ${name ?? entry.targetId}`;
  }

  const verification = verify.data;

  return (
    <Stack maw={1300}>
      <PageTitle
        title={t('audit.title')}
        intro={t('audit.intro')}
        action={
          <Button variant="light" onClick={() => verify.run()} loading={verify.running}>
            {t('audit.verify')}
          </Button>
        }
      />

      <LongTaskProgress task={verify} label={t('longTask.verifyingAudit')} onCancel={() => verify.cancel()} />
      {verification && (
        <Alert color={verification.intact ? 'teal' : 'red'} role="status" aria-live="polite">
          {verification.intact
            ? t('audit.intact', { checked: verification.checked })
            : t('audit.broken', {
                seq: verification.firstBrokenSeq ?? '?',
                problem: t(`audit.problems.${verification.problem ?? 'unknown'}`),
              })}
        </Alert>
      )}
      <UnusualReading />
      {verify.isError && (
        <Alert color="red" role="alert">
          {errorText(t, apiErrorOf(verify.error))}
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <Select
            label={t('fields.actor')}
            placeholder={t('audit.allUsers')}
            data={actorOptions}
            value={actorId}
            onChange={filtered(setActorId)}
            searchable
            clearable
          />
          <TextInput
            label={t('audit.personFilter')}
            placeholder={t('audit.personFilterHelp')}
            value={personInput}
            onChange={(e) => filtered(setPersonInput)(e.currentTarget.value)}
          />
          <Select
            label={t('fields.action')}
            placeholder={t('audit.allActions')}
            data={actionOptions}
            value={action}
            onChange={filtered((value: string | null) => setAction(isAuditAction(value) ? value : null))}
            clearable
          />
          <DatePickerInput
            label={t('fields.from')}
            value={from}
            onChange={filtered(setFrom)}
            clearable
            maxDate={to ?? undefined}
            valueFormat="DD/MM/YYYY"
          />
          <DatePickerInput
            label={t('fields.to')}
            value={to}
            onChange={filtered(setTo)}
            clearable
            minDate={from ?? undefined}
            valueFormat="DD/MM/YYYY"
          />
        </SimpleGrid>
        {hasFilters && (
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" size="xs" onClick={clearFilters}>
              {t('audit.clearFilters')}
            </Button>
          </Group>
        )}
      </Paper>

      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}

      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" aria-busy={list.isFetching}>
          <TableHead
            columns={[
              t('audit.columns.at'),
              t('audit.columns.actor'),
              t('audit.columns.action'),
              t('audit.columns.section'),
              t('audit.columns.person'),
              t('audit.columns.target'),
              t('audit.columns.reason'),
            ]}
          />
          <Table.Tbody>
            {list.data?.items.map((entry) => (
              <Table.Tr key={entry.seq}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, lng)}</Table.Td>
                <Table.Td>
                  {entry.actorName ??
                    (entry.actorId ? (nameById.get(entry.actorId) ?? entry.actorId) : t('app.system'))}
                </Table.Td>
                <Table.Td>{t(`audit.actions.${entry.action}`)}</Table.Td>
                <Table.Td>{entry.section ? t(`sections.${entry.section}`) : t('app.none')}</Table.Td>
                <Table.Td>
                  <AuditPersonLabel personId={entry.personId} person={entry.person} />
                </Table.Td>
                <Table.Td>{target(entry)}</Table.Td>
                <Table.Td>{entry.reason ?? t('app.none')}</Table.Td>
              </Table.Tr>
            ))}
            {list.data?.items.length === 0 && <EmptyRow colSpan={7} text={t('app.empty')} />}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <PageFooter total={list.data?.total ?? 0} page={page} pages={pages} setPage={setPage} />
    </Stack>
  );
}
