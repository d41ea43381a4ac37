/**
 * The lines of a worklist page and its keyset paging: each line names the person (a link to the
 * dossier on the owner's tab), their file number, what is due and the site.
 */
import { Anchor, Button, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/QueryError';
import { personLinks } from '../persons/links';
import type { DossierTab } from '../persons/routes';
import { useSignedIn } from '../persons/use-signed-in';
import type { KeysetPages } from './use-keyset-pages';

export interface WorklistLine {
  key: string;
  personId: string;
  nameUsed: string;
  fileNumber: string;
  siteId: string;
  /** What is due, as the owner words it ("Suivi prévu le 12/11/2026"). */
  detail: string;
}

export function WorklistLines<Row>({
  pages,
  lineOf,
  tab,
}: {
  pages: KeysetPages<Row>;
  lineOf: (row: Row) => WorklistLine;
  /** The dossier tab a line opens on. */
  tab: DossierTab;
}) {
  const { t } = useTranslation();
  const sites = useSignedIn().state.user.sites;
  const siteCode = (id: string) => sites.find((s) => s.id === id)?.code ?? '';
  if (pages.isError) return <QueryError error={pages.error} onRetry={pages.refetch} />;
  if (!pages.rows) return <Loader size="sm" />;
  const lines = pages.rows.map(lineOf);
  return (
    <>
      {lines.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('worklists.empty')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('worklists.columns.person')}</Table.Th>
              <Table.Th>{t('worklists.columns.fileNumber')}</Table.Th>
              <Table.Th>{t('worklists.columns.due')}</Table.Th>
              <Table.Th>{t('worklists.columns.site')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.key}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => <Link {...props} {...personLinks.dossier(line.personId, tab)} />}
                  >
                    {line.nameUsed}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{line.fileNumber}</Table.Td>
                <Table.Td>{line.detail}</Table.Td>
                <Table.Td>{siteCode(line.siteId)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(pages.hasPrevious || pages.hasNext) && (
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" disabled={!pages.hasPrevious} onClick={pages.previous}>
            {t('worklists.previous')}
          </Button>
          <Button size="xs" variant="default" disabled={!pages.hasNext} onClick={pages.next}>
            {t('worklists.next')}
          </Button>
        </Group>
      )}
    </>
  );
}
