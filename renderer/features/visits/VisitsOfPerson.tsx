/** The person's visits, newest first (the pathway tab of the dossier). */
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/contract/visits';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { PagedFooter, usePaged } from '../../app/paging';

const PAGE_SIZE = 10;

export function VisitsOfPerson({ visits }: { visits: Visit[] }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const paged = usePaged(visits, PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('dossier.pathway.visits')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossier.pathway.openedAt')}</Table.Th>
              <Table.Th>{t('dossier.pathway.origin')}</Table.Th>
              <Table.Th>{t('dossier.pathway.step')}</Table.Th>
              <Table.Th>{t('dossier.pathway.priority')}</Table.Th>
              <Table.Th>{t('dossier.pathway.closedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paged.shown.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{formatDateTime(v.openedAt, lng)}</Table.Td>
                <Table.Td>{t(`dossier.origin.${v.origin}`)}</Table.Td>
                <Table.Td>{t(`catalogue.visitSteps.${v.step}`)}</Table.Td>
                <Table.Td>
                  {v.priority === 'normal' ? (
                    t(`catalogue.priorities.${v.priority}`)
                  ) : (
                    <Badge maw="none" color="red" tt="none">
                      {t(`catalogue.priorities.${v.priority}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {v.closedAt ? formatDateTime(v.closedAt, lng) : t('dossier.pathway.open')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paged.total === 0 ? (
        <Text c="dimmed">{t('dossier.pathway.noVisits')}</Text>
      ) : (
        <PagedFooter paged={paged} />
      )}
    </Stack>
  );
}
