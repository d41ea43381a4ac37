/**
 * Recording a coordination meeting: date, site, the team's participants (required: the core
 * refuses a meeting without them, on `participantIds`), partners as text, then the persons
 * discussed one after another — each with her plan's open actions beside the decisions (tick
 * those done), and the new actions agreed. One save writes it all or nothing; a refusal about one
 * person shows on her card.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../shared/contract/persons';
import type { PlanAction } from '../../../shared/contract/case-plans';
import { PLAN_AXES, type PlanAxis } from '../../../shared/domain/case-plans';
import type { Role } from '../../../shared/domain/roles';
import { callOrThrow } from '../../api/client';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { getSession } from '../../app/session';
import { actionProblems, mayOwnActions } from '../case-plans/action-rules';
import { useStaff } from '../case-plans/api';
import { useSiteOptions } from '../centre/site-options';
import { formatDay, workstationToday } from '../prep/dates';
import { usePlanOf, useSaveMeeting } from './api';
import { meetingProblems } from './meeting-rules';

interface NewAction {
  axis: PlanAxis;
  title: string;
  ownerId: string;
  dueOn: string;
}

interface CaseDraft {
  personId: string;
  nameUsed: string;
  fileNumber: string;
  decisions: string;
  /** Open actions of the plan ticked as done at the meeting. */
  done: PlanAction[];
  added: NewAction[];
}

interface Values {
  heldOn: string;
  siteId: string;
  participantIds: string[];
  externalParticipants: string;
  generalNotes: string;
}

const FIELDS = new Set([
  'heldOn',
  'siteId',
  'participantIds',
  'externalParticipants',
  'generalNotes',
  'cases',
]);
const isAxis = oneOf(PLAN_AXES);

/** A core refusal's field as the form shows it: a person's refusal goes on her card (`cases.<i>`). */
function formPathOf(field: string): string | null {
  if (FIELDS.has(field)) return field;
  return /^cases\.\d+/.exec(field)?.[0] ?? null;
}

export function MeetingForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMeeting();
  const staff = useStaff();
  const sites = useSiteOptions();
  const mySites = getSession()?.state.user.sites.map((s) => s.id) ?? [];
  const form = useForm<Values>({
    initialValues: {
      heldOn: workstationToday(),
      siteId: getSession()?.currentSiteId ?? mySites[0] ?? '',
      participantIds: [],
      externalParticipants: '',
      generalNotes: '',
    },
  });
  const [cases, setCases] = useState<CaseDraft[]>([]);
  useDirtyGuard(form.isDirty() || cases.length > 0);
  const { failure, setFailure, fail } = useFormFailure(form, formPathOf);
  const people = staff.data ?? [];
  const team = people.filter((p) => mayOwnActions(p.roles));

  const change = (i: number, next: CaseDraft) => setCases(cases.map((c, k) => (k === i ? next : c)));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const roles = new Map(people.map((p) => [p.id, p.roles]));
    const problems = meetingProblems(
      { ...values, personIds: cases.map((c) => c.personId) },
      workstationToday(),
      (id) => roles.get(id),
    );
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems)
        errors[p.field] ??=
          p.reason === 'required' ? t('validation.required') : t(`validation.reason.${p.reason}`);
      form.setErrors(errors);
      return;
    }
    save.mutate(
      {
        siteId: values.siteId,
        heldOn: values.heldOn,
        participantIds: values.participantIds,
        // Kept exactly as typed; left empty is none.
        externalParticipants: values.externalParticipants || null,
        generalNotes: values.generalNotes || null,
        cases: cases.map((c) => ({
          personId: c.personId,
          decisions: c.decisions,
          actions: [
            ...c.done.map((a) => ({
              id: a.id,
              version: a.version,
              axis: a.axis,
              objectiveId: a.objectiveId,
              title: a.title,
              ownerId: a.ownerId,
              dueOn: a.dueOn,
              status: 'done' as const,
            })),
            ...c.added,
          ],
        })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('meetings.form.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('meetings.form.title')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('meetings.form.heldOn')}
              required
              max={workstationToday()}
              {...form.getInputProps('heldOn')}
            />
            <Select
              label={t('meetings.form.site')}
              required
              allowDeselect={false}
              data={sites.options.filter((s) => mySites.includes(s.value))}
              {...form.getInputProps('siteId')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('meetings.form.participants')}
            description={t('meetings.form.participantsHint')}
            required
            searchable
            data-autofocus
            data={team.map((p) => ({ value: p.id, label: p.displayName }))}
            {...form.getInputProps('participantIds')}
          />
          <TextInput
            label={t('meetings.form.external')}
            maxLength={500}
            {...form.getInputProps('externalParticipants')}
          />
          <Textarea
            label={t('meetings.form.generalNotes')}
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps('generalNotes')}
          />
          <Title order={3}>{t('meetings.form.cases')}</Title>
          {typeof form.errors.cases === 'string' && (
            <Text c="red" size="sm" role="alert">
              {form.errors.cases}
            </Text>
          )}
          {cases.map((c, i) => (
            <CaseCard
              key={c.personId}
              draft={c}
              error={form.errors[`cases.${i}`]}
              owners={team}
              onChange={(next) => change(i, next)}
              onRemove={() => setCases(cases.filter((_, k) => k !== i))}
            />
          ))}
          <PersonFinder
            exclude={cases.map((c) => c.personId)}
            onPick={(p) => {
              form.clearFieldError('cases');
              setCases([
                ...cases,
                {
                  personId: p.id,
                  nameUsed: p.nameUsed,
                  fileNumber: p.fileNumber,
                  decisions: '',
                  done: [],
                  added: [],
                },
              ]);
            }}
          />
          <FormActions submitLabel={t('meetings.form.save')} onCancel={onDone} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Finds a person by name or file number (the persons search) and adds her to the meeting. */
function PersonFinder({ exclude, onPick }: { exclude: string[]; onPick: (p: SearchResult) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const search = async () => {
    if (query.trim() === '') return;
    setResults(await callOrThrow('persons.search', { query: query.trim(), limit: 10 }));
  };
  const shown = (results ?? []).filter((r) => !exclude.includes(r.id));
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          label={t('meetings.form.findPerson')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
          w={360}
        />
        <Button variant="default" onClick={() => void search()}>
          {t('meetings.form.search')}
        </Button>
      </Group>
      {results !== null && shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings.form.noResult')}
        </Text>
      )}
      <Group gap="xs">
        {shown.map((r) => (
          <Button
            key={r.id}
            size="xs"
            variant="light"
            onClick={() => {
              onPick(r);
              setResults(null);
              setQuery('');
            }}
          >
            {t('meetings.form.add', { name: `${r.nameUsed} (${r.fileNumber})` })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** One person discussed: the decisions, her plan's open actions (tick done), the new actions. */
function CaseCard({
  draft,
  error,
  owners,
  onChange,
  onRemove,
}: {
  draft: CaseDraft;
  error: unknown;
  owners: Array<{ id: string; displayName: string; roles: Role[] }>;
  onChange: (next: CaseDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const plan = usePlanOf(draft.personId);
  const open = (plan.data?.items[0]?.actions ?? []).filter(
    (a) => a.status === 'planned' || a.status === 'in_progress',
  );
  const name = `${draft.nameUsed} (${draft.fileNumber})`;
  return (
    <Card withBorder component="section" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{name}</Text>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
            {t('meetings.form.remove', { name: draft.nameUsed })}
          </Button>
        </Group>
        {typeof error === 'string' && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea
            label={t('meetings.form.decisions')}
            autosize
            minRows={3}
            maxLength={4000}
            value={draft.decisions}
            onChange={(e) => onChange({ ...draft, decisions: e.currentTarget.value })}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('meetings.form.openActions')}
            </Text>
            {plan.isSuccess && plan.data.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('meetings.form.noPlan')}
              </Text>
            )}
            {plan.isSuccess && plan.data.items.length > 0 && open.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('meetings.form.noOpenActions')}
              </Text>
            )}
            {open.map((a) => (
              <Checkbox
                key={a.id}
                label={t('meetings.form.markDone', {
                  title: `${a.title} · ${a.ownerName ?? ''} · ${formatDay(a.dueOn)}`,
                })}
                checked={draft.done.some((d) => d.id === a.id)}
                onChange={(e) =>
                  onChange({
                    ...draft,
                    done: e.currentTarget.checked
                      ? [...draft.done, a]
                      : draft.done.filter((d) => d.id !== a.id),
                  })
                }
              />
            ))}
          </Stack>
        </SimpleGrid>
        <NewActions added={draft.added} owners={owners} onChange={(added) => onChange({ ...draft, added })} />
      </Stack>
    </Card>
  );
}

function NewActions({
  added,
  owners,
  onChange,
}: {
  added: NewAction[];
  owners: Array<{ id: string; displayName: string; roles: Role[] }>;
  onChange: (added: NewAction[]) => void;
}) {
  const { t } = useTranslation();
  const empty: NewAction = { axis: 'social', title: '', ownerId: '', dueOn: '' };
  const [draft, setDraft] = useState<NewAction>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const names = new Map(owners.map((o) => [o.id, o.displayName]));
  const add = () => {
    const problems = actionProblems(
      draft,
      workstationToday(),
      (id) => owners.find((o) => o.id === id)?.roles,
      true,
    );
    if (problems.length > 0) {
      const next: Record<string, string> = {};
      for (const p of problems)
        next[p.field] ??=
          p.reason === 'required' ? t('validation.required') : t(`validation.reason.${p.reason}`);
      setErrors(next);
      return;
    }
    setErrors({});
    onChange([...added, draft]);
    setDraft(empty);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('meetings.form.newActions')}
      </Text>
      {added.map((a, i) => (
        <Group key={`${a.title}-${i}`} gap="xs">
          <Text size="sm">
            {`${a.title} · ${t(`casePlans.axes.${a.axis}`)} · ${names.get(a.ownerId) ?? ''} · ${formatDay(a.dueOn)}`}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => onChange(added.filter((_, k) => k !== i))}
          >
            {t('meetings.form.removeAction', { title: a.title })}
          </Button>
        </Group>
      ))}
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          label={t('casePlans.action.title')}
          maxLength={200}
          value={draft.title}
          error={errors.title}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
        <Select
          label={t('casePlans.action.axis')}
          allowDeselect={false}
          data={PLAN_AXES.map((a) => ({ value: a, label: t(`casePlans.axes.${a}`) }))}
          value={draft.axis}
          onChange={(v) => isAxis(v) && setDraft({ ...draft, axis: v })}
        />
        <Select
          label={t('casePlans.action.owner')}
          searchable
          data={owners.map((o) => ({ value: o.id, label: o.displayName }))}
          value={draft.ownerId || null}
          error={errors.ownerId}
          onChange={(v) => setDraft({ ...draft, ownerId: v ?? '' })}
        />
        <TextInput
          type="date"
          label={t('casePlans.action.dueOn')}
          min={workstationToday()}
          value={draft.dueOn}
          error={errors.dueOn}
          onChange={(e) => setDraft({ ...draft, dueOn: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Group>
        <Button size="xs" variant="default" onClick={add}>
          {t('meetings.form.addAction')}
        </Button>
      </Group>
    </Stack>
  );
}
