/**
 * The Tests tab: the person's screenings, newest day first (paged), each sample with its status
 * and its result; what is still to do is marked (a result to give, a confirmation pending) and
 * done from here: a new screening, a result entered, a result given to the person.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sample } from '../../../shared/contract/screenings';
import { apiErrorOf } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { currentLanguage } from '../../i18n/setup';
import { formatDateTime } from '../../i18n/dates';
import { formatDay } from '../prep/dates';
import { useGiveResult, useScreeningCatalogue } from './api';
import { sampleLabel } from './labels';
import { ResultForm } from './ResultForm';
import { ScreeningForm } from './ScreeningForm';
import { valueText } from './value-text';

/** Screening days shown at first, and added by "show more". */
const DAYS_PER_PAGE = 8;

const STATUS_COLOR = { ordered: 'gray', taken: 'blue', resulted: 'teal', cancelled: 'gray' } as const;
const READING_COLOR = { positive: 'red', negative: 'teal', invalid: 'orange' } as const;

function byScreening(samples: readonly Sample[]): Sample[][] {
  const days = new Map<string, Sample[]>();
  for (const s of samples) days.set(s.screeningId, [...(days.get(s.screeningId) ?? []), s]);
  return [...days.values()];
}

export function ScreeningsPanel({
  personId,
  samples,
  canWrite,
  siteId,
  visitId,
  showEmpty,
}: {
  personId: string;
  samples: readonly Sample[];
  canWrite: boolean;
  siteId: string | null;
  visitId: string | null;
  showEmpty: boolean;
}) {
  const { t } = useTranslation();
  const catalogue = useScreeningCatalogue();
  const [pages, setPages] = useState(1);
  const [screening, setScreening] = useState(false);
  const [resulting, setResulting] = useState<Sample | null>(null);
  const days = byScreening(samples);
  const toGive = samples.filter((s) => s.result?.toGive).length;
  const pending = samples.filter(
    (s) => s.confirmsResultId && (s.status === 'ordered' || s.status === 'taken'),
  ).length;
  const ordered = samples.filter((s) => s.status === 'ordered');

  return (
    <Stack>
      {(toGive > 0 || pending > 0) && (
        <Alert color="orange" data-testid="screenings-due">
          {toGive > 0 && <Text size="sm">{t('screenings.alerts.toGive', { count: toGive })}</Text>}
          {pending > 0 && (
            <Text size="sm">{t('screenings.alerts.confirmationPending', { count: pending })}</Text>
          )}
        </Alert>
      )}
      {canWrite && (
        <Group>
          <Button onClick={() => setScreening(true)} disabled={!siteId || !catalogue.data}>
            {t('screenings.actions.newScreening')}
          </Button>
        </Group>
      )}
      {showEmpty && days.length === 0 && <Text c="dimmed">{t('screenings.list.none')}</Text>}
      {days.slice(0, pages * DAYS_PER_PAGE).map((day) => (
        <Card
          key={day[0].screeningId}
          withBorder
          component="section"
          aria-label={t('screenings.list.day', { date: formatDay(day[0].takenOn) })}
        >
          <Title order={3} size="h5" mb="xs">
            {t('screenings.list.day', { date: formatDay(day[0].takenOn) })}
          </Title>
          <Stack gap="xs">
            {day.map((s) => (
              <SampleLine
                key={s.id}
                sample={s}
                canWrite={canWrite}
                canEnterResult={canWrite && !!catalogue.data}
                onEnterResult={() => setResulting(s)}
              />
            ))}
          </Stack>
        </Card>
      ))}
      {days.length > pages * DAYS_PER_PAGE && (
        <Group>
          <Button variant="subtle" onClick={() => setPages((p) => p + 1)}>
            {t('screenings.actions.showMore')}
          </Button>
        </Group>
      )}
      {screening && siteId && catalogue.data && (
        <ScreeningForm
          personId={personId}
          siteId={siteId}
          visitId={visitId}
          ordered={ordered}
          catalogue={catalogue.data}
          onDone={() => setScreening(false)}
        />
      )}
      {resulting && catalogue.data && (
        <ResultForm sample={resulting} catalogue={catalogue.data} onDone={() => setResulting(null)} />
      )}
    </Stack>
  );
}

function SampleLine({
  sample: s,
  canWrite,
  canEnterResult,
  onEnterResult,
}: {
  sample: Sample;
  canWrite: boolean;
  canEnterResult: boolean;
  onEnterResult: () => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const give = useGiveResult();
  const label = sampleLabel(t, s);
  const r = s.result;
  const time = s.takenAt ? formatDateTime(s.takenAt, lng) : null;
  function giveNow() {
    if (!r) return;
    give.mutate(
      { personId: s.personId, resultId: r.id, version: r.version, givenAt: new Date().toISOString() },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('screenings.give.saved') }),
        onError: (err) => notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) }),
      },
    );
  }
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" role="group" aria-label={label}>
      <Stack gap={2}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Badge color={STATUS_COLOR[s.status]} variant="light">
            {t(`screenings.status.${s.status}`)}
          </Badge>
          {s.confirmsResultId && (
            <Badge color="orange" variant="outline">
              {t('screenings.list.confirms')}
            </Badge>
          )}
        </Group>
        {time && (
          <Text size="xs" c="dimmed">
            {s.takenByName
              ? t('screenings.list.takenBy', { time, name: s.takenByName })
              : t('screenings.list.takenAt', { time })}
          </Text>
        )}
        {r && (
          <Group gap="xs">
            <Badge color={READING_COLOR[r.interpretation]}>
              {t(`screenings.interpretation.${r.interpretation}`)}
            </Badge>
            <Text size="sm">{valueText(t, r.value)}</Text>
            {r.labReference && (
              <Text size="xs" c="dimmed">
                {t('screenings.list.labReference', { reference: r.labReference })}
              </Text>
            )}
            {r.toGive && (
              <Badge color="orange" variant="dot">
                {t('screenings.list.toGive')}
              </Badge>
            )}
            {r.givenAt && (
              <Text size="xs" c="dimmed">
                {r.givenByName
                  ? t('screenings.list.given', { at: formatDateTime(r.givenAt, lng), name: r.givenByName })
                  : t('screenings.list.givenAt', { at: formatDateTime(r.givenAt, lng) })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
      <Group gap="xs">
        {canEnterResult && s.status === 'taken' && (
          <Button
            size="xs"
            variant="light"
            onClick={onEnterResult}
            aria-label={`${t('screenings.actions.enterResult')} — ${label}`}
          >
            {t('screenings.actions.enterResult')}
          </Button>
        )}
        {canWrite && r?.toGive && (
          <Button
            size="xs"
            variant="light"
            color="teal"
            loading={give.isPending}
            onClick={giveNow}
            aria-label={`${t('screenings.actions.give')} — ${label}`}
          >
            {t('screenings.actions.give')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
