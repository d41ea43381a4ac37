/**
 * "Who looked at my file", grouped as the printed report is: one line per team member, day, part
 * of the file and action, with how many times, the first and last time and the written reasons of
 * a break-the-glass (`groupAccessLog`, shared with the core's PDF).
 */
import { Table } from '@mantine/core';
import { format, parseISO } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { AccessLogGroup } from '../../../../shared/domain/access-log';
import { dateLocale } from '../../../i18n/dates';
import i18n, { currentLanguage, isTextKey } from '../../../i18n/setup';

function translatedOr(key: string, fallback: string): string {
  return isTextKey(key) ? i18n.t(key) : fallback;
}

export function AccessLogGroupsTable({ groups, busy }: { groups: readonly AccessLogGroup[]; busy: boolean }) {
  const { t } = useTranslation();
  const locale = dateLocale(currentLanguage());
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" aria-busy={busy} aria-label={t('dossier.access.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossier.access.pdf.day')}</Table.Th>
            <Table.Th>{t('dossier.access.who')}</Table.Th>
            <Table.Th>{t('dossier.access.action')}</Table.Th>
            <Table.Th>{t('dossier.access.section')}</Table.Th>
            <Table.Th>{t('dossier.access.pdf.count')}</Table.Th>
            <Table.Th>{t('dossier.access.pdf.times')}</Table.Th>
            <Table.Th>{t('dossier.access.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={`${g.readerId ?? ''}|${g.day}|${g.section ?? ''}|${g.action}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format(parseISO(g.day), 'P', { locale })}</Table.Td>
              <Table.Td>{g.readerName ?? t('app.system')}</Table.Td>
              <Table.Td>{translatedOr(`audit.actions.${g.action}`, g.action)}</Table.Td>
              <Table.Td>
                {g.section ? translatedOr(`sections.${g.section}`, g.section) : t('app.none')}
              </Table.Td>
              <Table.Td>{g.count}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {g.count === 1
                  ? g.firstTime
                  : t('dossier.access.pdf.timeRange', { first: g.firstTime, last: g.lastTime })}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{g.reasons.join('\n')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
