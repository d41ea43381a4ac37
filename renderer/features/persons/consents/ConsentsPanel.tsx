/**
 * Consentements: the current state of each scope (given or withdrawn, when, by whom), giving or
 * withdrawing each one, the full history, and the printable form for the person to sign.
 */
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentState } from '../../../../shared/contract/persons';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { CONSENT_SCOPES, type ConsentScope } from '../../../../shared/domain/roles';
import { apiErrorOf, callOrThrow } from '../../../api/client';
import { LongTaskProgress, useLongTask } from '../../../app/long-task';
import { QueryError } from '../../../app/QueryError';
import { errorText } from '../../../i18n/error-text';
import { formatDateTime } from '../../../i18n/dates';
import { currentLanguage } from '../../../i18n/setup';
import { useConsents } from '../api';
import { downloadPdf } from '../download';
import { PagedFooter, usePaged } from '../../../app/paging';
import { useSignedIn } from '../use-signed-in';
import { ConsentModal } from './ConsentModal';

function StateBadge({ state }: { state: ConsentState | undefined }) {
  const { t } = useTranslation();
  if (!state?.recordedAt)
    return (
      <Badge maw="none" color="gray" variant="outline" tt="none">
        {t('consents.state.never')}
      </Badge>
    );
  return state.given ? (
    <Badge maw="none" color="teal" tt="none">
      {t('consents.state.given')}
    </Badge>
  ) : (
    <Badge maw="none" color="red" variant="light" tt="none">
      {t('consents.state.withdrawn')}
    </Badge>
  );
}

export function ConsentsPanel({ personId, readOnly }: { personId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const session = useSignedIn();
  const canWrite = !readOnly && sectionAccess(session.state.user.roles, 'consent') === 'write';
  const consents = useConsents(personId, true);
  const newestFirst = [...(consents.data?.history ?? [])].sort((a, b) =>
    b.recordedAt.localeCompare(a.recordedAt),
  );
  const history = usePaged(newestFirst, 10);
  const [editing, setEditing] = useState<{ scope: ConsentScope; give: boolean } | null>(null);
  const current = new Map((consents.data?.current ?? []).map((c) => [c.scope, c]));

  // The read is audited (the log says the PDF was made): shown as long work, never cancellable.
  const printing = useLongTask(async () => {
    try {
      downloadPdf(await callOrThrow('persons.consentForm', { personId, locale: lng }));
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) });
    }
  });

  if (consents.isError) return <QueryError error={consents.error} onRetry={() => void consents.refetch()} />;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          {t('consents.intro')}
        </Text>
        <Button variant="light" onClick={() => printing.run()} loading={printing.running}>
          {t('consents.printForm')}
        </Button>
      </Group>
      <LongTaskProgress task={printing} label={t('longTask.preparingPdf')} />
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" aria-label={t('consents.currentTitle')} aria-busy={consents.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consents.columns.scope')}</Table.Th>
              <Table.Th>{t('consents.columns.state')}</Table.Th>
              <Table.Th>{t('consents.columns.when')}</Table.Th>
              {canWrite && <Table.Th>{t('app.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CONSENT_SCOPES.map((scope) => {
              const state = current.get(scope);
              const given = state?.given === true;
              return (
                <Table.Tr key={scope} data-scope={scope}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {t(`consents.scopes.${scope}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`consents.descriptions.${scope}`)}
                    </Text>
                  </Table.Td>
                  {/* A badge never shrinks to an ellipsis: the description column gives way. */}
                  <Table.Td style={{ minWidth: 130 }}>
                    <StateBadge state={state} />
                  </Table.Td>
                  <Table.Td>
                    {state?.recordedAt ? (
                      <Text size="sm">
                        {formatDateTime(state.recordedAt, lng)}
                        {state.recordedByName && (
                          <Text span c="dimmed" size="sm">
                            {' '}
                            · {state.recordedByName}
                          </Text>
                        )}
                      </Text>
                    ) : (
                      t('app.none')
                    )}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant={given ? 'subtle' : 'light'}
                        color={given ? 'red' : 'teal'}
                        onClick={() => setEditing({ scope, give: !given })}
                        aria-label={t(given ? 'consents.withdrawFor' : 'consents.giveFor', {
                          scope: t(`consents.scopes.${scope}`),
                        })}
                      >
                        {t(given ? 'consents.withdraw' : 'consents.give')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('consents.historyTitle')}
        </Title>
        {history.total === 0 ? (
          <Text c="dimmed">{t('consents.noHistory')}</Text>
        ) : (
          <>
            <Table striped verticalSpacing="xs" aria-label={t('consents.historyTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('consents.columns.when')}</Table.Th>
                  <Table.Th>{t('consents.columns.scope')}</Table.Th>
                  <Table.Th>{t('consents.columns.state')}</Table.Th>
                  <Table.Th>{t('consents.columns.by')}</Table.Th>
                  <Table.Th>{t('consents.columns.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.shown.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>{formatDateTime(event.recordedAt, lng)}</Table.Td>
                    <Table.Td>{t(`consents.scopes.${event.scope}`)}</Table.Td>
                    <Table.Td>
                      {t(event.given ? 'consents.state.given' : 'consents.state.withdrawn')}
                    </Table.Td>
                    <Table.Td>{event.recordedByName ?? t('app.none')}</Table.Td>
                    <Table.Td>{event.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <PagedFooter paged={history} />
          </>
        )}
      </Stack>
      {editing && (
        <ConsentModal
          personId={personId}
          scope={editing.scope}
          give={editing.give}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
