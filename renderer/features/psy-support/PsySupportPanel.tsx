/**
 * The "Soutien psychologique" tab: "new session" and "psychiatric referral", then sessions and
 * referrals latest first — a session's kind (and group), when it was held in the site's time, by
 * whom, how long, and its private note as typed; a referral's psychiatrist, status, appointment
 * and feedback.
 */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PsyRecord, PsyReferral, PsySession } from '../../../shared/contract/psy-support';
import { currentLanguage } from '../../i18n/setup';
import { formatCalendarDate } from '../persons/format';
import { ReferralForm } from './ReferralForm';
import { SessionForm } from './SessionForm';
import { siteDateTime, useSiteZone } from './site-time';

type Editing = { session: PsySession | null } | { referral: PsyReferral | null };

function When({
  iso,
  siteId,
  labelKey,
}: {
  iso: string;
  siteId: string;
  labelKey: 'psySupport.tab.heldAt' | 'psySupport.tab.appointment' | 'psySupport.tab.referredAt';
}) {
  const { t } = useTranslation();
  const zone = useSiteZone(siteId);
  const at = siteDateTime(iso, zone);
  return <>{t(labelKey, { date: formatCalendarDate(at.date, currentLanguage()), time: at.time })}</>;
}

function SessionCard({ s, onEdit }: { s: PsySession; onEdit: (() => void) | null }) {
  const { t } = useTranslation();
  const title =
    s.kind === 'group' && s.groupLabel
      ? `${t('psySupport.kinds.group')} · ${s.groupLabel}`
      : t(`psySupport.kinds.${s.kind}`);
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title}
          </Title>
          {onEdit && (
            <Button size="xs" variant="subtle" onClick={onEdit}>
              {t('psySupport.tab.edit')}
            </Button>
          )}
        </Group>
        <Text size="sm">
          <When iso={s.heldAt} siteId={s.siteId} labelKey="psySupport.tab.heldAt" />
          {s.psychologistName && ` ${t('psySupport.tab.by', { name: s.psychologistName })}`}
          {s.durationMin !== null && ` · ${t('psySupport.tab.duration', { count: s.durationMin })}`}
        </Text>
        {s.privateNote !== null && (
          <>
            <Text size="xs" c="dimmed">
              {t('psySupport.tab.privateNote')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.privateNote}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}

function ReferralCard({ r, onFollow }: { r: PsyReferral; onFollow: (() => void) | null }) {
  const { t } = useTranslation();
  const title = t('psySupport.tab.referral', { name: r.entryName ?? '—' });
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t(`catalogue.referralStatuses.${r.status}`)}</Badge>
            {onFollow && (
              <Button size="xs" variant="subtle" onClick={onFollow}>
                {t('psySupport.tab.follow')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm">
          <When iso={r.referredAt} siteId={r.siteId} labelKey="psySupport.tab.referredAt" />
        </Text>
        {r.appointmentAt && (
          <Text size="sm">
            <When iso={r.appointmentAt} siteId={r.siteId} labelKey="psySupport.tab.appointment" />
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {r.reason}
        </Text>
        {r.feedback && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('psySupport.tab.feedback', { text: r.feedback })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function PsySupportPanel({
  personId,
  records,
  canWrite,
}: {
  personId: string;
  records: readonly PsyRecord[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button onClick={() => setEditing({ session: null })}>{t('psySupport.tab.addSession')}</Button>
          <Button variant="light" onClick={() => setEditing({ referral: null })}>
            {t('psySupport.tab.addReferral')}
          </Button>
        </Group>
      )}
      {records.length === 0 && <Text c="dimmed">{t('psySupport.tab.none')}</Text>}
      {records.map((r) =>
        r.record === 'session' ? (
          <SessionCard key={r.id} s={r} onEdit={canWrite ? () => setEditing({ session: r }) : null} />
        ) : (
          <ReferralCard key={r.id} r={r} onFollow={canWrite ? () => setEditing({ referral: r }) : null} />
        ),
      )}
      {editing && 'session' in editing && (
        <SessionForm personId={personId} session={editing.session} onDone={() => setEditing(null)} />
      )}
      {editing && 'referral' in editing && (
        <ReferralForm personId={personId} referral={editing.referral} onDone={() => setEditing(null)} />
      )}
    </Stack>
  );
}
