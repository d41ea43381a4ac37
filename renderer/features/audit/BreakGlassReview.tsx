/**
 * The coordination's review of break-the-glass: every emergency access to a file without the
 * person's consent — who, when, which file, which parts were read under it, the written reason —
 * with "Marquer comme revu". Unreviewed first (only), all on demand; paged by the core.
 */
import { Badge, Button, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakGlassEvent } from '../../../shared/contract/audit';
import { apiErrorOf } from '../../api/client';
import { EmptyRow, PageTitle, TableHead } from '../../app/list-page';
import { PageFooter, pageCount, useServerPage } from '../../app/paging';
import { QueryError } from '../../app/QueryError';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { AuditPersonLabel } from './AuditPersonLabel';
import { useBreakGlassCount, useBreakGlassList, useReviewBreakGlass } from './break-glass-api';

const PAGE_SIZE = 20;

export function BreakGlassReviewPage() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [all, setAll] = useState(false);
  const { page, setPage, resetting } = useServerPage();
  const list = useBreakGlassList({ page, pageSize: PAGE_SIZE, all });
  const review = useReviewBreakGlass();
  const pages = pageCount(list.data?.total, PAGE_SIZE);

  function markReviewed(event: BreakGlassEvent) {
    review.mutate(
      { id: event.id },
      {
        onSuccess: (mark) =>
          notifications.show({
            color: mark.already ? 'yellow' : 'teal',
            message: mark.already
              ? t('audit.breakGlass.alreadyReviewed', {
                  name: mark.reviewedByName ?? t('app.system'),
                  at: formatDateTime(mark.reviewedAt, lng),
                })
              : t('audit.breakGlass.done'),
          }),
        onError: (err) => notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) }),
      },
    );
  }

  return (
    <Stack maw={1300}>
      <PageTitle title={t('audit.breakGlass.title')} intro={t('audit.breakGlass.intro')} />
      <Switch
        label={t('audit.breakGlass.showReviewed')}
        checked={all}
        onChange={(e) => resetting(setAll)(e.currentTarget.checked)}
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table.ScrollContainer minWidth={900}>
        <Table
          striped
          verticalSpacing="xs"
          aria-busy={list.isFetching}
          aria-label={t('audit.breakGlass.title')}
        >
          <TableHead
            columns={[
              t('audit.breakGlass.columns.at'),
              t('audit.breakGlass.columns.actor'),
              t('audit.breakGlass.columns.person'),
              t('audit.breakGlass.columns.sections'),
              t('audit.breakGlass.columns.reason'),
              t('audit.breakGlass.columns.review'),
            ]}
          />
          <Table.Tbody>
            {list.data?.items.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at, lng)}</Table.Td>
                <Table.Td>{event.actorName ?? event.actorId}</Table.Td>
                <Table.Td>
                  <AuditPersonLabel personId={event.personId} person={event.person} />
                </Table.Td>
                <Table.Td>
                  {event.sections.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('audit.breakGlass.noSections')}
                    </Text>
                  ) : (
                    event.sections.map((section) => t(`sections.${section}`)).join(', ')
                  )}
                </Table.Td>
                <Table.Td>{event.reason}</Table.Td>
                <Table.Td>
                  {event.reviewedAt ? (
                    <Text size="sm" c="dimmed">
                      {t('audit.breakGlass.reviewed', {
                        name: event.reviewedByName ?? t('app.system'),
                        at: formatDateTime(event.reviewedAt, lng),
                      })}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => markReviewed(event)}
                      loading={review.isPending && review.variables.id === event.id}
                      aria-label={t('audit.breakGlass.markReviewedOf', {
                        name: event.actorName ?? event.actorId,
                        at: formatDateTime(event.at, lng),
                      })}
                    >
                      {t('audit.breakGlass.markReviewed')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {list.data?.items.length === 0 && <EmptyRow colSpan={6} text={t('audit.breakGlass.none')} />}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PageFooter total={list.data?.total ?? 0} page={page} pages={pages} setPage={setPage} />
    </Stack>
  );
}

/** The navigation's count of grants no one has reviewed; nothing when there are none. */
export function BreakGlassNavBadge() {
  const { t } = useTranslation();
  const count = useBreakGlassCount();
  const unreviewed = count.data?.unreviewed ?? 0;
  if (unreviewed === 0) return null;
  return (
    <>
      <Badge color="red" size="sm" circle={unreviewed < 10} aria-hidden data-testid="break-glass-count">
        {unreviewed}
      </Badge>
      <VisuallyHidden>{t('audit.breakGlass.badge', { count: unreviewed })}</VisuallyHidden>
    </>
  );
}
