/**
 * The person's appointments, newest first (the pathway tab of the dossier), with how many were
 * missed: an appointment not honoured by the end of its day is marked absent by the core.
 */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../shared/contract/appointments';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { PagedFooter, usePaged } from '../../app/paging';

const PAGE_SIZE = 10;

export function AppointmentsOfPerson({ appointments }: { appointments: Appointment[] }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const paged = usePaged(appointments, PAGE_SIZE);
  const noShows = appointments.filter((a) => a.status === 'no_show').length;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('dossier.pathway.appointments')}
      </Title>
      {noShows > 0 && (
        <Text size="sm" c="orange.8" fw={600} data-testid="no-show-count">
          {t('appointments.noShows', { count: noShows })}
        </Text>
      )}
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
            {paged.shown.map((a) => (
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
      {paged.total === 0 ? (
        <Text c="dimmed">{t('dossier.pathway.noAppointments')}</Text>
      ) : (
        <PagedFooter paged={paged} />
      )}
    </Stack>
  );
}
