/**
 * Ten years of a three-site CHAMS programme (docs/violence-care.md §10), written straight into an
 * opened store with prepared INSERTs in one transaction, as clinical-data.ts writes the clinical
 * history: the rows are what the services write (the same columns, states and dates), not checked
 * by them. Only the benchmarks use it (violence.ts).
 *
 * Shape (over the first persons already in the store, the last ten years up to today):
 * - 5,000 survivors sharing with the social and legal team (`social_legal` given), each with a
 *   case plan (15 % still open or active), followed at its lead site;
 * - 60,000 plan actions (12 per plan) of which 3 % still open, due from two months ago to two
 *   months ahead; the rest done or cancelled over the years; owned by twelve staff, the reader one;
 * - an incident per survivor and a second for one in three (about 6,700), 40 of them in the last
 *   three days with their 72-hour protocol open, the older ones with their five protocol steps for
 *   one in three; one survivor with eight incidents (the `violence.forPerson` figure's);
 * - 8,000 legal procedures with 30,000 hearings: past ones held or postponed, and about one
 *   procedure in ten with its next hearing scheduled in the coming three months;
 * - two coordination meetings a month per site (720), three persons discussed in each.
 */
import { randomUUID } from 'node:crypto';
import { addCalendar, type IsoDate } from '../../shared/domain/schedules';
import type { SqliteHandle } from '../../electron/core/db/sqlite';

export interface ViolenceShape {
  plans: number;
  actionsPerPlan: number;
  openActionShare: number;
  procedures: number;
  hearings: number;
  openProtocols: number;
  meetingsPerSiteMonth: number;
}

export const TEN_YEARS_CHAMS: ViolenceShape = {
  plans: 5_000,
  actionsPerPlan: 12,
  openActionShare: 0.03,
  procedures: 8_000,
  hearings: 30_000,
  openProtocols: 40,
  meetingsPerSiteMonth: 2,
};

export interface ViolenceCounts {
  plans: number;
  actions: number;
  openActions: number;
  incidents: number;
  protocolSteps: number;
  procedures: number;
  hearings: number;
  scheduledHearings: number;
  meetings: number;
  meetingCases: number;
}

const DAYS = 3650;
const AXES = ['medical', 'psychological', 'social', 'legal', 'economic'];
const ITEMS = [
  'pep_referral',
  'emergency_contraception',
  'sti_prophylaxis',
  'injury_certificate',
  'evidence_advice',
];
const TYPES = [
  'child_civil_registration',
  'first_national_id',
  'divorce',
  'alimony',
  'paternity',
  'complaint',
];

/** A small seeded generator (mulberry32): the same centre on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (today: IsoDate, offset: number): IsoDate => addCalendar(today, { days: offset });
const at = (d: IsoDate, hour = 10) => `${d}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A prepared INSERT of the named columns (the common record columns added). */
function inserter(db: SqliteHandle, table: string, columns: readonly string[]) {
  const all = [...columns, 'created_at', 'updated_at', 'version'];
  const stmt = db.prepare(
    `INSERT INTO ${table} (${all.map((c) => `"${c}"`).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
  );
  return (values: readonly unknown[], createdAt: string) => stmt.run(...values, createdAt, createdAt, 1);
}

export interface ViolenceHistoryInput {
  now: Date;
  today: IsoDate;
  /** The three sites, the first busiest (50 %, 30 %, 20 %). */
  siteIds: readonly [string, string, string];
  /** The reader measured: one of the twelve action owners, legal follower of a share of procedures. */
  readerId: string;
  shape: ViolenceShape;
}

export function writeViolenceHistory(
  db: SqliteHandle,
  input: ViolenceHistoryInput,
): ViolenceCounts & { severalIncidentsPersonId: string } {
  const { today, siteIds, readerId, shape } = input;
  const rnd = random(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const siteOf = (k: number) => (k % 10 < 5 ? siteIds[0] : k % 10 < 8 ? siteIds[1] : siteIds[2]);
  const owners = [readerId, ...Array.from({ length: 11 }, () => randomUUID())];
  const persons = (
    db.prepare('SELECT id FROM person ORDER BY rowid LIMIT ?').all(shape.plans) as Array<{ id: string }>
  ).map((p) => p.id);
  if (persons.length < shape.plans) throw new Error(`only ${persons.length} persons in the store`);

  const consent = db.prepare(
    'INSERT INTO person_consent (id, person_id, scope, given, recorded_at, recorded_by) VALUES (?, ?, ?, 1, ?, ?)',
  );
  const plan = inserter(db, 'case_plan', [
    'id',
    'person_id',
    'site_id',
    'status',
    'closure_reason',
    'opened_on',
    'closed_on',
    'referent_id',
    'show_referent',
    'created_by',
  ]);
  const planSite = inserter(db, 'case_plan_site', ['id', 'plan_id', 'person_id', 'site_id', 'created_by']);
  const action = inserter(db, 'plan_action', [
    'id',
    'plan_id',
    'person_id',
    'axis',
    'title',
    'owner_id',
    'site_id',
    'due_on',
    'status',
    'done_on',
    'cancel_reason',
    'created_by',
  ]);
  const incident = inserter(db, 'violence_incident', [
    'id',
    'person_id',
    'site_id',
    'occurred_on',
    'occurred_at',
    'date_approximate',
    'place_kind',
    'perpetrators',
    'seed_types',
    'gbvims_type',
    'trafficking',
    'reported',
    'protocol_status',
    'protocol_deadline',
    'created_by',
  ]);
  const step = inserter(db, 'protocol_step', [
    'id',
    'incident_id',
    'person_id',
    'item',
    'outcome',
    'done_at',
    'done_by',
    'note',
    'created_by',
  ]);
  const procedure = inserter(db, 'legal_procedure', [
    'id',
    'person_id',
    'site_id',
    'type',
    'incident_id',
    'opened_on',
    'follower_id',
    'stage',
    'court',
    'outcome',
    'closed_on',
    'created_by',
  ]);
  const hearing = inserter(db, 'hearing', [
    'id',
    'procedure_id',
    'person_id',
    'site_id',
    'starts_at',
    'place',
    'kind',
    'status',
    'outcome_note',
    'created_by',
  ]);
  const meeting = inserter(db, 'coordination_meeting', [
    'id',
    'site_id',
    'held_on',
    'participant_ids',
    'external_participants',
    'general_notes',
    'created_by',
  ]);
  const meetingCase = inserter(db, 'meeting_case', [
    'id',
    'meeting_id',
    'person_id',
    'plan_id',
    'position',
    'decisions',
    'created_by',
  ]);

  const counts: ViolenceCounts = {
    plans: 0,
    actions: 0,
    openActions: 0,
    incidents: 0,
    protocolSteps: 0,
    procedures: 0,
    hearings: 0,
    scheduledHearings: 0,
    meetings: 0,
    meetingCases: 0,
  };
  const plans: Array<{ id: string; personId: string; siteId: string; open: boolean }> = [];
  const incidentsOf = new Map<string, string>();

  const writeIncident = (personId: string, siteId: string, offset: number, openProtocol: boolean) => {
    const id = randomUUID();
    const on = day(today, -offset);
    const occurredAt = openProtocol
      ? new Date(input.now.getTime() - offset * 86_400_000 - 3_600_000).toISOString()
      : null;
    incident(
      [
        id,
        personId,
        siteId,
        openProtocol ? occurredAt!.slice(0, 10) : on,
        occurredAt,
        0,
        'client_place',
        '["client"]',
        '["rape_individual"]',
        'rape',
        0,
        'no',
        openProtocol ? 'open' : 'not_applicable',
        openProtocol ? new Date(Date.parse(occurredAt!) + 72 * 3_600_000).toISOString() : null,
        readerId,
      ],
      at(on, 12),
    );
    counts.incidents += 1;
    if (!openProtocol && rnd() < 1 / 3)
      for (const item of ITEMS) {
        step(
          [randomUUID(), id, personId, item, 'done', at(on, 14), pick(owners), null, readerId],
          at(on, 14),
        );
        counts.protocolSteps += 1;
      }
    return id;
  };

  db.transaction(() => {
    for (const [k, personId] of persons.entries()) {
      const siteId = siteOf(k);
      const openedOffset = Math.floor(rnd() * DAYS);
      const opened = day(today, -openedOffset);
      consent.run(randomUUID(), personId, 'social_legal', at(opened, 9), readerId);
      // One incident before the plan, a second for one in three; the first survivor has eight.
      const incidents = k === 0 ? 8 : k % 3 === 0 ? 2 : 1;
      for (let n = 0; n < incidents; n++) {
        const offset = Math.min(DAYS, openedOffset + 2 + n * 40);
        incidentsOf.set(personId, writeIncident(personId, siteId, offset, false));
      }
      const open = rnd() < 0.15;
      const id = randomUUID();
      const closedOffset = open ? null : Math.max(0, openedOffset - 30 - Math.floor(rnd() * 300));
      plan(
        [
          id,
          personId,
          siteId,
          open ? 'active' : 'closed',
          open ? null : pick(['goals_met', 'moved', 'lost_to_follow_up']),
          opened,
          closedOffset === null ? null : day(today, -closedOffset),
          pick(owners),
          1,
          readerId,
        ],
        at(opened, 11),
      );
      planSite([randomUUID(), id, personId, siteId, readerId], at(opened, 11));
      plans.push({ id, personId, siteId, open });
      counts.plans += 1;
    }
    // Actions: the open ones (3 % of all) on the plans still followed, due around today.
    const openPlans = plans.filter((p) => p.open);
    const total = shape.plans * shape.actionsPerPlan;
    const openActions = Math.round(total * shape.openActionShare);
    for (let n = 0; n < total; n++) {
      const isOpen = n < openActions;
      const p = isOpen ? openPlans[n % openPlans.length] : plans[n % plans.length];
      const dueOffset = isOpen ? Math.floor(rnd() * 120) - 60 : Math.floor(rnd() * DAYS);
      const due = day(today, -dueOffset);
      const status = isOpen ? pick(['planned', 'in_progress']) : rnd() < 0.85 ? 'done' : 'cancelled';
      action(
        [
          randomUUID(),
          p.id,
          p.personId,
          pick(AXES),
          'Action du plan',
          pick(owners),
          p.siteId,
          due,
          status,
          status === 'done' ? due : null,
          status === 'cancelled' ? 'Plus nécessaire' : null,
          readerId,
        ],
        at(day(today, -Math.max(dueOffset, 0) - 14), 11),
      );
      counts.actions += 1;
      if (isOpen) counts.openActions += 1;
    }
    // 40 open 72-hour protocols in the last three days.
    for (let n = 0; n < shape.openProtocols; n++) {
      const p = plans[(n * 97) % plans.length];
      writeIncident(p.personId, p.siteId, n % 3, true);
    }
    // Procedures and their hearings.
    const hearingsPer = shape.hearings / shape.procedures;
    let hearingsLeft = shape.hearings;
    for (let n = 0; n < shape.procedures; n++) {
      const p = plans[n % plans.length];
      const openedOffset = Math.floor(rnd() * DAYS);
      const opened = day(today, -openedOffset);
      const active = n % 10 === 0;
      const id = randomUUID();
      const type = pick(TYPES);
      procedure(
        [
          id,
          p.personId,
          p.siteId,
          type,
          type === 'complaint' ? (incidentsOf.get(p.personId) ?? null) : null,
          opened,
          n % 4 === 0 ? readerId : pick(owners),
          active ? 'hearings' : 'closed',
          'Tribunal de première instance',
          active ? null : 'obtained',
          active ? null : day(today, -Math.floor(openedOffset / 3)),
          readerId,
        ],
        at(opened, 11),
      );
      counts.procedures += 1;
      const count = Math.min(
        hearingsLeft,
        n === shape.procedures - 1 ? hearingsLeft : Math.round(hearingsPer * (0.5 + rnd())),
      );
      for (let h = 0; h < count; h++) {
        const scheduled = active && h === count - 1;
        const offset = scheduled ? -1 - Math.floor(rnd() * 90) : Math.max(1, openedOffset - 20 - h * 30);
        const startsAt = at(day(today, -offset), 9 + (h % 6));
        hearing(
          [
            randomUUID(),
            id,
            p.personId,
            p.siteId,
            startsAt,
            'Salle 3',
            'hearing',
            scheduled ? 'scheduled' : pick(['held', 'held', 'postponed']),
            null,
            readerId,
          ],
          at(day(today, -Math.max(offset, 0) - 20), 11),
        );
        counts.hearings += 1;
        if (scheduled) counts.scheduledHearings += 1;
      }
      hearingsLeft -= count;
    }
    // Two meetings a month per site, three persons discussed in each.
    for (const [s, siteId] of siteIds.entries()) {
      const atSite = plans.filter((p) => p.siteId === siteId);
      for (let m = 0; m < 120 * shape.meetingsPerSiteMonth; m++) {
        const heldOn = day(today, -Math.floor((m * 365) / (12 * shape.meetingsPerSiteMonth)) - 1);
        const id = randomUUID();
        meeting(
          [id, siteId, heldOn, JSON.stringify(owners.slice(0, 4)), null, null, readerId],
          at(heldOn, 17),
        );
        counts.meetings += 1;
        for (let c = 0; c < 3; c++) {
          const p = atSite[(m * 3 + c + s) % atSite.length];
          meetingCase(
            [randomUUID(), id, p.personId, p.id, c, 'Poursuivre le plan.', readerId],
            at(heldOn, 17),
          );
          counts.meetingCases += 1;
        }
      }
    }
  })();
  return { ...counts, severalIncidentsPersonId: persons[0] };
}
