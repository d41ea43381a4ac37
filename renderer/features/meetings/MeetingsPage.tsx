/**
 * `/meetings`: the coordination meetings held at the reader's sites (all, or the one the filter
 * names), latest first, paged by the core (keyset); a line opens the meeting (the persons discussed whom the reader may read); "Nouvelle
 * réunion" records one.
 */
import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingLine } from '../../../shared/contract/meetings';
import { callOrThrow } from '../../api/client';
import { EmptyRow, PageTitle, TableHead } from '../../app/list-page';
import { QueryError } from '../../app/QueryError';
import { useSiteOptions } from '../centre/site-options';
import { formatDay } from '../prep/dates';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import { SitesFilter, useSitesFilter } from '../case-plans/SitesFilter';
import { meetingsKeys, useMeeting } from './api';
import { MeetingForm } from './MeetingForm';

export function MeetingsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const filter = useSitesFilter();
  return (
    <Stack>
      <PageTitle
        title={t('meetings.title')}
        intro={t('meetings.intro')}
        action={<Button onClick={() => setCreating(true)}>{t('meetings.new')}</Button>}
      />
      <SitesFilter value={filter.siteId} onChange={filter.setSiteId} of={t('meetings.title')} />
      {/* A new filter starts again from the first page. */}
      <MeetingsList key={filter.siteId} input={filter.input} onOpen={setOpenId} />
      {creating && <MeetingForm onDone={() => setCreating(false)} />}
      {openId && <MeetingDetail meetingId={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}

function MeetingsList({ input, onOpen }: { input: { siteIds?: string[] }; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const sites = useSiteOptions();
  const pages = useKeysetPages(
    [...meetingsKeys.all, input.siteIds ?? null],
    (cursor: { heldOn: string; id: string } | undefined) =>
      callOrThrow('meetings.list', { limit: 25, ...input, ...(cursor ? { cursor } : {}) }),
  );
  const rows: MeetingLine[] = pages.rows ?? [];
  return (
    <>
      {pages.isError && <QueryError error={pages.error} onRetry={pages.refetch} />}
      <Table striped highlightOnHover>
        <TableHead
          columns={[
            t('meetings.columns.heldOn'),
            t('meetings.columns.site'),
            t('meetings.columns.participants'),
            t('meetings.columns.cases'),
          ]}
        />
        <Table.Tbody>
          {!pages.isPending && rows.length === 0 && <EmptyRow colSpan={4} text={t('meetings.empty')} />}
          {rows.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => onOpen(m.id)}>
                  {formatDay(m.heldOn)}
                </Button>
              </Table.Td>
              <Table.Td>{sites.codeOf(m.siteId)}</Table.Td>
              <Table.Td>{m.participantNames.join(', ')}</Table.Td>
              <Table.Td>{m.casesCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(pages.hasPrevious || pages.hasNext) && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" disabled={!pages.hasPrevious} onClick={pages.previous}>
            {t('meetings.previous')}
          </Button>
          <Button variant="default" size="xs" disabled={!pages.hasNext} onClick={pages.next}>
            {t('meetings.next')}
          </Button>
        </Group>
      )}
    </>
  );
}

/** One meeting: its header, and each person discussed whom the reader may read (the rest counted). */
function MeetingDetail({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  const data = meeting.data;
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={data?.meeting ? t('meetings.detail.title', { date: formatDay(data.meeting.heldOn) }) : ''}
    >
      {meeting.isError && <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />}
      {data && !data.meeting && <Text c="dimmed">{t('meetings.detail.hidden')}</Text>}
      {data?.meeting && (
        <Stack>
          <Text size="sm">{data.meeting.participantNames.join(', ')}</Text>
          {data.meeting.externalParticipants && (
            <Text size="sm">
              {t('meetings.detail.external', { names: data.meeting.externalParticipants })}
            </Text>
          )}
          {data.meeting.generalNotes && <Text size="sm">{data.meeting.generalNotes}</Text>}
          {data.leftOut > 0 && (
            <Alert color="gray">{t('meetings.detail.leftOut', { count: data.leftOut })}</Alert>
          )}
          {data.items.map((c) => (
            <Stack key={c.personId} gap={4} component="section" aria-label={c.nameUsed}>
              <Title order={4}>{`${c.nameUsed} (${c.fileNumber})`}</Title>
              <Text size="sm" fw={500}>
                {t('meetings.detail.decisions')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.decisions}
              </Text>
              {c.actions.length > 0 && (
                <>
                  <Text size="sm" fw={500}>
                    {t('meetings.detail.actions')}
                  </Text>
                  {c.actions.map((a) => (
                    <Text key={a.id} size="sm">
                      {`${a.title} · ${t(`casePlans.actionStatuses.${a.status}`)} · ${a.ownerName ?? ''} · ${formatDay(a.dueOn)}`}
                    </Text>
                  ))}
                </>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Modal>
  );
}
