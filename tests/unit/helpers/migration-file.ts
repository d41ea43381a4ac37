/**
 * Generated migration files in the documented import format (docs/import-format.md), one line at a
 * time so that a file of a million records never sits in memory. One generator serves the linear
 * import proofs (tests/unit/interchange-scale.test.ts: persons with one closed visit each, into a
 * centre that exists) and the scale benchmarks (tests/bench/scale.ts: a whole centre founded from
 * the file, with visits, interviews, appointments, referrals and consents in proportion).
 */

export const FIRST = ['Amélie', 'Karim', 'Sasha', 'Noé', 'Inès', 'Moussa', 'Léa', 'Yanis', 'Awa', 'Jules'];
export const LAST = ['Martin', 'Diallo', 'Bernard', 'Nguyen', 'Petit', 'Durand', 'Moreau', 'Traoré'];

export const personId = (i: number) => `old-${i}`;
export const nameOf = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
export const fileNumberOf = (i: number) => `OLD-2019-${String(i).padStart(5, '0')}`;
export const phoneOf = (i: number) => `06${String(10_000_000 + i).slice(-8)}`;

export interface MigrationShape {
  /** The site the persons and visits belong to (an existing one, or the founded one). */
  siteId: string;
  persons: number;
  /** Closed visits in all (default: one per person). */
  visits?: number;
  interviews?: number;
  appointments?: number;
  referrals?: number;
  /** A `care_team` consent given by each person. */
  consents?: boolean;
  /**
   * Found a centre: the header, the centre, its site, two professionals and a few directory
   * entries come first (an import into an empty folder needs the centre and a site).
   */
  founding?: boolean;
  /**
   * The first person is a ten-year dossier: 200 visits, 200 interviews, 100 appointments and 50
   * referrals (within the totals above, which stay exact).
   */
  heavy?: boolean;
}

export const HEAVY = { visits: 200, interviews: 200, appointments: 100, referrals: 50 } as const;
export const PROFESSIONAL_ID = 'user-doc-1';
const ENTRIES = ['entry-chu', 'entry-cegidd', 'entry-avocat', 'entry-caarud'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Every person's last visit; the earlier ones go back from it (at most ten years). */
const LAST_VISIT = Date.parse('2024-03-02T09:00:00Z');
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

/** `total` spread over the persons from `from` on: person k's share (exact sum). */
function share(total: number, persons: number, k: number): number {
  if (persons <= 0) return 0;
  return Math.floor(((k + 1) * total) / persons) - Math.floor((k * total) / persons);
}

function foundingLines(siteId: string): string[] {
  const line = (record: object) => JSON.stringify(record);
  return [
    line({
      type: 'header',
      format: 'parcours-interchange',
      formatVersion: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      centre: 'generated',
    }),
    line({ type: 'centre', id: 'centre', name: 'Centre généré' }),
    line({ type: 'site', id: siteId, code: 'OLD', name: 'Ancien site', city: 'Montpellier' }),
    line({
      type: 'user',
      id: PROFESSIONAL_ID,
      username: 'dr-ancien',
      displayName: 'Dr Ancien',
      roles: ['doctor'],
      siteIds: [siteId],
    }),
    line({
      type: 'user',
      id: 'user-cw-1',
      username: 'accueil-ancien',
      displayName: 'Accueil Ancien',
      roles: ['community_worker'],
      siteIds: [siteId],
    }),
    ...ENTRIES.map((id, i) =>
      line({
        type: 'directory_entry',
        id,
        name: `Partenaire ${i + 1}`,
        kind: 'organisation',
        category: (['hospital_service', 'cegidd', 'lawyer', 'addiction_centre'] as const)[i],
      }),
    ),
  ];
}

/** The file's lines, person after person (the import applies them type by type). */
export function* migrationLines(shape: MigrationShape): Generator<string> {
  const { siteId, persons } = shape;
  const visits = shape.visits ?? persons;
  const interviews = shape.interviews ?? 0;
  const appointments = shape.appointments ?? 0;
  const referrals = shape.referrals ?? 0;
  if (shape.founding) yield* foundingLines(siteId);
  const heavy = shape.heavy && persons > 0;
  const rest = (total: number, heavyShare: number) => Math.max(0, total - (heavy ? heavyShare : 0));
  const others = heavy ? persons - 1 : persons;
  const countsOf = (i: number) => {
    if (heavy && i === 0)
      return {
        visits: Math.min(visits, HEAVY.visits),
        interviews: Math.min(interviews, HEAVY.interviews, visits),
        appointments: Math.min(appointments, HEAVY.appointments),
        referrals: Math.min(referrals, HEAVY.referrals),
      };
    const k = heavy ? i - 1 : i;
    const v = share(rest(visits, HEAVY.visits), others, k);
    return {
      visits: v,
      interviews: Math.min(v, share(rest(interviews, HEAVY.interviews), others, k)),
      appointments: share(rest(appointments, HEAVY.appointments), others, k),
      referrals: share(rest(referrals, HEAVY.referrals), others, k),
    };
  };
  for (let i = 0; i < persons; i++) {
    const id = personId(i);
    yield JSON.stringify({
      type: 'person',
      id,
      fileNumber: fileNumberOf(i),
      nameUsed: nameOf(i),
      legalName: i % 3 === 0 ? `${LAST[i % LAST.length]} ${FIRST[(i * 3) % FIRST.length]}` : null,
      birthYear: 1960 + (i % 45),
      contact: { phone: phoneOf(i), channels: ['sms'], neverContact: false },
      siteId,
    });
    const n = countsOf(i);
    // Visits every `gap` days back from the last one, an hour each; an interview in the first
    // ones, twenty minutes after arrival; appointments a week before a visit.
    const gap = Math.max(1, Math.min(60, Math.floor(3650 / Math.max(1, n.visits))));
    const openedAt = (j: number) => LAST_VISIT - (n.visits - 1 - j) * gap * DAY;
    const first = openedAt(0);
    if (shape.consents)
      yield JSON.stringify({
        type: 'consent',
        id: `consent-${i}`,
        personId: id,
        scope: 'care_team',
        given: true,
        recordedAt: iso(first),
      });
    for (let j = 0; j < n.visits; j++)
      yield JSON.stringify({
        type: 'visit',
        id: j === 0 ? `visit-${i}` : `visit-${i}-${j}`,
        personId: id,
        siteId,
        openedAt: iso(openedAt(j)),
        closedAt: iso(openedAt(j) + HOUR),
      });
    for (let j = 0; j < n.interviews; j++)
      yield JSON.stringify({
        type: 'interview',
        id: `interview-${i}-${j}`,
        personId: id,
        visitId: j === 0 ? `visit-${i}` : `visit-${i}-${j}`,
        heldAt: iso(openedAt(j) + HOUR / 3),
        reason: 'Dépistage',
        exposures: ['oral'],
        prevention: ['condoms'],
        needs: ['screening'],
        summary: 'Résumé de l’entretien de suivi',
        notes: 'Notes de l’entretien, plusieurs lignes de texte libre saisies par la personne qui reçoit.',
      });
    for (let j = 0; j < n.appointments; j++) {
      const startsAt = openedAt(j % Math.max(1, n.visits)) - 7 * DAY;
      yield JSON.stringify({
        type: 'appointment',
        id: `appointment-${i}-${j}`,
        personId: id,
        siteId,
        professionalId: PROFESSIONAL_ID,
        appointmentType: 'screening',
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + HOUR / 2),
        status: 'arrived',
      });
    }
    for (let j = 0; j < n.referrals; j++)
      yield JSON.stringify({
        type: 'referral',
        id: `referral-${i}-${j}`,
        personId: id,
        entryId: ENTRIES[(i + j) % ENTRIES.length],
        reason: 'Suivi',
        referredAt: iso(first + HOUR / 2 + j * DAY),
        status: 'attended',
      });
  }
}

/** The scale of the benchmarks: 1× is one year of a real centre (issue 8). */
export function scaleShape(siteId: string, scale: number): MigrationShape {
  const persons = Math.round(1574 * scale);
  const visits = Math.round(6253 * scale);
  return {
    siteId,
    persons,
    visits,
    interviews: Math.round(4159 * scale),
    // In proportion: half the visits were booked, one person in two was referred once.
    appointments: Math.round(visits / 2),
    referrals: Math.round(persons / 2),
    consents: true,
    founding: true,
    heavy: true,
  };
}
