/**
 * Chronologie: everything that happened in the file, newest first, in local time, from the
 * sections this reader may see. Each item is drawn by the feature that declared its kind.
 */
import { Loader, Stack, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../../shared/contract/dossier';
import { QueryError } from '../../../app/QueryError';
import { TIMELINE_KINDS } from '../../../app/timeline-registry';
import { usePersonTimeline } from '../api';
import { formatDateTime } from '../../../i18n/dates';
import { currentLanguage } from '../../../i18n/setup';
import { PagedFooter, usePaged } from '../../../app/paging';

type Item = TimelineItem;

const PAGE_SIZE = 20;

/** Drawn by the feature that declared the kind; an unknown kind is shown as it came. */
export function describe(t: TFunction, item: Item): { title: string; detail: string | null } {
  return TIMELINE_KINDS.get(item.kind)?.describe(t, item) ?? { title: item.label, detail: item.detail };
}

/** The timeline tab: read when opened, through `persons.timeline` (an audited read). */
export function TimelinePanel({ personId }: { personId: string }) {
  const timeline = usePersonTimeline(personId);
  if (timeline.isError) return <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (!timeline.data) return <Loader />;
  return <TimelineItems items={timeline.data.items} />;
}

function TimelineItems({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const paged = usePaged(items, PAGE_SIZE);
  return (
    <Stack>
      <Timeline
        bulletSize={14}
        lineWidth={2}
        // Every item has happened: all bullets coloured, none "to come".
        active={paged.shown.length - 1}
        aria-label={t('dossier.tabs.timeline')}
      >
        {paged.shown.map((item) => {
          const { title, detail } = describe(t, item);
          return (
            <Timeline.Item
              key={`${item.kind}-${item.refId}-${item.at}`}
              color={TIMELINE_KINDS.get(item.kind)?.color ?? 'gray'}
              title={title}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(item.at, lng)}
                {detail ? ` · ${detail}` : ''}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      <PagedFooter paged={paged} />
    </Stack>
  );
}
