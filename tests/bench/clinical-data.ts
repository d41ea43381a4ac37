/**
 * The clinical history of a ten-year centre, written straight into an opened store with prepared
 * INSERTs in one transaction (generation speed matters: half a million tests through the services
 * one by one would take hours). Only the benchmarks use it (clinical.ts): the rows are what the
 * services write (the same columns, states and dates), not checked by them.
 *
 * Shape (over the persons and sites already in the store, the last ten years up to today):
 * - 100,000 screenings of 5 samples each (HIV rapid test or serology, syphilis serology, HCV
 *   serology, CT/NG urine and anus): 500,000 samples and about as many results, ~8 % positive;
 *   the samples of the last three days still awaiting their result; results of the last two weeks
 *   mostly still to give, and 0.2 % of older ones never given;
 * - a confirmation ordered for every reactive HIV rapid test, resulted unless recent (and 2 % of
 *   old ones never came back);
 * - a to-treat item per positive infection, 1 % still open, 0.3 % referred and not attended, the
 *   rest treated (CT/NG with a test of cure: due for the recent ones, 0.5 % of old ones never done);
 *   partners for one item in five, 2 % of them still to notify;
 * - 3,000 PrEP episodes with 10 follow-ups each (30,000), half still active, their next visit due
 *   later, this week, overdue (< 3 months) or lost (older);
 * - 12,000 vaccine courses (1–3 doses), 30 % in progress: due this week, later, or overdue;
 * - 6,000 waiting-list entries over the six default specialties, 8 % waiting and 3 % booked.
 */
import { randomUUID } from 'node:crypto';
import { addCalendar, type IsoDate } from '../../shared/domain/schedules';
import type { SqliteHandle } from '../../electron/core/db/sqlite';

export interface ClinicalShape {
  screenings: number;
  prepEpisodes: number;
  followUpsPerEpisode: number;
  vaccineCourses: number;
  waitingEntries: number;
}

/** A ten-year centre: 500,000 tests, 30,000 PrEP follow-ups. */
export const TEN_YEARS: ClinicalShape = {
  screenings: 100_000,
  prepEpisodes: 3_000,
  followUpsPerEpisode: 10,
  vaccineCourses: 12_000,
  waitingEntries: 6_000,
};

const DAYS = 3650;
const SPECIALTIES = ['gynaecology', 'addictology', 'sexology', 'psychology', 'social', 'hormone_therapy'];

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
const at = (d: IsoDate, hour = 9) => `${d}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** The five samples of a screening: test code, anatomical site, what a positive reveals. */
const PANEL: Array<{ test: string; site: string | null; type: string; infections: string[] }> = [
  { test: 'hiv_trod', site: null, type: 'reactivity', infections: ['hiv'] },
  { test: 'syphilis_serology_lab', site: null, type: 'titre', infections: ['syphilis'] },
  { test: 'hcv_serology_lab', site: null, type: 'positivity', infections: ['hcv'] },
  { test: 'ct_ng_pcr_poc', site: 'urine', type: 'per_target', infections: ['chlamydia'] },
  { test: 'ct_ng_pcr_poc', site: 'anus', type: 'per_target', infections: ['gonorrhoea'] },
];

function valueOf(type: string, positive: boolean, infection: string): string {
  switch (type) {
    case 'reactivity':
      return JSON.stringify({ type, reactivity: positive ? 'reactive' : 'non_reactive' });
    case 'titre':
      return JSON.stringify(
        positive ? { type, positivity: 'positive', titre: '1:16' } : { type, positivity: 'negative' },
      );
    case 'per_target':
      return JSON.stringify({
        type,
        targets: {
          chlamydia: positive && infection === 'chlamydia' ? 'detected' : 'not_detected',
          gonorrhoea: positive && infection === 'gonorrhoea' ? 'detected' : 'not_detected',
        },
      });
    default:
      return JSON.stringify({ type, positivity: positive ? 'positive' : 'negative' });
  }
}

export interface ClinicalCounts {
  screenings: number;
  samples: number;
  results: number;
  positives: number;
  toTreat: number;
  partners: number;
  prepEpisodes: number;
  prepFollowUps: number;
  vaccineCourses: number;
  vaccineDoses: number;
  waitingEntries: number;
}

/**
 * Writes the history over the persons of `personIds` (each with its site) on `siteIds`, dated up to
 * `today`, by `authorId`; one transaction.
 */
export function writeClinicalHistory(
  db: SqliteHandle,
  o: { today: IsoDate; siteIds: string[]; authorId: string; shape?: ClinicalShape; seed?: number },
): ClinicalCounts {
  const shape = o.shape ?? TEN_YEARS;
  const rnd = random(o.seed ?? 10);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)];
  const persons = (
    db.prepare('SELECT id FROM person WHERE merged_into IS NULL').all() as Array<{ id: string }>
  ).map((p) => p.id);
  // Sites: the first one holds 60 % of the activity.
  const siteOf = () => (rnd() < 0.6 || o.siteIds.length === 1 ? o.siteIds[0] : pick(o.siteIds.slice(1)));
  const author = o.authorId;
  const hasLabReference = (
    db
      .prepare("SELECT COUNT(*) AS n FROM pragma_table_info('result') WHERE name = 'lab_reference'")
      .get() as {
      n: number;
    }
  ).n;
  const screening = db.prepare(
    `INSERT INTO screening (id, person_id, visit_id, site_id, taken_on, created_by, created_at, updated_at, version)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 1)`,
  );
  const sample = db.prepare(
    `INSERT INTO sample (id, screening_id, person_id, site_id, test_code, anatomical_site, status, ordered_by, taken_at, taken_by, confirms_result_id, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const result = db.prepare(
    `INSERT INTO result (id, sample_id, person_id, site_id, test_code, value, interpretation, infections, resulted_at, source, import_id, given_at, given_by, to_give, created_by, created_at, updated_at, version${hasLabReference ? ', lab_reference' : ''})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 1${hasLabReference ? ', NULL' : ''})`,
  );
  const toTreat = db.prepare(
    `INSERT INTO to_treat (id, person_id, site_id, result_id, infection, opened_on, status, treatment_id, referral_id, appointment_on, treated_on, delay_days, cure_test_due_on, cure_result_id, closed_reason, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, 1)`,
  );
  const partner = db.prepare(
    `INSERT INTO partner (id, person_id, to_treat_id, site_id, pseudonym, notifier, status, status_on, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const episode = db.prepare(
    `INSERT INTO prep_episode (id, person_id, site_id, started_on, regimen, status, stopped_on, stop_reason, stop_note, restart_of, baseline, next_due_on, last_visit_on, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, '[]', ?, ?, ?, ?, ?, 1)`,
  );
  const followUp = db.prepare(
    `INSERT INTO prep_follow_up (id, episode_id, person_id, site_id, held_on, creatinine, egfr, adherence_note, next_due_on, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, 80, 95, NULL, ?, ?, ?, ?, 1)`,
  );
  const course = db.prepare(
    `INSERT INTO vaccine_course (id, person_id, site_id, vaccine_code, started_on, variant, status, next_due_on, next_dose, stopped_on, stop_reason, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, 1)`,
  );
  const dose = db.prepare(
    `INSERT INTO vaccine_dose (id, course_id, person_id, site_id, dose_number, given_on, lot, given_by, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, 'LOT-2026', ?, ?, ?, ?, 1)`,
  );
  const waiting = db.prepare(
    `INSERT INTO waiting_list_entry (id, person_id, site_id, specialty, requested_on, requested_by, origin, note, status, appointment_id, workshop_id, cancelled_reason, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, 'interview', NULL, ?, NULL, NULL, NULL, ?, ?, ?, 1)`,
  );
  const counts: ClinicalCounts = {
    screenings: 0,
    samples: 0,
    results: 0,
    positives: 0,
    toTreat: 0,
    partners: 0,
    prepEpisodes: 0,
    prepFollowUps: 0,
    vaccineCourses: 0,
    vaccineDoses: 0,
    waitingEntries: 0,
  };

  const openItem = (
    personId: string,
    siteId: string,
    resultId: string,
    infection: string,
    openedOn: IsoDate,
  ) => {
    const r = rnd();
    const delay = Math.floor(rnd() * 3);
    const id = randomUUID();
    let status = 'treated';
    let appointmentOn: string | null = null;
    let treatedOn: string | null = day(openedOn, delay);
    let cureDue: string | null = null;
    if (r < 0.01) {
      status = 'open';
      treatedOn = null;
    } else if (r < 0.013) {
      status = 'referred';
      treatedOn = null;
      appointmentOn = day(openedOn, 10);
    } else if (infection === 'chlamydia' || infection === 'gonorrhoea') {
      // The test of cure: due 6 weeks after the treatment, cleared when its result came.
      const due = day(treatedOn, 42);
      if (due > day(o.today, -14) || rnd() < 0.005) cureDue = due;
    }
    if (treatedOn && treatedOn > o.today) treatedOn = o.today;
    toTreat.run(
      id,
      personId,
      siteId,
      resultId,
      infection,
      openedOn,
      status,
      appointmentOn,
      treatedOn,
      treatedOn ? delay : null,
      cureDue,
      author,
      at(openedOn, 14),
      at(openedOn, 14),
    );
    counts.toTreat++;
    if (rnd() < 0.2) {
      for (let k = 0; k < 1 + Math.floor(rnd() * 2); k++) {
        const toNotify = rnd() < 0.02;
        partner.run(
          randomUUID(),
          personId,
          id,
          siteId,
          `Partner ${counts.partners % 1000}`,
          pick(['person', 'centre', 'anonymous_message']),
          toNotify ? 'to_notify' : pick(['notified', 'tested', 'treated']),
          openedOn,
          author,
          at(openedOn, 15),
          at(openedOn, 15),
        );
        counts.partners++;
      }
    }
  };

  const writeResult = (
    sampleId: string,
    personId: string,
    siteId: string,
    test: string,
    type: string,
    infections: string[],
    positive: boolean,
    takenOn: IsoDate,
    ageDays: number,
  ): string => {
    const id = randomUUID();
    const resultedOn = day(takenOn, 1 + Math.floor(rnd() * 3));
    const toGive = ageDays < 14 ? rnd() < 0.7 : rnd() < 0.002;
    result.run(
      id,
      sampleId,
      personId,
      siteId,
      test,
      valueOf(type, positive, infections[0]),
      positive ? 'positive' : 'negative',
      JSON.stringify(positive ? infections : []),
      at(resultedOn, 15),
      test.endsWith('_lab') ? 'lab' : 'on_site',
      toGive ? null : at(resultedOn, 16),
      toGive ? null : author,
      toGive ? 1 : 0,
      author,
      at(resultedOn, 15),
      at(resultedOn, 15),
    );
    counts.results++;
    if (positive) {
      counts.positives++;
      for (const infection of infections) openItem(personId, siteId, id, infection, resultedOn);
    }
    return id;
  };

  db.exec('BEGIN');
  try {
    for (let s = 0; s < shape.screenings; s++) {
      const ageDays = Math.floor(rnd() * DAYS);
      const takenOn = day(o.today, -ageDays);
      const personId = pick(persons);
      const siteId = siteOf();
      const screeningId = randomUUID();
      screening.run(screeningId, personId, siteId, takenOn, author, at(takenOn), at(takenOn));
      counts.screenings++;
      for (const [k, part] of PANEL.entries()) {
        // Half the HIV tests are the laboratory's serology.
        const test = k === 0 && rnd() < 0.5 ? 'hiv_serology_lab' : part.test;
        const type = k === 0 && test === 'hiv_serology_lab' ? 'positivity' : part.type;
        const sampleId = randomUUID();
        const awaiting = ageDays < 3;
        sample.run(
          sampleId,
          screeningId,
          personId,
          siteId,
          test,
          part.site,
          awaiting ? 'taken' : 'resulted',
          author,
          at(takenOn),
          author,
          null,
          author,
          at(takenOn),
          at(takenOn),
        );
        counts.samples++;
        if (awaiting) continue;
        const positive = rnd() < 0.08;
        const resultId = writeResult(
          sampleId,
          personId,
          siteId,
          test,
          type,
          part.infections,
          positive,
          takenOn,
          ageDays,
        );
        if (positive && test === 'hiv_trod') {
          // The reactive rapid test's confirmation: a serology ordered the same day.
          const pending = ageDays < 10 || rnd() < 0.02;
          const confirmation = randomUUID();
          sample.run(
            confirmation,
            screeningId,
            personId,
            siteId,
            'hiv_serology_lab',
            null,
            pending ? pick(['ordered', 'taken']) : 'resulted',
            author,
            pending && rnd() < 0.5 ? null : at(takenOn, 10),
            author,
            resultId,
            author,
            at(takenOn, 10),
            at(takenOn, 10),
          );
          counts.samples++;
          if (!pending)
            writeResult(
              confirmation,
              personId,
              siteId,
              'hiv_serology_lab',
              'positivity',
              ['hiv'],
              rnd() < 0.5,
              takenOn,
              ageDays,
            );
        }
      }
    }

    for (let e = 0; e < shape.prepEpisodes; e++) {
      const personId = pick(persons);
      const siteId = siteOf();
      const active = e % 2 === 0;
      // Active: due later (40 %), this week (10 %), overdue < 3 months (15 %), lost (35 %).
      const r = rnd();
      const nextDue = active
        ? r < 0.4
          ? day(o.today, 8 + Math.floor(rnd() * 80))
          : r < 0.5
            ? day(o.today, Math.floor(rnd() * 7))
            : r < 0.65
              ? day(o.today, -1 - Math.floor(rnd() * 85))
              : day(o.today, -95 - Math.floor(rnd() * 1000))
        : day(o.today, -Math.floor(rnd() * DAYS));
      const visits = shape.followUpsPerEpisode;
      const startedOn = day(nextDue, -90 * (visits + 1));
      const lastVisit = day(nextDue, -90);
      const id = randomUUID();
      episode.run(
        id,
        personId,
        siteId,
        startedOn,
        pick(['daily', 'on_demand']),
        active ? 'active' : 'stopped',
        active ? null : lastVisit,
        active ? null : 'person_choice',
        nextDue,
        lastVisit,
        author,
        at(startedOn),
        at(lastVisit),
      );
      counts.prepEpisodes++;
      for (let v = 1; v <= visits; v++) {
        const held = day(startedOn, 90 * v);
        followUp.run(randomUUID(), id, personId, siteId, held, day(held, 90), author, at(held), at(held));
        counts.prepFollowUps++;
      }
    }

    for (let c = 0; c < shape.vaccineCourses; c++) {
      const personId = pick(persons);
      const siteId = siteOf();
      const startedOn = day(o.today, -Math.floor(rnd() * DAYS));
      const r = rnd();
      const status = r < 0.6 ? 'complete' : r < 0.7 ? 'stopped' : 'in_progress';
      const given = status === 'complete' ? 3 : 1 + Math.floor(rnd() * 2);
      let nextDue: string | null = null;
      if (status === 'in_progress') {
        const q = rnd();
        nextDue =
          q < 0.1
            ? day(o.today, Math.floor(rnd() * 7))
            : q < 0.4
              ? day(o.today, 7 + Math.floor(rnd() * 150))
              : day(startedOn, 60 * given);
        if (q >= 0.4 && nextDue >= o.today) nextDue = day(o.today, -1 - Math.floor(rnd() * 30));
      }
      const id = randomUUID();
      course.run(
        id,
        personId,
        siteId,
        pick(['hpv', 'hepatitis_a', 'hepatitis_b', 'mpox']),
        startedOn,
        status,
        nextDue,
        status === 'in_progress' ? given + 1 : null,
        status === 'stopped' ? day(startedOn, 60) : null,
        author,
        at(startedOn),
        at(startedOn),
      );
      counts.vaccineCourses++;
      for (let n = 1; n <= given; n++) {
        const on = day(startedOn, 60 * (n - 1));
        if (on > o.today) break;
        dose.run(randomUUID(), id, personId, siteId, n, on, author, author, at(on), at(on));
        counts.vaccineDoses++;
      }
    }

    for (let w = 0; w < shape.waitingEntries; w++) {
      const r = rnd();
      const status = r < 0.08 ? 'waiting' : r < 0.11 ? 'booked' : r < 0.81 ? 'seen' : 'cancelled';
      const requestedOn = day(o.today, -Math.floor(rnd() * (status === 'waiting' ? 400 : DAYS)));
      waiting.run(
        randomUUID(),
        pick(persons),
        siteOf(),
        pick(SPECIALTIES),
        requestedOn,
        author,
        status,
        author,
        at(requestedOn),
        at(requestedOn),
      );
      counts.waitingEntries++;
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return counts;
}

// ——— the laboratory file ———

export interface LabLine {
  fileNumber: string;
  sampleDate: IsoDate;
  test: 'hiv_serology_lab' | 'syphilis_serology_lab';
  positive: boolean;
  resultDate: IsoDate;
  labReference: string;
}

/**
 * Samples taken in the last ten days and sent to the laboratory, awaiting their result: `count`
 * of them over distinct (person, test, day), with the file's lines that result them (~8 %
 * positive). One transaction.
 */
export function writePendingLabSamples(
  db: SqliteHandle,
  o: { today: IsoDate; siteId: string; authorId: string; count: number; seed?: number },
): LabLine[] {
  const rnd = random(o.seed ?? 11);
  const persons = db
    .prepare('SELECT id, file_number AS fileNumber FROM person WHERE merged_into IS NULL ORDER BY id')
    .all() as Array<{ id: string; fileNumber: string }>;
  const screening = db.prepare(
    `INSERT INTO screening (id, person_id, visit_id, site_id, taken_on, created_by, created_at, updated_at, version)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 1)`,
  );
  const sample = db.prepare(
    `INSERT INTO sample (id, screening_id, person_id, site_id, test_code, anatomical_site, status, ordered_by, taken_at, taken_by, confirms_result_id, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, NULL, 'taken', ?, ?, ?, NULL, ?, ?, ?, 1)`,
  );
  // A sample of that test already awaiting its result that day (a confirmation, the history's
  // last days) would make the line ambiguous: such a (person, day, test) is left out of the file.
  const awaited = db.prepare(
    `SELECT 1 FROM sample s JOIN screening sc ON sc.id = s.screening_id
     WHERE s.person_id = ? AND s.test_code = ? AND s.status = 'taken' AND sc.taken_on = ? LIMIT 1`,
  );
  const lines: LabLine[] = [];
  db.exec('BEGIN');
  try {
    // Two samples (HIV and syphilis serology) per person and day; persons walked in order, from 3 days ago.
    for (let k = 0; lines.length < o.count; k++) {
      const person = persons[k % persons.length];
      const takenOn = day(o.today, -3 - Math.floor(k / persons.length));
      const screeningId = randomUUID();
      screening.run(screeningId, person.id, o.siteId, takenOn, o.authorId, at(takenOn), at(takenOn));
      for (const test of ['hiv_serology_lab', 'syphilis_serology_lab'] as const) {
        if (lines.length >= o.count) break;
        if (awaited.get(person.id, test, takenOn)) continue;
        sample.run(
          randomUUID(),
          screeningId,
          person.id,
          o.siteId,
          test,
          o.authorId,
          at(takenOn),
          o.authorId,
          o.authorId,
          at(takenOn),
          at(takenOn),
        );
        lines.push({
          fileNumber: person.fileNumber,
          sampleDate: takenOn,
          test,
          positive: rnd() < 0.08,
          resultDate: day(takenOn, 1),
          labReference: `LAB-${String(lines.length).padStart(6, '0')}`,
        });
      }
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return lines;
}

/** The laboratory's CSV (docs/lab-results-csv.md), `;`-separated, one line per result. */
export function labCsv(lines: readonly LabLine[]): string {
  const header =
    'file_number;sample_date;test_code;anatomical_site;target;marker;result;value;unit;result_date;lab_reference';
  const body = lines.map((l) => {
    const titre = l.test === 'syphilis_serology_lab' && l.positive ? '1:16' : '';
    return [
      l.fileNumber,
      l.sampleDate,
      l.test,
      '',
      '',
      '',
      l.positive ? 'positive' : 'negative',
      titre,
      '',
      l.resultDate,
      l.labReference,
    ].join(';');
  });
  return `${[header, ...body].join('\n')}\n`;
}
