/**
 * The Juridique tab: "new procedure", then each procedure (newest first) with its type, stage,
 * lawyer, court and reference, its steps and its hearings (add, update), and the next stage. A
 * closed procedure shows its outcome and takes nothing more.
 */
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hearing, Procedure } from '../../../shared/contract/legal';
import { currentLanguage } from '../../i18n/setup';
import { formatCalendarDate, formatDay, formatTime } from '../persons/format';
import { DocumentsPanel } from '../attachments/DocumentsPanel';
import { HearingForm } from './HearingForm';
import { ProcedureForm } from './ProcedureForm';
import { StepForm } from './StepForm';

type Editing =
  | { kind: 'procedure'; procedure: Procedure | null }
  | { kind: 'step'; procedure: Procedure }
  | { kind: 'hearing'; procedure: Procedure; hearing: Hearing | null }
  | null;

function ProcedureCard({
  procedure,
  canWrite,
  edit,
}: {
  procedure: Procedure;
  canWrite: boolean;
  edit: (e: Editing) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const title = t(`legal.types.${procedure.type}`);
  const open = procedure.stage !== 'closed';
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={3} size="h5">
              {title}
            </Title>
            <Badge color={open ? 'indigo' : 'gray'} tt="none" maw="none">
              {t(`legal.stages.${procedure.stage}`)}
            </Badge>
          </Group>
          {canWrite && open && (
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => edit({ kind: 'procedure', procedure })}>
                {t('legal.tab.edit')}
              </Button>
              <Button size="xs" variant="light" onClick={() => edit({ kind: 'step', procedure })}>
                {t('legal.tab.nextStage')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">
          {t('legal.tab.openedOn', { date: formatCalendarDate(procedure.openedOn, lng) })}
          {procedure.followerName && ` · ${t('legal.tab.follower', { name: procedure.followerName })}`}
          {procedure.lawyerName && ` · ${t('legal.tab.lawyer', { name: procedure.lawyerName })}`}
        </Text>
        {(procedure.court || procedure.caseReference) && (
          <Text size="sm">
            {[
              procedure.court && t('legal.tab.court', { court: procedure.court }),
              procedure.caseReference && t('legal.tab.caseReference', { reference: procedure.caseReference }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {procedure.outcome && (
          <Text size="sm" fw={500}>
            {t('legal.tab.outcome', { outcome: t(`legal.outcomes.${procedure.outcome}`) })}
            {procedure.closedOn &&
              ` (${t('legal.tab.closedOn', { date: formatCalendarDate(procedure.closedOn, lng) })})`}
          </Text>
        )}
        {procedure.steps.length > 0 && (
          <>
            <Title order={4} size="h6">
              {t('legal.tab.steps')}
            </Title>
            <List size="sm">
              {procedure.steps.map((s) => (
                <List.Item key={s.id}>
                  {formatCalendarDate(s.on, lng)} · {t(`legal.stages.${s.stage}`)}
                  {s.note && ` · ${s.note}`}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Group justify="space-between">
          <Title order={4} size="h6">
            {t('legal.tab.hearings')}
          </Title>
          {canWrite && open && (
            <Button
              size="xs"
              variant="light"
              onClick={() => edit({ kind: 'hearing', procedure, hearing: null })}
            >
              {t('legal.tab.addHearing')}
            </Button>
          )}
        </Group>
        {procedure.hearings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('legal.tab.noHearing')}
          </Text>
        ) : (
          <List size="sm">
            {procedure.hearings.map((h) => (
              <List.Item key={h.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">
                    {t('legal.hearing.line', {
                      date: formatDay(h.startsAt, lng),
                      time: formatTime(h.startsAt, lng),
                      place: h.place,
                    })}
                  </Text>
                  <Badge size="sm" variant="light" tt="none" maw="none">
                    {t(`legal.hearingKinds.${h.kind}`)} · {t(`legal.hearingStatuses.${h.status}`)}
                  </Badge>
                  {canWrite && open && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => edit({ kind: 'hearing', procedure, hearing: h })}
                    >
                      {t('legal.tab.editHearing')}
                    </Button>
                  )}
                </Group>
                {h.outcomeNote && (
                  <Text size="xs" c="dimmed">
                    {h.outcomeNote}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        <DocumentsPanel
          owner={{ kind: 'legal', personId: procedure.personId, ownerId: procedure.id }}
          canWrite={canWrite}
        />
      </Stack>
    </Card>
  );
}

export function LegalPanel({
  personId,
  procedures,
  canWrite,
}: {
  personId: string;
  procedures: readonly Procedure[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => setEditing(null);
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button onClick={() => setEditing({ kind: 'procedure', procedure: null })}>
            {t('legal.tab.add')}
          </Button>
        </Group>
      )}
      {procedures.length === 0 && <Text c="dimmed">{t('legal.tab.none')}</Text>}
      {procedures.map((p) => (
        <ProcedureCard key={p.id} procedure={p} canWrite={canWrite} edit={setEditing} />
      ))}
      {editing?.kind === 'procedure' && (
        <ProcedureForm personId={personId} procedure={editing.procedure} onDone={done} />
      )}
      {editing?.kind === 'step' && <StepForm procedure={editing.procedure} onDone={done} />}
      {editing?.kind === 'hearing' && (
        <HearingForm procedure={editing.procedure} hearing={editing.hearing} onDone={done} />
      )}
    </Stack>
  );
}
