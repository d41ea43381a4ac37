/**
 * The CHAMS demo (docs/violence-care.md §12): the survivors followed at Marrakech, Agadir and
 * Tanger, replayed through the app's channels (`callAs`) with the clock set to each event, so that
 * every rule, hook and audit line holds — incidents and their 72-hour protocol, case plans at
 * every status with actions on the five axes, safety plans and their reviews, legal procedures
 * and hearings, coordination meetings, social supports, trainings and a micro-credit. Everything
 * is relative to the day the demo is built and deterministic; people and texts are fictional.
 */
import type { Core } from '../../core';
import type { Actor } from '../../core/access/gate';
import type { ChannelInput } from '../../../shared/contract';
import type { CasePlan } from '../../../shared/contract/case-plans';
import type { PlanAxis } from '../../../shared/domain/case-plans';
import { callAs } from '../../core/api/dispatch';
import { saveEntry } from '../../core/services/directory/directory-service';
import { suggestGbvimsType } from '../../../shared/domain/violence';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import { addCalendar } from '../../../shared/domain/schedules';
import {
  CHAMS_DIRECTORY,
  CHAMS_SITE_CODES,
  CHAMS_STORY,
  CHAMS_TIMEZONE,
  INCIDENT_KINDS,
  PLAN_STORIES,
  SURVIVOR_NAMES,
  chamsUsername,
  type ChamsEntryKey,
  type ChamsSiteCode,
} from './demo-chams-people';
import { replayLegal, replayMeetings, replaySupports } from './demo-chams-support';
import { replayPsy } from './demo-chams-psy';

export interface ChamsActors {
  /** Each CHAMS account by username (demo-chams-people.ts). */
  byUsername: (username: string) => Actor;
  siteIds: Record<ChamsSiteCode, string>;
}

/** A survivor as the replay goes: her file, site, plan (as last returned) and incidents. */
export interface Survivor {
  index: number;
  row: number;
  site: ChamsSiteCode;
  personId: string;
  firstSeen: string;
  plan: CasePlan | null;
  incidentIds: string[];
}

export interface ChamsReplay {
  core: Core;
  now: Date;
  today: string;
  actors: ChamsActors;
  entries: Record<ChamsEntryKey, string>;
  /** Sets the clock to a local time at the CHAMS sites, `daysAgo` days before today. */
  at: (daysAgo: number, time?: string) => Date;
  /** A calendar day `days` from today (negative: before). */
  day: (days: number) => string;
  staff: (role: 'social' | 'psy' | 'med', site: ChamsSiteCode) => Actor;
  lawyer: Actor;
}

const ACTIONS: Array<{
  axis: PlanAxis;
  title: string;
  owner: 'social' | 'psy' | 'med' | 'legal';
  due: number;
}> = [
  { axis: 'social', title: 'Hébergement d’urgence et bons alimentaires', owner: 'social', due: 5 },
  { axis: 'psychological', title: 'Premier entretien avec la psychologue', owner: 'psy', due: 7 },
  { axis: 'medical', title: 'Bilan IST et vaccination hépatite B', owner: 'med', due: 14 },
  { axis: 'legal', title: 'Rendez-vous avec l’avocate partenaire', owner: 'legal', due: 21 },
  { axis: 'economic', title: 'Orientation vers une formation professionnelle', owner: 'social', due: 60 },
];

export async function populateChams(core: Core, actors: ChamsActors): Promise<{ survivors: number }> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const now = realClock();
  const today = localDate(now, CHAMS_TIMEZONE);
  const r: ChamsReplay = {
    core,
    now,
    today,
    actors,
    entries: {} as Record<ChamsEntryKey, string>,
    at: (daysAgo, time = '10:00') => {
      const instant = zonedToUtc(addCalendar(today, { days: -daysAgo }), time, CHAMS_TIMEZONE);
      // Never later than now: the demo may be built early in the morning.
      const safe = new Date(Math.min(instant.getTime(), now.getTime() - 60_000));
      ctx.clock = () => safe;
      return safe;
    },
    day: (days) => addCalendar(today, { days }),
    staff: (role, site) => actors.byUsername(chamsUsername(role, site)),
    lawyer: actors.byUsername('chams.avocate'),
  };
  try {
    r.at(400);
    const coordinator = actors.byUsername('chams.coordination');
    for (const [key, entry] of Object.entries(CHAMS_DIRECTORY))
      r.entries[key as ChamsEntryKey] = (await saveEntry(ctx, coordinator, entry)).id;
    const survivors: Survivor[] = [];
    for (const index of SURVIVOR_NAMES.keys())
      survivors.push(
        index === CHAMS_STORY.acute ? await replayAcute(r, index) : await replaySurvivor(r, index),
      );
    for (const s of survivors) {
      await replayLegal(r, s);
      await replaySupports(r, s);
    }
    await replayMeetings(r, survivors);
    for (const s of survivors) await replayPsy(r, s);
    await replayEndings(r, survivors);
    return { survivors: survivors.length };
  } finally {
    ctx.clock = realClock;
  }
}

/** A survivor's file, her consents, her incident(s) and her plan as her story row says. */
async function replaySurvivor(r: ChamsReplay, index: number): Promise<Survivor> {
  const { ctx } = r.core;
  const row = Math.floor(index / 3);
  const site = CHAMS_SITE_CODES[index % 3];
  const social = r.staff('social', site);
  const firstSeenDaysAgo = 40 + ((index * 37) % 330);
  r.at(firstSeenDaysAgo, '09:30');
  const person = await createSurvivor(r, index, site, social);
  const s: Survivor = {
    index,
    row,
    site,
    personId: person.id,
    firstSeen: r.day(-firstSeenDaysAgo),
    plan: null,
    incidentIds: [],
  };
  // One incident before she came (a second, older one for every fourth), told at her first visit.
  r.at(firstSeenDaysAgo, '10:00');
  if (row % 4 === 2)
    s.incidentIds.push(await recordIncident(r, s, index + 7, firstSeenDaysAgo + 200, social));
  s.incidentIds.push(await recordIncident(r, s, index, firstSeenDaysAgo + 3 + (index % 20), social));
  const story = PLAN_STORIES[row % PLAN_STORIES.length];
  const planStory = index === CHAMS_STORY.deceased ? { closed: 'deceased' as const } : story;
  if (planStory === 'none') return s;
  r.at(firstSeenDaysAgo, '11:00');
  s.plan = await callAs(ctx, social, 'casePlans.open', {
    personId: s.personId,
    siteId: r.actors.siteIds[site],
  });
  if (planStory === 'open') return s;
  await openingActions(r, s, firstSeenDaysAgo);
  r.at(firstSeenDaysAgo - 1, '15:00');
  await saveSafetyPlan(r, s, social);
  if (firstSeenDaysAgo > 45 && index !== CHAMS_STORY.reviewDue) {
    r.at(firstSeenDaysAgo - 30, '11:00');
    s.plan = await callAs(ctx, social, 'casePlans.reviewSafetyPlan', {
      personId: s.personId,
      planId: s.plan.id,
    });
  }
  // The first actions done as planned; the legal and economic ones still open.
  r.at(firstSeenDaysAgo - 4, '16:00');
  for (const a of ACTIONS.slice(0, 3)) await setAction(r, s, a.title, 'done', ownerOf(r, s, a.axis));
  if (typeof planStory === 'object' || planStory === 'reopened') {
    await closePlan(r, s, planStory === 'reopened' ? 'goals_met' : planStory.closed, firstSeenDaysAgo);
    if (planStory !== 'reopened') return s;
    r.at(5, '10:00');
    s.incidentIds.push(await recordIncident(r, s, index + 3, 7, social));
    r.at(5, '10:30');
    s.plan = await setStatus(r, s, {
      status: 'active',
      reason: 'Nouvelle agression : la personne revient vers l’association.',
    });
  }
  await recentActions(r, s, planStory === 'reopened' ? 4 : 12);
  if (planStory === 'on_hold') {
    r.at(3, '10:00');
    s.plan = await setStatus(r, s, { status: 'on_hold', reason: 'Partie quelques semaines chez sa sœur.' });
  }
  return s;
}

async function createSurvivor(r: ChamsReplay, index: number, site: ChamsSiteCode, social: Actor) {
  const { ctx } = r.core;
  const person = await callAs(ctx, social, 'persons.create', {
    nameUsed: SURVIVOR_NAMES[index],
    pronouns: 'elle',
    birthYear: 1978 + ((index * 11) % 27),
    languages: index % 4 === 1 ? ['ar', 'fr'] : ['ar'],
    keyPopulations: index % 5 === 4 ? ['sex_worker', 'drug_user'] : ['sex_worker'],
    entryDoor: index % 3 === 0 ? 'outreach' : index % 3 === 1 ? 'word_of_mouth' : 'partner',
    siteId: r.actors.siteIds[site],
    consents: {
      care_team: index % 6 === 5 ? 'refused' : 'given',
      external_referral: index % 4 === 3 ? 'later' : 'given',
    },
  });
  await callAs(ctx, social, 'persons.recordConsent', {
    personId: person.id,
    scope: 'social_legal',
    given: true,
  });
  if (index % 2 === 0)
    await callAs(ctx, social, 'persons.recordConsent', { personId: person.id, scope: 'psy', given: true });
  return person;
}

/** An incident `daysAgo` days before today, of the kind `kind` cycles to; returns its id. */
async function recordIncident(r: ChamsReplay, s: Survivor, kind: number, daysAgo: number, writer: Actor) {
  const { types, perpetrators, place } = INCIDENT_KINDS[kind % INCIDENT_KINDS.length];
  const incident = await callAs(r.core.ctx, writer, 'violence.saveIncident', {
    personId: s.personId,
    siteId: r.actors.siteIds[s.site],
    occurredOn: r.day(-daysAgo),
    dateApproximate: daysAgo > 60,
    placeKind: place,
    perpetrators,
    seedTypes: types,
    gbvimsType: suggestGbvimsType(types)!,
    trafficking: s.index === CHAMS_STORY.trafficked,
    reported: perpetrators.includes('police_authority') ? 'no' : kind % 3 === 0 ? 'police' : 'no',
    reportedOn: !perpetrators.includes('police_authority') && kind % 3 === 0 ? r.day(-daysAgo + 1) : null,
  });
  return incident.id;
}

/** Salma, at Marrakech today: assaulted 30 hours ago, checked in, two protocol steps done. */
async function replayAcute(r: ChamsReplay, index: number): Promise<Survivor> {
  const { ctx } = r.core;
  const site: ChamsSiteCode = 'MRK';
  const social = r.staff('social', site);
  const doctor = r.staff('med', site);
  const minutesAgo = (m: number) => {
    const instant = new Date(r.now.getTime() - m * 60_000);
    ctx.clock = () => instant;
    return instant;
  };
  minutesAgo(70);
  const person = await createSurvivor(r, index, site, social);
  const s: Survivor = {
    index,
    row: 0,
    site,
    personId: person.id,
    firstSeen: r.today,
    plan: null,
    incidentIds: [],
  };
  minutesAgo(65);
  await callAs(ctx, social, 'visits.checkIn', {
    personId: s.personId,
    siteId: r.actors.siteIds[site],
    priority: 'normal',
    step: 'waiting_interview',
  });
  minutesAgo(50);
  const occurredAt = new Date(r.now.getTime() - 30 * 3600_000);
  const incident = await callAs(ctx, social, 'violence.saveIncident', {
    personId: s.personId,
    siteId: r.actors.siteIds[site],
    occurredOn: localDate(occurredAt, 'Africa/Casablanca'),
    occurredAt: occurredAt.toISOString(),
    placeKind: 'client_place',
    perpetrators: ['client'],
    seedTypes: ['rape_individual'],
    gbvimsType: 'rape',
    reported: 'no',
  });
  s.incidentIds.push(incident.id);
  await callAs(ctx, social, 'violence.saveNarrative', {
    personId: s.personId,
    incidentId: incident.id,
    text: 'Selon ses dires : un client l’a retenue et forcée la nuit dernière, sans préservatif. Elle ne souhaite pas porter plainte pour l’instant.',
  });
  const stepAt = minutesAgo(20);
  for (const item of ['pep_referral', 'emergency_contraception'] as const)
    await callAs(ctx, doctor, 'violence.saveProtocolStep', {
      personId: s.personId,
      incidentId: incident.id,
      item,
      outcome: 'done',
      doneAt: stepAt.toISOString(),
      note:
        item === 'pep_referral'
          ? 'Orientée aux urgences de l’hôpital régional pour la TPE.'
          : 'Lévonorgestrel 1,5 mg donné.',
    });
  minutesAgo(10);
  s.plan = await callAs(ctx, social, 'casePlans.open', {
    personId: s.personId,
    siteId: r.actors.siteIds[site],
  });
  return s;
}

function ownerOf(r: ChamsReplay, s: Survivor, axis: PlanAxis): Actor {
  const owner = ACTIONS.find((a) => a.axis === axis)!.owner;
  return owner === 'legal' ? r.lawyer : r.staff(owner, s.site);
}

/** The actions on the five axes, written the day the plan opened (the plan becomes active). */
async function openingActions(r: ChamsReplay, s: Survivor, daysAgo: number) {
  const social = r.staff('social', s.site);
  for (const [k, a] of ACTIONS.entries()) {
    r.at(daysAgo, `11:${10 + k}`);
    s.plan = await callAs(r.core.ctx, social, 'casePlans.saveAction', {
      personId: s.personId,
      planId: s.plan!.id,
      axis: a.axis,
      title: a.title,
      ownerId: ownerOf(r, s, a.axis).userId,
      dueOn: r.day(-daysAgo + a.due),
    });
  }
}

/** Moves an action (found by title, open) to a status, as its owner would. */
export async function setAction(
  r: ChamsReplay,
  s: Survivor,
  title: string,
  status: 'in_progress' | 'done',
  by: Actor,
) {
  const action = s.plan!.actions.find(
    (a) => a.title === title && (a.status === 'planned' || a.status === 'in_progress'),
  );
  if (!action) return;
  s.plan = await callAs(r.core.ctx, by, 'casePlans.saveAction', {
    personId: s.personId,
    planId: s.plan!.id,
    id: action.id,
    version: action.version,
    axis: action.axis,
    objectiveId: action.objectiveId,
    title: action.title,
    ownerId: action.ownerId,
    dueOn: action.dueOn,
    status,
  });
}

async function setStatus(
  r: ChamsReplay,
  s: Survivor,
  change: Omit<ChannelInput<'casePlans.setStatus'>, 'personId' | 'planId' | 'version'>,
) {
  return callAs(r.core.ctx, r.staff('social', s.site), 'casePlans.setStatus', {
    personId: s.personId,
    planId: s.plan!.id,
    version: s.plan!.version,
    ...change,
  });
}

/**
 * The follow-up written `daysAgo` days ago: for odd rows an action now overdue, for even rows one
 * due this week, and the 3-month serologies due this week (the site's team's "my actions").
 */
async function recentActions(r: ChamsReplay, s: Survivor, daysAgo: number) {
  const social = r.staff('social', s.site);
  r.at(daysAgo, '11:30');
  s.plan = await callAs(r.core.ctx, social, 'casePlans.saveAction', {
    personId: s.personId,
    planId: s.plan!.id,
    axis: 'social',
    title: s.row % 2 ? 'Accompagner au bureau d’état civil' : 'Appeler pour prendre des nouvelles',
    ownerId: social.userId,
    dueOn: r.day(s.row % 2 && daysAgo > 4 ? -3 : 2 + (s.index % 4)),
  });
  r.at(daysAgo, '11:35');
  s.plan = await callAs(r.core.ctx, social, 'casePlans.saveAction', {
    personId: s.personId,
    planId: s.plan.id,
    axis: 'medical',
    title: 'Sérologies de contrôle à 3 mois',
    ownerId: r.staff('med', s.site).userId,
    dueOn: r.day(1 + (s.index % 5)),
  });
}

/** Closes the plan: goals met after the last actions are done; otherwise the open ones are cancelled. */
async function closePlan(
  r: ChamsReplay,
  s: Survivor,
  reason: NonNullable<CasePlan['closureReason']>,
  firstSeenDaysAgo: number,
) {
  const closeDaysAgo = Math.min(Math.max(13, Math.floor(firstSeenDaysAgo / 3)), firstSeenDaysAgo - 5);
  r.at(closeDaysAgo, '14:00');
  if (reason === 'goals_met')
    for (const a of [...s.plan!.actions]) await setAction(r, s, a.title, 'done', ownerOf(r, s, a.axis));
  r.at(closeDaysAgo, '14:30');
  s.plan = await setStatus(r, s, {
    status: 'closed',
    closureReason: reason,
    cancelOpenActions: reason !== 'goals_met',
  });
}

async function saveSafetyPlan(r: ChamsReplay, s: Survivor, social: Actor) {
  s.plan = await callAs(r.core.ctx, social, 'casePlans.saveSafetyPlan', {
    personId: s.personId,
    planId: s.plan!.id,
    risks: 'L’agresseur connaît son quartier et le lieu où elle travaille.',
    safeContacts: [
      { name: 'Sa cousine', howToReach: 'Par téléphone, le soir', note: 'Au courant de la situation' },
      { name: 'L’assistante sociale du centre', howToReach: 'Au centre, du lundi au vendredi', note: '' },
    ],
    safePlaces: ['Chez sa cousine', 'Le centre d’écoute pour femmes'],
    codeWords: [{ word: 'Le thé est prêt', meaning: 'Venir la chercher tout de suite' }],
    ifAggressorReturns: 'Quitter le logement par la cour, appeler sa cousine, venir au centre.',
    version: s.plan!.safetyPlan!.version,
  });
}

/** Today and the end: the review due at today's visit, and the consent withdrawn. */
async function replayEndings(r: ChamsReplay, survivors: Survivor[]) {
  const { ctx } = r.core;
  const due = survivors[CHAMS_STORY.reviewDue];
  const social = r.staff('social', due.site);
  ctx.clock = () => new Date(r.now.getTime() - 35 * 60_000);
  await callAs(ctx, social, 'visits.checkIn', {
    personId: due.personId,
    siteId: r.actors.siteIds[due.site],
    priority: 'normal',
    step: 'waiting_interview',
  });
  // The social worker of Agadir, who also works at Marrakech, adds Marrakech to her plan.
  const moved = survivors[CHAMS_STORY.twoSites];
  const mover = r.staff('social', moved.site);
  r.at(6, '11:00');
  const [plan] = (await callAs(ctx, mover, 'casePlans.forPerson', { personId: moved.personId })).items;
  await callAs(ctx, mover, 'casePlans.setSites', {
    personId: moved.personId,
    planId: plan.id,
    siteIds: [r.actors.siteIds.AGA, r.actors.siteIds.MRK],
    version: plan.version,
  });
  const withdrew = survivors[CHAMS_STORY.withdrew];
  r.at(2, '16:00');
  await callAs(ctx, r.staff('social', withdrew.site), 'persons.recordConsent', {
    personId: withdrew.personId,
    scope: 'social_legal',
    given: false,
    note: 'Ne souhaite plus que l’équipe partage son dossier.',
  });
}
