/**
 * The "Plan d'accompagnement" tab: the plan's status, sites and referent, its five axes each with needs,
 * objectives and actions, and the safety plan. A writer opens the plan, changes its status (closing
 * names a reason, reopening writes one), adds items and actions and marks actions done.
 */
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlan, PlanAction } from '../../../shared/contract/case-plans';
import {
  CLOSURE_REASONS,
  PLAN_AXES,
  PLAN_ITEM_KINDS,
  type ClosureReason,
  type PlanAxis,
  type PlanItemKind,
} from '../../../shared/domain/case-plans';
import { FormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { apiErrorOf } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { formatDay } from '../prep/dates';
import { ActionForm } from './ActionForm';
import { useOpenPlan, useSavePlanAction, useSavePlanItem, useSetPlanStatus } from './api';
import { DocumentsPanel } from '../attachments/DocumentsPanel';
import { PersonMeetingsPanel } from '../meetings/PersonMeetingsPanel';
import { PlanFollowUp } from './PlanFollowUp';
import { SafetyPlanForm } from './SafetyPlanForm';

const isReason = oneOf(CLOSURE_REASONS);
const isKind = oneOf(PLAN_ITEM_KINDS);

function OpenPlan({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const open = useOpenPlan();
  const [showReferent, setShowReferent] = useState(true);
  return (
    <Stack>
      <FormFailure failure={open.error ? apiErrorOf(open.error) : null} />
      <Text>{t('casePlans.tab.none')}</Text>
      <Checkbox
        label={t('casePlans.tab.showReferent')}
        checked={showReferent}
        onChange={(e) => setShowReferent(e.currentTarget.checked)}
      />
      <Group>
        <Button
          loading={open.isPending}
          onClick={() =>
            open.mutate(
              { personId, showReferent },
              { onSuccess: () => notifications.show({ color: 'teal', message: t('casePlans.tab.opened') }) },
            )
          }
        >
          {t('casePlans.tab.open')}
        </Button>
      </Group>
    </Stack>
  );
}

function StatusControls({ plan }: { plan: CasePlan }) {
  const { t } = useTranslation();
  const set = useSetPlanStatus();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<ClosureReason | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reopenReason, setReopenReason] = useState('');
  const base = { personId: plan.personId, planId: plan.id, version: plan.version };
  const error = set.error ? apiErrorOf(set.error) : null;
  // The core's refusal shows next to the field it names.
  const fieldError = (field: string) => (error?.field === field ? errorText(t, error) : undefined);
  const shownAtField = ['closureReason', 'cancelOpenActions', 'reason'].includes(error?.field ?? '');
  return (
    <Stack gap="xs">
      <FormFailure failure={error && !shownAtField ? error : null} />
      <Group>
        {plan.status !== 'closed' && plan.status !== 'on_hold' && (
          <Button variant="default" onClick={() => set.mutate({ ...base, status: 'on_hold' })}>
            {t('casePlans.status.hold')}
          </Button>
        )}
        {plan.status === 'on_hold' && (
          <Button variant="default" onClick={() => set.mutate({ ...base, status: 'active' })}>
            {t('casePlans.status.resume')}
          </Button>
        )}
        {plan.status !== 'closed' && (
          <Button variant="default" color="red" onClick={() => setClosing(true)}>
            {t('casePlans.status.close')}
          </Button>
        )}
      </Group>
      {closing && plan.status !== 'closed' && (
        <Group align="flex-end">
          <Select
            label={t('casePlans.status.closureReason')}
            required
            data={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`casePlans.closureReasons.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(isReason(v) ? v : null)}
            error={fieldError('closureReason')}
          />
          <Checkbox
            label={t('casePlans.status.cancelOpenActions')}
            checked={cancelOpen}
            onChange={(e) => setCancelOpen(e.currentTarget.checked)}
            error={fieldError('cancelOpenActions')}
          />
          <Button
            loading={set.isPending}
            onClick={() =>
              set.mutate(
                { ...base, status: 'closed', closureReason: reason, cancelOpenActions: cancelOpen },
                { onSuccess: () => setClosing(false) },
              )
            }
          >
            {t('casePlans.status.confirm')}
          </Button>
        </Group>
      )}
      {plan.status === 'closed' && (
        <Group align="flex-end">
          <TextInput
            label={t('casePlans.status.reopenReason')}
            value={reopenReason}
            onChange={(e) => setReopenReason(e.currentTarget.value)}
            error={fieldError('reason')}
          />
          <Button
            loading={set.isPending}
            onClick={() => set.mutate({ ...base, status: 'active', reason: reopenReason })}
          >
            {t('casePlans.status.reopen')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AddItem({ plan, axis }: { plan: CasePlan; axis: PlanAxis }) {
  const { t } = useTranslation();
  const save = useSavePlanItem();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PlanItemKind>('need');
  const error = save.error ? apiErrorOf(save.error) : null;
  return (
    <Group align="flex-end" gap="xs">
      {error && error.field !== 'text' && <FormFailure failure={error} />}
      <Select
        label={t('casePlans.item.kind')}
        allowDeselect={false}
        w={140}
        data={PLAN_ITEM_KINDS.map((k) => ({ value: k, label: t(`casePlans.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => isKind(v) && setKind(v)}
      />
      <TextInput
        label={t('casePlans.item.text')}
        maxLength={500}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error?.field === 'text' ? errorText(t, error) : undefined}
        style={{ flex: 1 }}
      />
      <Button
        variant="default"
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            { personId: plan.personId, planId: plan.id, axis, kind, text },
            { onSuccess: () => setText('') },
          )
        }
      >
        {t('casePlans.item.add')}
      </Button>
    </Group>
  );
}

function ActionRow({ plan, action, canWrite }: { plan: CasePlan; action: PlanAction; canWrite: boolean }) {
  const { t } = useTranslation();
  const save = useSavePlanAction();
  const open = action.status === 'planned' || action.status === 'in_progress';
  return (
    <Table.Tr>
      <Table.Td>{action.title}</Table.Td>
      <Table.Td>{action.ownerName ?? ''}</Table.Td>
      <Table.Td>{formatDay(action.dueOn)}</Table.Td>
      <Table.Td>
        <Badge variant="light" tt="none">
          {t(`casePlans.actionStatuses.${action.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {save.error && <FormFailure failure={apiErrorOf(save.error)} />}
        {canWrite && open && plan.status !== 'closed' && (
          <Button
            size="xs"
            variant="default"
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                personId: plan.personId,
                planId: plan.id,
                id: action.id,
                version: action.version,
                axis: action.axis,
                objectiveId: action.objectiveId,
                title: action.title,
                ownerId: action.ownerId,
                dueOn: action.dueOn,
                status: 'done',
              })
            }
          >
            {t('casePlans.action.markDone')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Axis({ plan, axis, canWrite }: { plan: CasePlan; axis: PlanAxis; canWrite: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const items = plan.items.filter((i) => i.axis === axis);
  const actions = plan.actions.filter((a) => a.axis === axis);
  const writable = canWrite && plan.status !== 'closed';
  return (
    <Card withBorder component="section" aria-label={t(`casePlans.axes.${axis}`)}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t(`casePlans.axes.${axis}`)}</Title>
          {writable && (
            <Button size="xs" onClick={() => setAdding(true)}>
              {t('casePlans.action.add')}
            </Button>
          )}
        </Group>
        {items.length === 0 && actions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('casePlans.tab.noItems')}
          </Text>
        )}
        {items.map((i) => (
          <Text key={i.id} size="sm">
            {`${t(`casePlans.kinds.${i.kind}`)} · ${i.text} · ${t(`casePlans.itemStates.${i.state}`)}`}
          </Text>
        ))}
        {actions.length > 0 && (
          <Table aria-label={t('casePlans.action.table', { axis: t(`casePlans.axes.${axis}`) })}>
            <Table.Tbody>
              {actions.map((a) => (
                <ActionRow key={a.id} plan={plan} action={a} canWrite={canWrite} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {writable && <AddItem plan={plan} axis={axis} />}
      </Stack>
      {adding && (
        <ActionForm personId={plan.personId} planId={plan.id} axis={axis} onDone={() => setAdding(false)} />
      )}
    </Card>
  );
}

export function CasePlanPanel({
  personId,
  plan,
  canWrite,
}: {
  personId: string;
  plan: CasePlan | null;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  if (!plan) return canWrite ? <OpenPlan personId={personId} /> : <Text>{t('casePlans.tab.none')}</Text>;
  return (
    <Stack>
      <Group gap="sm">
        <Badge size="lg" tt="none" color={plan.status === 'closed' ? 'gray' : 'teal'}>
          {t(`casePlans.statuses.${plan.status}`)}
        </Badge>
        <Text size="sm">{t('casePlans.tab.openedOn', { date: formatDay(plan.openedOn) })}</Text>
        {plan.closedOn && plan.closureReason && (
          <Text size="sm">
            {t('casePlans.tab.closedOn', {
              date: formatDay(plan.closedOn),
              reason: t(`casePlans.closureReasons.${plan.closureReason}`),
            })}
          </Text>
        )}
        {plan.referentName && (
          <Text size="sm">{t('casePlans.tab.referent', { name: plan.referentName })}</Text>
        )}
      </Group>
      {canWrite && <StatusControls plan={plan} />}
      {canWrite && <PlanFollowUp plan={plan} />}
      {PLAN_AXES.map((axis) => (
        <Axis key={axis} plan={plan} axis={axis} canWrite={canWrite} />
      ))}
      {plan.safetyPlan && <SafetyPlanForm plan={plan} safety={plan.safetyPlan} canWrite={canWrite} />}
      <Card withBorder>
        <DocumentsPanel owner={{ kind: 'casePlans', personId, ownerId: plan.id }} canWrite={canWrite} />
      </Card>
      <PersonMeetingsPanel personId={personId} />
    </Stack>
  );
}
