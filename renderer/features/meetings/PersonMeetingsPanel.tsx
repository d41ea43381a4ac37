/**
 * The "Réunions" panel of the plan tab (`meetings.forPerson`): the coordination meetings where the
 * person was discussed, latest first, with the decisions taken for her. Drawn as the plan is: a
 * reader the person no longer shares with sees only the decisions she recorded herself.
 */
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callOrThrow } from '../../api/client';
import { QueryError } from '../../app/QueryError';
import { formatDay } from '../prep/dates';
import { meetingsKeys } from './api';

export function PersonMeetingsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...meetingsKeys.all, 'person', personId],
    queryFn: () => callOrThrow('meetings.forPerson', { personId }),
  });
  const items = query.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="person-meetings-title">
      <Stack gap="xs">
        <Title order={3} id="person-meetings-title">
          {t('meetings.panel.title')}
        </Title>
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('meetings.panel.empty')}
          </Text>
        )}
        {items.map((m) => (
          <Stack key={m.meetingId} gap={2}>
            <Text size="sm" fw={500}>
              {t('meetings.panel.line', {
                date: formatDay(m.heldOn),
                participants: m.participantNames.join(', '),
              })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.decisions}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
