/**
 * Coordination meetings (docs/violence-care.md, section 4 and "Slice 6 as built"): a meeting held
 * at a site (today or before) by participants who all read case plans, the persons discussed one
 * after another — each with a plan that is not closed and is followed at that site — the decisions
 * taken for each, and the actions the meeting adds to or changes in each plan through the
 * case-plans rules (`applyActionChange`). The dispatcher gates every person discussed (section
 * `case_plan`, write) and runs the whole save in one transaction: a refusal on any person, any
 * action, writes nothing, and names the field (`cases.<i>.personId`, `cases.<i>.actions.<j>.ownerId`).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type {
  MeetingCase,
  MeetingHeader,
  MeetingLine,
  PersonMeeting,
} from '../../../../shared/contract/meetings';
import type { SectionView } from '../../../../shared/contract/section';
import { toWorklistPage, type WorklistPage } from '../../../../shared/contract/worklist';
import { siteToday } from '../../../../shared/domain/schedules';
import type { Actor } from '../../access/gate';
import type { Lookup, PersonAccess } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import type { CoreContext } from '../../context';
import { drawSection } from '../../dossier/draw';
import { DomainError, invalid, notFound } from '../../errors';
import { applyActionChange, mayReadPlans } from '../case-plans/case-plans-service';
import {
  actionsFromMeeting,
  planOfPerson,
  plansFollowedAt,
  type CasePlanRow,
} from '../case-plans/repository';
import { findSite } from '../centre/repository';
import { personsByIds } from '../persons/repository';
import { staffNames } from '../users/staff-names';
import { requireOwnSite, worklistSites } from '../users/worklist-sites';
import {
  casesOfMeeting,
  casesOfPerson,
  findMeeting,
  insertMeeting,
  insertMeetingCase,
  meetingsByIds,
  meetingsPage,
  personsOfMeeting,
  type CoordinationMeetingRow,
  type MeetingCaseRow,
} from './repository';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** The persons a save discusses: the gate decides for each (`case_plan` write). */
export const personsOfSave = (input: In<'meetings.save'>): Promise<string[]> =>
  Promise.resolve(input.cases.map((c) => c.personId));

/** The persons a meeting discussed: the gate decides for each (`case_plan` read). */
export const personsOfGet = (input: In<'meetings.get'>, { em }: Lookup): Promise<string[]> =>
  personsOfMeeting(em, input.meetingId);

/** Who recorded the meeting: they wrote every decision in it, and read it whatever the consents. */
export async function authorOfMeeting(input: In<'meetings.get'>, { em }: Lookup): Promise<string | null> {
  return (await findMeeting(em, input.meetingId))?.createdBy ?? null;
}

async function headerOf(em: EntityManager, m: CoordinationMeetingRow): Promise<MeetingHeader> {
  const names = await staffNames(em, m.participantIds);
  return {
    id: m.id,
    siteId: m.siteId,
    heldOn: m.heldOn,
    participantIds: m.participantIds,
    participantNames: m.participantIds.map((id) => names.get(id) ?? ''),
    externalParticipants: m.externalParticipants,
    generalNotes: m.generalNotes,
    authorId: m.createdBy,
    version: m.version,
  };
}

/** The persons discussed, each with the actions this meeting created or last changed. */
async function casesView(
  em: EntityManager,
  meetingId: string,
  cases: readonly MeetingCaseRow[],
): Promise<MeetingCase[]> {
  if (cases.length === 0) return [];
  const persons = new Map(
    (
      await personsByIds(
        em,
        cases.map((c) => c.personId),
      )
    ).map((p) => [p.id, p]),
  );
  const shown = new Set(cases.map((c) => c.personId));
  const actions = (await actionsFromMeeting(em, meetingId)).filter((a) => shown.has(a.personId));
  const owners = await staffNames(
    em,
    actions.map((a) => a.ownerId),
  );
  return cases.map((c) => ({
    personId: c.personId,
    fileNumber: persons.get(c.personId)?.fileNumber ?? '',
    nameUsed: persons.get(c.personId)?.nameUsed ?? '',
    planId: c.planId,
    position: c.position,
    decisions: c.decisions,
    actions: actions
      .filter((a) => a.personId === c.personId)
      .map((a) => ({
        id: a.id,
        axis: a.axis,
        title: a.title,
        ownerName: owners.get(a.ownerId) ?? null,
        dueOn: a.dueOn,
        status: a.status,
      })),
  }));
}

/** A refusal of the case-plans rules (its code and reason kept), named with its place in the meeting. */
class RefusalInMeeting extends DomainError {
  constructor(cause: DomainError, prefix: string) {
    super(cause.code, cause.message, cause.field ? `${prefix}.${cause.field}` : prefix, cause.details);
  }
}

function within(prefix: string, err: unknown): unknown {
  return err instanceof DomainError ? new RefusalInMeeting(err, prefix) : err;
}

/** The plan of each person discussed: one that exists, is not closed, and is followed at the site. */
async function plansDiscussed(em: EntityManager, input: In<'meetings.save'>): Promise<CasePlanRow[]> {
  const seen = new Set<string>();
  const plans: CasePlanRow[] = [];
  for (const [i, c] of input.cases.entries()) {
    const field = `cases.${i}.personId`;
    if (seen.has(c.personId)) throw invalid(field, 'person_discussed_twice');
    seen.add(c.personId);
    const plan = await planOfPerson(em, c.personId);
    if (!plan) throw invalid(field, 'no_case_plan');
    if (plan.status === 'closed') throw invalid(field, 'case_closed');
    plans.push(plan);
  }
  const followed = await plansFollowedAt(
    em,
    plans.map((p) => p.id),
    input.siteId,
  );
  const i = plans.findIndex((p) => !followed.has(p.id));
  if (i >= 0) throw invalid(`cases.${i}.personId`, 'person_not_followed_at_site');
  return plans;
}

export async function saveMeeting(
  input: In<'meetings.save'>,
  call: DossierCall,
): Promise<{ meeting: MeetingHeader; items: MeetingCase[] }> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const site = await findSite(em, input.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  await requireOwnSite(em, actor, site.id);
  // A meeting is recorded once it is held.
  if (input.heldOn > siteToday(now, site.timezone ?? DEFAULT_TIME_ZONE))
    throw invalid('heldOn', 'date_in_future');
  const participantIds = [...new Set(input.participantIds)];
  for (const id of participantIds)
    if (!(await mayReadPlans(em, id))) throw invalid('participantIds', 'participant_cannot_read_plan');
  const plans = await plansDiscussed(em, input);

  const at = now.toISOString();
  const meeting: CoordinationMeetingRow = {
    id: randomUUID(),
    siteId: site.id,
    heldOn: input.heldOn,
    participantIds,
    // Kept exactly as typed; left empty is none (a value of spaces only is refused by the contract).
    externalParticipants: input.externalParticipants || null,
    generalNotes: input.generalNotes || null,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  // Centre data (no person): the audit names the meeting through each person's `meeting_case`.
  await insertMeeting(em, meeting);
  const cases: MeetingCaseRow[] = [];
  for (const [i, c] of input.cases.entries()) {
    const row: MeetingCaseRow = {
      id: randomUUID(),
      meetingId: meeting.id,
      personId: c.personId,
      planId: plans[i].id,
      position: i,
      decisions: c.decisions,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await insertMeetingCase(em, row);
    cases.push(row);
    // Every write about this person is audited under her name, not the first person's.
    const personCall: DossierCall = {
      ...call,
      dossier: { ...dossier, wrote: (t) => dossier.wrote({ personId: c.personId, ...t }) },
    };
    personCall.dossier.wrote({ type: 'meeting_case', id: row.id, action: 'create' });
    let plan = plans[i];
    for (const [j, change] of c.actions.entries()) {
      try {
        plan = await applyActionChange(personCall, plan, change, meeting.id);
      } catch (err) {
        throw within(`cases.${i}.actions.${j}`, err);
      }
    }
  }
  return { meeting: await headerOf(em, meeting), items: await casesView(em, meeting.id, cases) };
}

/** How the meeting is drawn when the gate refused every person discussed. */
function refusedView(access: readonly PersonAccess[]): SectionView {
  const first = access.find((a) => !a.decision.allowed)?.decision;
  const hidden = first && !first.allowed && first.code === 'consent_required';
  return {
    section: 'case_plan',
    status: hidden ? 'hidden_consent' : 'forbidden',
    scope: hidden && first.code === 'consent_required' ? first.scope : null,
    via: null,
    // Concealed section: never a count of hidden records.
    hiddenCount: 0,
  };
}

export async function getMeeting(
  input: In<'meetings.get'>,
  call: DossierCall,
): Promise<{ view: SectionView; meeting: MeetingHeader | null; items: MeetingCase[]; leftOut: number }> {
  const { em, access } = call.dossier;
  const meeting = await findMeeting(em, input.meetingId);
  if (!meeting) throw notFound('meeting');
  const allowed = new Map(
    access.flatMap((a) => (a.personId && a.decision.allowed ? [[a.personId, a.decision.via] as const] : [])),
  );
  const cases = await casesOfMeeting(em, meeting.id);
  const visible = cases.filter((c) => allowed.has(c.personId));
  if (visible.length === 0)
    return { view: refusedView(access), meeting: null, items: [], leftOut: cases.length };
  const view: SectionView = {
    section: 'case_plan',
    status: 'shown',
    scope: null,
    via: allowed.get(visible[0].personId) ?? null,
    hiddenCount: 0,
  };
  return {
    view,
    meeting: await headerOf(em, meeting),
    items: await casesView(em, meeting.id, visible),
    leftOut: cases.length - visible.length,
  };
}

export async function listMeetings(
  ctx: CoreContext,
  actor: Actor,
  input: In<'meetings.list'>,
): Promise<WorklistPage<MeetingLine, { heldOn: string; id: string }>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const sites = await worklistSites(em, actor, input.siteIds);
    if (sites.length === 0) return { rows: [], nextCursor: null };
    const lines = await meetingsPage(em, sites, actor.userId, {
      limit: input.limit + 1,
      after: input.cursor,
    });
    const participants = lines.map((l) => JSON.parse(l.participantIds) as string[]);
    const names = await staffNames(em, participants.flat());
    const rows = lines.map((l, i) => ({
      id: l.id,
      siteId: l.siteId,
      heldOn: l.heldOn,
      participantNames: participants[i].map((id) => names.get(id) ?? ''),
      casesCount: Number(l.casesCount),
    }));
    return toWorklistPage(rows, input.limit, (last) => ({ heldOn: last.heldOn, id: last.id }));
  });
}

/**
 * The panel "Réunions" of the plan tab: the meetings where the person was discussed, latest first,
 * with the decisions taken for her — drawn as the `case_plan` section (a reader refused by role or
 * consent sees only the decisions she recorded).
 */
export async function meetingsOfPerson(
  input: In<'meetings.forPerson'>,
  call: DossierCall,
): Promise<{ view: SectionView; items: PersonMeeting[] }> {
  const { em, access } = call.dossier;
  const subject = access[0]?.subject;
  if (!subject) throw new Error('a dossier panel reads one person');
  const { view, visible } = drawSection(
    call.actor,
    'case_plan',
    subject,
    await casesOfPerson(em, input.personId),
  );
  const meetings = new Map(
    (
      await meetingsByIds(
        em,
        visible.map((c) => c.meetingId),
      )
    ).map((m) => [m.id, m]),
  );
  const names = await staffNames(
    em,
    [...meetings.values()].flatMap((m) => m.participantIds),
  );
  const items = visible.flatMap((c) => {
    const m = meetings.get(c.meetingId);
    return m
      ? [
          {
            meetingId: m.id,
            heldOn: m.heldOn,
            siteId: m.siteId,
            participantNames: m.participantIds.map((id) => names.get(id) ?? ''),
            decisions: c.decisions,
            authorId: c.createdBy,
          },
        ]
      : [];
  });
  items.sort((a, b) => (a.heldOn === b.heldOn ? 0 : a.heldOn < b.heldOn ? 1 : -1));
  return { view, items };
}
