/**
 * The agenda of the current site: day and week views in the site's time, filters by professional
 * and room, the opening hours shaded, walk-in slots visibly apart, and tomorrow's reminders.
 * Keyboard: N books, ← → move by one period, T comes back to today.
 */
import {
  ActionIcon,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { format } from 'date-fns';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/contract';
import { QueryError } from '../../app/QueryError';
import { useSession } from '../../app/session';
import { useKeyShortcuts } from '../../app/shortcuts';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { AgendaSummaryPage } from '../visits/CoordinationSummary';
import { dateLocale } from '../../i18n/dates';
import { SitePageFrame } from '../visits/SitePageFrame';
import { assignLanes, hoursShown, placeAll } from './agenda-layout';
import { AgendaGrid } from './AgendaGrid';
import { useAppointments, useProfessionals } from './api';
import { AppointmentModal, type AppointmentDialog } from './AppointmentModal';
import { RemindersPanel } from './RemindersPanel';
import {
  addDays,
  calendarDate,
  capitalizeFirst,
  mondayOf,
  siteClock,
  siteInstant,
  todayAt,
  weekdayOf,
} from './site-time';

type View = 'day' | 'week';

export function AgendaPage() {
  const session = useSession();
  // Coordination reads no pathway: today's agenda as counts, no person.
  if (sectionAccess(session?.state.user.roles ?? [], 'pathway') === 'none') return <AgendaSummaryPage />;
  return <PathwayAgenda />;
}

function PathwayAgenda() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('agenda');

  return (
    <SitePageFrame title={t('appointments.title')} intro={t('appointments.intro')}>
      {(site) => (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="agenda">{t('appointments.tabs.agenda')}</Tabs.Tab>
            <Tabs.Tab value="reminders">{t('appointments.tabs.reminders')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="agenda">
            <Agenda key={site.id} site={site} />
          </Tabs.Panel>
          <Tabs.Panel value="reminders">
            <RemindersPanel siteId={site.id} timeZone={site.timezone} />
          </Tabs.Panel>
        </Tabs>
      )}
    </SitePageFrame>
  );
}

function periodLabel(view: View, days: string[]): string {
  const locale = dateLocale();
  const first = calendarDate(days[0] ?? '');
  if (view === 'day') return capitalizeFirst(format(first, 'EEEE d MMMM yyyy', { locale }));
  const last = calendarDate(days[days.length - 1] ?? '');
  return `${format(first, 'd MMM', { locale })} – ${format(last, 'd MMM yyyy', { locale })}`;
}

function Agenda({ site }: { site: Site }) {
  const { t } = useTranslation();
  const session = useSession();
  const meId = session?.state.user.id ?? null;
  const today = todayAt(site.timezone);
  const [view, setView] = useState<View>('day');
  const [anchor, setAnchor] = useState(today);
  const [professionalId, setProfessionalId] = useState<string | null>(null);
  const [room, setRoom] = useState<string | null>(null);
  const [showCancelled, setShowCancelled] = useState(false);
  const [dialog, setDialog] = useState<AppointmentDialog | null>(null);

  const days = useMemo(() => {
    if (view === 'day') return [anchor];
    const monday = mondayOf(anchor);
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  }, [view, anchor]);
  const params = useMemo(
    () => ({
      siteId: site.id,
      from: siteInstant(days[0] ?? anchor, '00:00', site.timezone).toISOString(),
      to: siteInstant(addDays(days[days.length - 1] ?? anchor, 1), '00:00', site.timezone).toISOString(),
      includeCancelled: showCancelled,
    }),
    [site, days, anchor, showCancelled],
  );
  const appointments = useAppointments(params);
  const professionals = useProfessionals(site.id);

  // Filters apply here, so the room and professional lists stay whole while one is chosen.
  const all = useMemo(() => appointments.data ?? [], [appointments.data]);
  const shown = all.filter(
    (a) => (!professionalId || a.professionalId === professionalId) && (!room || a.room === room),
  );
  const placed = assignLanes(placeAll(shown, site.timezone));
  const range = hoursShown(site.openingHours, days.map(weekdayOf), placed);
  const rooms = [...new Set(all.map((a) => a.room).filter((r): r is string => !!r))].sort();
  const professionalOptions = useMemo(() => {
    const options = new Map((professionals.data ?? []).map((p) => [p.id, p.displayName]));
    // Someone no longer listed (deactivated) still names their appointments.
    for (const a of all)
      if (!options.has(a.professionalId)) options.set(a.professionalId, a.professionalName ?? '—');
    return [...options].map(([value, label]) => ({ value, label }));
  }, [professionals.data, all]);

  const step = view === 'day' ? 1 : 7;
  const move = (direction: 1 | -1) => setAnchor((d) => addDays(d, direction * step));
  const bookNow = () => {
    const now = siteClock(new Date(), site.timezone);
    const start = anchor === today ? Math.min(Math.ceil(now.minutes / 30) * 30, 23 * 60) : 9 * 60;
    setDialog({ kind: 'book', date: anchor, start });
  };
  // Single letters work from anywhere but a text field (a focused switch or tab included).
  useKeyShortcuts({ n: bookNow, t: () => setAnchor(today) });
  useHotkeys([
    ['ArrowLeft', () => move(-1)],
    ['ArrowRight', () => move(1)],
  ]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="center">
          <Button variant="default" onClick={() => setAnchor(today)}>
            {t('appointments.today')}
          </Button>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => move(-1)}
            aria-label={t('appointments.previous')}
          >
            ‹
          </ActionIcon>
          <ActionIcon variant="default" size="lg" onClick={() => move(1)} aria-label={t('appointments.next')}>
            ›
          </ActionIcon>
          <Title order={2} size="h4" ml="xs" aria-live="polite">
            {periodLabel(view, days)}
          </Title>
          {appointments.isFetching && <Loader size="xs" />}
        </Group>
        <TextInput
          type="date"
          label={t('appointments.goTo')}
          value={anchor}
          // A cleared or half-typed date keeps the current day.
          onChange={(e) =>
            /^\d{4}-\d{2}-\d{2}$/.test(e.currentTarget.value) && setAnchor(e.currentTarget.value)
          }
          w={170}
          ml="auto"
        />
        <Button onClick={bookNow}>{t('appointments.newAppointment')}</Button>
      </Group>
      <Group align="flex-end" gap="md">
        <SegmentedControl
          aria-label={t('appointments.views.label')}
          value={view}
          onChange={(v) => setView(v === 'week' ? 'week' : 'day')}
          data={[
            { value: 'day', label: t('appointments.views.day') },
            { value: 'week', label: t('appointments.views.week') },
          ]}
        />
        <Select
          label={t('appointments.professionalFilter')}
          placeholder={t('appointments.allProfessionals')}
          data={professionalOptions}
          value={professionalId}
          onChange={setProfessionalId}
          clearable
          searchable
          w={240}
        />
        <Select
          label={t('appointments.roomFilter')}
          placeholder={t('appointments.allRooms')}
          data={rooms}
          value={room}
          onChange={setRoom}
          clearable
          w={180}
        />
        <Switch
          label={t('appointments.showCancelled')}
          checked={showCancelled}
          onChange={(e) => setShowCancelled(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('appointments.shortcutHint')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('appointments.siteTime', { zone: site.timezone })}
        </Text>
      </Group>
      {appointments.isError && (
        <QueryError error={appointments.error} onRetry={() => void appointments.refetch()} />
      )}
      <AgendaGrid
        days={days}
        today={today}
        range={range}
        openingHours={site.openingHours}
        placed={placed}
        onOpen={(appointment) => setDialog({ kind: 'edit', appointment })}
        onSlot={(date, start) => setDialog({ kind: 'book', date, start })}
      />
      {appointments.data && shown.length === 0 && (
        <Text size="sm" c="dimmed" role="status">
          {t('appointments.empty')}
        </Text>
      )}
      {dialog && (
        <AppointmentModal
          dialog={dialog}
          site={site}
          professionals={professionalOptions}
          meId={meId}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
