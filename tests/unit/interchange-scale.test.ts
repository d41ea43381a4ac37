/**
 * Import, export and indexing stay linear (issue 8): proofs that fail on quadratic behaviour or on
 * a whole-store array, without any timed assertion.
 * - Page reads per person: the same generated file at N and 2N persons is imported with a small
 *   page cache, and the read system calls of this thread (where SQLite runs: better-sqlite3 is
 *   synchronous) are counted. Linear work reads about as many pages per person at 2N as at N; a
 *   full index scan per person (as `DELETE … WHERE person_id = ?` on the FTS5 table did) doubles.
 * - The export of more records than V8 accepts as arguments of one call (> 130,000), streamed.
 * - What the app refuses on a save, the import refuses, by line and field, writing nothing.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { exportAll } from '../../electron/core/interchange/export';
import { StreamedFile } from '../../electron/core/interchange/file-out';
import { ImportRefused, importText } from '../../electron/core/interchange/import';
import { tempDir } from './helpers/core';
import { migrationLines } from './helpers/migration-file';
import { personInput, reception } from './helpers/reception';

const COORDINATOR = { userId: 'x', roles: ['coordinator' as const] };

/** Read system calls made by this thread so far (Linux). */
function readCalls(): number {
  const io = readFileSync('/proc/thread-self/io', 'utf8');
  return Number(/^syscr: (\d+)$/m.exec(io)?.[1]);
}

/** A migration file: `count` persons, each with a closed visit, names and phones varied. */
function generated(siteId: string, count: number): string {
  return [...migrationLines({ siteId, persons: count })].join('\n');
}

async function readsPerPerson(count: number): Promise<number> {
  const t = await reception();
  const handle = t.core.ctx.vault.requireStore().handle;
  // A page cache of 10 pages (40 KiB): what the import touches beyond it is read from the file,
  // so the count follows the pages each person's work visits (about 70 here).
  handle.pragma('cache_size = 10');
  const text = generated(t.siteIds[0], count);
  const before = readCalls();
  expect(await importText(t.core.ctx, COORDINATOR, text)).toEqual({
    created: 2 * count,
    updated: 0,
    unchanged: 0,
  });
  return (readCalls() - before) / count;
}

describe('import and export at scale', () => {
  it('an import of 2× and 4× the persons reads about as many pages per person (linear, not quadratic)', async () => {
    const [n1, n2, n4] = [await readsPerPerson(1000), await readsPerPerson(2000), await readsPerPerson(4000)];
    // Not vacuous: the small cache makes the import read from the file for every person.
    expect(n1).toBeGreaterThan(10);
    // Linear work (B-tree look-ups) adds about the same reads per person at each doubling (one
    // more level, a colder cache); a scan per person adds twice as many at each doubling, since
    // what it reads doubles with the store. Half a read per person of slack for the random ids.
    expect(n4 - n2).toBeLessThan(1.5 * (n2 - n1) + 0.5);
    // Four times the persons: within 30% per person (here about +12%); a scan would double it twice.
    expect(n4 / n1).toBeLessThan(1.3);
  }, 240_000);

  // 3+ letters go through the trigram index, whose reads follow how many names share the query's
  // trigrams (FTS5 reads those lists); 1–2 letters used to scan the whole index.
  // "Awa Karim" born 1970: two words each starting a tenth of the names, a year shared by one
  // person in 45, and no generated Awa or Karim born that year. The "word of the name, born that
  // year" look-up used to read every name starting with each word, and its person's row to
  // compare the year (a fifth of the persons, here about 60% more pages at 4×); it now reads the
  // names of that year only, and still finds the one Awa born in 1970.
  it('as-you-type search of 1 or 2 letters and the duplicate check read about as many pages at 4× the persons', async () => {
    async function readsPerQuery(count: number): Promise<number[]> {
      const t = await reception();
      await importText(t.core.ctx, COORDINATOR, generated(t.siteIds[0], count));
      const awa = await t.must(
        'persons.create',
        personInput(t, { nameUsed: 'Awa', birthYear: 1970 }),
        t.worker.token,
      );
      const handle = t.core.ctx.vault.requireStore().handle;
      handle.pragma('cache_size = 10');
      const probes: Array<() => Promise<unknown>> = [
        ...['a', 'ka', 'Am'].map((query) => () => t.must('persons.search', { query }, t.worker.token)),
        () => t.must('persons.duplicates', { nameUsed: 'Amelia', birthYear: 1994 }, t.worker.token),
        async () => {
          const found = await t.must(
            'persons.duplicates',
            { nameUsed: 'Awa Karim', birthYear: 1970 },
            t.worker.token,
          );
          expect(found.map((d) => d.id)).toContain(awa.id);
        },
      ];
      const reads: number[] = [];
      for (const probe of probes) {
        await probe(); // the statements prepared and the session warm, as at the desk
        const before = readCalls();
        await probe();
        reads.push(readCalls() - before);
      }
      return reads;
    }
    const small = await readsPerQuery(1000);
    const large = await readsPerQuery(4000);
    // A scan of the index or of the persons reads four times as many pages; index ranges with a
    // LIMIT read about as many (one more B-tree level at most).
    small.forEach((reads, i) =>
      expect(large[i], `probe ${i}: ${reads} → ${large[i]}`).toBeLessThan(1.6 * reads + 20),
    );
    // The duplicate check's candidates are a fixed number of index entries and persons (here
    // fewer pages at 4×: the candidates sit closer together): within 25%.
    [3, 4].forEach((i) =>
      expect(large[i], `duplicates ${i}: ${small[i]} → ${large[i]}`).toBeLessThan(1.25 * small[i] + 20),
    );
  }, 240_000);

  it('a 1-letter query finds names even when more file numbers than the limit start with it', async () => {
    const t = await reception();
    // 250 files numbered MTP-… (generated at the MTP site), none named with an M.
    const text = Array.from({ length: 250 }, (_, i) =>
      JSON.stringify({ type: 'person', id: `z-${i}`, siteId: t.siteIds[0], nameUsed: `Zed ${i}` }),
    ).join('\n');
    await importText(t.core.ctx, COORDINATOR, text);
    const maya = await t.must('persons.create', personInput(t, { nameUsed: 'Maya' }), t.worker.token);
    const results = await t.must('persons.search', { query: 'm' }, t.worker.token);
    expect(results[0]).toMatchObject({ id: maya.id, matchedOn: 'name_used' });
  }, 60_000);

  it('exports more records than V8 accepts as one call’s arguments, streamed to the file', async () => {
    const t = await reception();
    const person = await t.must('persons.create', personInput(t), t.worker.token);
    const count = 131_000;
    const handle = t.core.ctx.vault.requireStore().handle;
    const insert = handle.prepare(
      `INSERT INTO person_consent (id, person_id, scope, given, recorded_at, recorded_by, note)
       VALUES (?, ?, 'care_team', ?, ?, NULL, NULL)`,
    );
    handle.transaction(() => {
      for (let i = 0; i < count; i++)
        insert.run(
          `c-${String(i).padStart(6, '0')}`,
          person.id,
          i % 2,
          new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(),
        );
    })();
    const out = path.join(tempDir(), 'export.jsonl');
    const file = new StreamedFile(out);
    const { count: exported } = await exportAll(
      t.core.ctx,
      { userId: null as never, roles: ['coordinator'] },
      (line) => file.write(line),
    );
    file.commit();
    expect(statSync(out).mode & 0o777).toBe(0o600);
    let lines = 0;
    let consents = 0;
    let last = '';
    for await (const line of createInterface({ input: createReadStream(out), crlfDelay: Infinity })) {
      lines += 1;
      const record = JSON.parse(line) as { type: string; id: string };
      if (record.type === 'consent') {
        consents += 1;
        // In id order, page after page, none twice.
        expect(record.id > last).toBe(true);
        last = record.id;
      }
    }
    expect(consents).toBe(count);
    expect(lines).toBe(exported + 1);
  }, 240_000);
});

describe('the import refuses what the app refuses on a save', () => {
  it('two open visits, a visit closed before it opened, open when done, closed but not done, before birth: each by line and field, nothing written', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const visit = (id: string, extra: object) =>
      JSON.stringify({
        type: 'visit',
        id,
        personId: 'p-1',
        siteId: site,
        openedAt: '2025-01-10T09:00:00Z',
        ...extra,
      });
    const text = [
      JSON.stringify({ type: 'person', id: 'p-1', siteId: site, nameUsed: 'Awa', birthDate: '1990-05-01' }),
      visit('v-1', { closedAt: null, step: 'waiting_doctor' }),
      visit('v-2', { closedAt: null, step: 'waiting_nurse' }),
      visit('v-3', { openedAt: '2025-01-10T09:00:00Z', closedAt: '2025-01-10T08:00:00Z' }),
      // The format's default step is `done`: a past visit without `closedAt` is refused.
      visit('v-4', {}),
      visit('v-5', { closedAt: '2025-01-10T10:00:00Z', step: 'with_doctor' }),
      visit('v-6', { openedAt: '1989-01-10T09:00:00Z', closedAt: '1989-01-10T10:00:00Z' }),
      visit('v-7', { closedAt: '2025-01-10T10:00:00Z' }),
    ].join('\n');
    const handle = t.core.ctx.vault.requireStore().handle;
    const before = fingerprint(handle);
    const refusal = await importText(t.core.ctx, COORDINATOR, text).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(ImportRefused);
    expect((refusal as ImportRefused).errors).toEqual([
      { line: 3, field: 'personId', reason: 'visit_already_open_line_2' },
      { line: 4, field: 'closedAt', reason: 'before_start' },
      { line: 5, field: 'closedAt', reason: 'required_when_done' },
      { line: 6, field: 'step', reason: 'visit_closed' },
      { line: 7, field: 'openedAt', reason: 'visit_before_birth' },
    ]);
    expect(fingerprint(handle)).toEqual(before);
  });

  it('the person, interview, appointment and referral screens’ rules: each by line and field, nothing written', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const stored = await t.must('persons.create', personInput(t, { nameUsed: 'Sam' }), t.worker.token);
    // Sam's first visit is today (2026-03-02 on the test clock).
    await t.must('visits.checkIn', { personId: stored.id, siteId: site }, t.worker.token);
    const person = (id: string, extra: object) =>
      JSON.stringify({ type: 'person', id, siteId: site, nameUsed: `Personne ${id}`, ...extra });
    const text = [
      person('p-1', { birthDate: '1990-05-01' }),
      person('p-2', { birthDate: '2999-01-01' }),
      person('p-3', { contact: { phone: null, channels: ['sms'], neverContact: false } }),
      person('p-4', { fileNumber: stored.fileNumber }),
      person('p-5', { birthDate: '2025-06-01' }),
      person(stored.id, { nameUsed: 'Sam', fileNumber: stored.fileNumber, birthDate: '2026-06-01' }),
      JSON.stringify({
        type: 'visit',
        id: 'v-5',
        personId: 'p-5',
        siteId: site,
        openedAt: '2025-01-10T09:00:00Z',
        closedAt: '2025-01-10T10:00:00Z',
      }),
      JSON.stringify({ type: 'interview', id: 'i-1', personId: 'p-1', heldAt: '1989-12-01T10:00:00Z' }),
      JSON.stringify({
        type: 'interview',
        id: 'i-2',
        personId: 'p-1',
        heldAt: '2025-01-10T10:00:00Z',
        lastRiskAt: '2025-01-11T10:00:00Z',
      }),
      JSON.stringify({
        type: 'interview',
        id: 'i-3',
        personId: 'p-1',
        visitId: 'v-5',
        heldAt: '2025-01-10T10:00:00Z',
      }),
      JSON.stringify({
        type: 'appointment',
        id: 'a-1',
        personId: 'p-1',
        siteId: site,
        professionalId: t.worker.id,
        appointmentType: 'screening',
        startsAt: '2025-01-10T08:00:00Z',
        endsAt: '2025-01-11T08:00:00Z',
      }),
    ].join('\n');
    const handle = t.core.ctx.vault.requireStore().handle;
    const before = fingerprint(handle);
    const refusal = await importText(t.core.ctx, COORDINATOR, text).then(
      () => null,
      (err: unknown) => err,
    );
    expect((refusal as ImportRefused).errors).toEqual([
      { line: 2, field: 'birthDate', reason: 'in_future' },
      { line: 3, field: 'contact.phone', reason: 'required_for_channel' },
      { line: 4, field: 'fileNumber', reason: 'file_number_taken' },
      { line: 6, field: 'birthDate', reason: 'after_first_visit' },
      { line: 7, field: 'openedAt', reason: 'visit_before_birth' },
      { line: 8, field: 'heldAt', reason: 'before_birth' },
      { line: 9, field: 'lastRiskAt', reason: 'after_interview' },
      { line: 10, field: 'visitId', reason: 'unknown_visit' },
      { line: 11, field: 'endsAt', reason: 'too_long' },
    ]);
    expect(fingerprint(handle)).toEqual(before);
  });

  it('an open visit while the store has one open for that person is refused; closing the store’s in the same file is accepted', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    const open = await t.must('visits.checkIn', { personId: p.id, siteId: site }, t.worker.token);
    const handle = t.core.ctx.vault.requireStore().handle;
    const before = fingerprint(handle);
    const another = JSON.stringify({
      type: 'visit',
      id: 'v-new',
      personId: p.id,
      siteId: site,
      openedAt: '2026-03-02T09:30:00Z',
      closedAt: null,
      step: 'waiting_doctor',
    });
    const refusal = await importText(t.core.ctx, COORDINATOR, `\n${another}`).then(
      () => null,
      (err: unknown) => err,
    );
    expect((refusal as ImportRefused).errors).toEqual([
      { line: 2, field: 'personId', reason: 'visit_already_open' },
    ]);
    expect(fingerprint(handle)).toEqual(before);
    const closing = JSON.stringify({
      type: 'visit',
      id: open.id,
      personId: p.id,
      siteId: site,
      openedAt: open.openedAt,
      closedAt: '2026-03-02T09:20:00Z',
      step: 'done',
    });
    expect(await importText(t.core.ctx, COORDINATOR, `${closing}\n${another}`)).toMatchObject({
      created: 1,
      updated: 1,
    });
  });
});
