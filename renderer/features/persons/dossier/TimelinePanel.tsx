/**
 * Chronologie: everything that happened in the file, newest first, in local time. The core sends
 * short label keys; they are translated here, and anything unknown is shown as it came.
 */
import { Stack, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../../shared/contract/dossier';
import { formatDateTime } from '../../../i18n/dates';
import i18n, { currentLanguage, isTextKey } from '../../../i18n/setup';
import { PagedFooter, usePaged } from '../../../app/paging';

type Item = Dossier['timeline'][number];

const PAGE_SIZE = 20;
const COLORS: Record<Item['kind'], string> = {
  created: 'gray',
  visit: 'blue',
  appointment: 'cyan',
  interview: 'teal',
  referral: 'violet',
  consent: 'orange',
};

function known(key: string, fallback: string | null): string {
  return isTextKey(key) ? i18n.t(key) : (fallback ?? '');
}

export function describe(t: TFunction, item: Item): { title: string; detail: string | null } {
  switch (item.kind) {
    case 'created':
      return { title: t('dossier.timeline.created'), detail: item.detail };
    case 'visit':
      return {
        title: t('dossier.timeline.visit', { origin: known(`dossier.origin.${item.label}`, item.label) }),
        detail: item.detail ? known(`catalogue.visitSteps.${item.detail}`, item.detail) : null,
      };
    case 'appointment':
      return {
        title: t('dossier.timeline.appointment', {
          type: known(`catalogue.appointmentTypes.${item.label}`, item.label),
        }),
        detail: item.detail ? known(`appointments.statuses.${item.detail}`, item.detail) : null,
      };
    case 'interview':
      return {
        title:
          item.label === 'pep_alert' ? t('dossier.timeline.interviewPep') : t('dossier.timeline.interview'),
        detail: item.detail ? t('dossier.timeline.by', { name: item.detail }) : null,
      };
    case 'referral':
      return {
        title: t('dossier.timeline.referral', { entry: item.detail ?? '' }),
        detail: known(`catalogue.referralStatuses.${item.label}`, item.label),
      };
    case 'consent':
      return {
        title: t(
          item.label === 'given' ? 'dossier.timeline.consentGiven' : 'dossier.timeline.consentWithdrawn',
          {
            scope: known(`consents.scopes.${item.detail ?? ''}`, item.detail),
          },
        ),
        detail: null,
      };
  }
}

export function TimelinePanel({ items }: { items: Item[] }) {
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
              color={COLORS[item.kind]}
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
