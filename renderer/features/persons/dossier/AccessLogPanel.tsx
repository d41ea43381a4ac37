/**
 * "Qui a consulté mon dossier": every read and change of the file, by whom and which section,
 * grouped per team member, day, part and action as the printed report is (or each one), paged,
 * and printable for the person (`persons.accessLogPdf`).
 */
import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, callOrThrow } from '../../../api/client';
import { LongTaskProgress, useLongTask } from '../../../app/long-task';
import { QueryError } from '../../../app/QueryError';
import { errorText } from '../../../i18n/error-text';
import { formatSiteDateTime } from '../../../i18n/dates';
import i18n, { currentLanguage, isTextKey } from '../../../i18n/setup';
import { useAccessLog } from '../api';
import { downloadPdf } from '../download';
import { PagedFooter, usePaged } from '../../../app/paging';
import { AccessLogGroupsTable } from './AccessLogGroups';

const PAGE_SIZE = 25;

function translatedOr(key: string, fallback: string): string {
  return isTextKey(key) ? i18n.t(key) : fallback;
}

export function AccessLogPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const log = useAccessLog(personId, true);
  const [view, setView] = useState<'grouped' | 'detail'>('grouped');
  // Grouped by the core, by account and in the file's site's time zone, as the printed report is.
  const entries = log.data?.entries ?? [];
  const groups = log.data?.groups ?? [];
  const paged = usePaged(entries, PAGE_SIZE);
  const pagedGroups = usePaged(groups, PAGE_SIZE);

  // The read is audited (the log says the PDF was made): shown as long work, never cancellable.
  const printing = useLongTask(async () => {
    try {
      downloadPdf(await callOrThrow('persons.accessLogPdf', { personId, locale: lng }));
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) });
    }
  });

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4">
            {t('dossier.access.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dossier.access.intro')}
          </Text>
        </div>
        <Button variant="light" onClick={() => printing.run()} loading={printing.running}>
          {t('dossier.access.print')}
        </Button>
      </Group>
      <LongTaskProgress task={printing} label={t('longTask.preparingPdf')} />
      {log.data?.withheld && (
        <Text size="sm" c="dimmed">
          {t('dossier.access.withheld')}
        </Text>
      )}
      {log.isError && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
      <SegmentedControl
        aria-label={t('dossier.access.view.label')}
        value={view}
        onChange={(value) => setView(value === 'detail' ? 'detail' : 'grouped')}
        data={[
          { value: 'grouped', label: t('dossier.access.view.grouped') },
          { value: 'detail', label: t('dossier.access.view.detail') },
        ]}
        w="fit-content"
      />
      {view === 'grouped' ? (
        <>
          <AccessLogGroupsTable groups={pagedGroups.shown} busy={log.isFetching} />
          <PagedFooter paged={pagedGroups} />
        </>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table
              striped
              verticalSpacing="xs"
              aria-busy={log.isFetching}
              aria-label={t('dossier.access.title')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dossier.access.at')}</Table.Th>
                  <Table.Th>{t('dossier.access.who')}</Table.Th>
                  <Table.Th>{t('dossier.access.action')}</Table.Th>
                  <Table.Th>{t('dossier.access.section')}</Table.Th>
                  <Table.Th>{t('dossier.access.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {paged.shown.map((entry, index) => (
                  <Table.Tr key={`${entry.at}-${index}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatSiteDateTime(entry.at, log.data?.timeZone ?? 'UTC', lng)}
                    </Table.Td>
                    <Table.Td>{entry.userName ?? t('app.system')}</Table.Td>
                    <Table.Td>{translatedOr(`audit.actions.${entry.action}`, entry.action)}</Table.Td>
                    <Table.Td>{entry.section ? t(`sections.${entry.section}`) : t('app.none')}</Table.Td>
                    <Table.Td>{entry.reason ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagedFooter paged={paged} />
        </>
      )}
    </Stack>
  );
}
