/** Parcours: the person's visits and appointments, newest first. */
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../../shared/contract/dossier';
import { formatDateTime } from '../../../i18n/dates';
import { currentLanguage } from '../../../i18n/setup';
import { PagedFooter, usePaged } from '../../../app/paging';

const PAGE_SIZE = 10;

export function PathwayPanel({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const visits = usePaged(dossier.visits, PAGE_SIZE);
  const appointments = usePaged(dossier.appointments, PAGE_SIZE);

  return (
    <Stack gap="lg">
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
              {visits.shown.map((v) => (
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
        {visits.total === 0 ? (
          <Text c="dimmed">{t('dossier.pathway.noVisits')}</Text>
        ) : (
          <PagedFooter paged={visits} />
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('dossier.pathway.appointments')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossier.pathway.startsAt')}</Table.Th>
                <Table.Th>{t('dossier.pathway.type')}</Table.Th>
                <Table.Th>{t('dossier.pathway.professional')}</Table.Th>
                <Table.Th>{t('dossier.pathway.room')}</Table.Th>
                <Table.Th>{t('dossier.pathway.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appointments.shown.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.startsAt, lng)}</Table.Td>
                  <Table.Td>{t(`catalogue.appointmentTypes.${a.type}`)}</Table.Td>
                  <Table.Td>{a.professionalName ?? t('app.none')}</Table.Td>
                  <Table.Td>{a.room ?? t('app.none')}</Table.Td>
                  <Table.Td>{t(`appointments.statuses.${a.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {appointments.total === 0 ? (
          <Text c="dimmed">{t('dossier.pathway.noAppointments')}</Text>
        ) : (
          <PagedFooter paged={appointments} />
        )}
      </Stack>
    </Stack>
  );
}
