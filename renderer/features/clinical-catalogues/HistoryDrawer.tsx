/** The versions of one catalogue, newest first: number, when, who, why. */
import { Drawer, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueKey } from '../../../shared/domain/clinical-catalogues';
import { TableHead } from '../../app/list-page';
import { PageFooter, pageCount } from '../../app/paging';
import { QueryError } from '../../app/QueryError';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useCatalogueHistory } from './api';

const PAGE_SIZE = 20;

export function HistoryDrawer({
  catalogue,
  opened,
  onClose,
}: {
  catalogue: CatalogueKey;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const history = useCatalogueHistory(catalogue, page, PAGE_SIZE, opened);
  const lng = currentLanguage();
  const items = history.data?.items ?? [];
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('clinicalCatalogues.historyTitle', { catalogue: t(`clinicalCatalogues.tabs.${catalogue}`) })}
    >
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && items.length === 0 && (
        <Text c="dimmed">{t('clinicalCatalogues.historyEmpty')}</Text>
      )}
      {items.length > 0 && (
        <Stack>
          <Table>
            <TableHead
              columns={[
                t('clinicalCatalogues.historyColumns.version'),
                t('clinicalCatalogues.historyColumns.at'),
                t('clinicalCatalogues.historyColumns.by'),
                t('clinicalCatalogues.historyColumns.reason'),
              ]}
            />
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.version}</Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt, lng)}</Table.Td>
                  <Table.Td>{item.createdByName ?? t('clinicalCatalogues.historyUnknownAuthor')}</Table.Td>
                  <Table.Td>{item.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <PageFooter
            total={history.data?.total ?? 0}
            page={page}
            pages={pageCount(history.data?.total, PAGE_SIZE)}
            setPage={setPage}
            size="sm"
          />
        </Stack>
      )}
    </Drawer>
  );
}
