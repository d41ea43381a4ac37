/**
 * Fixtures shared by the clinical capabilities' unit tests (screenings, treatments, consultations,
 * prep, vaccinations): the centre with its nurse and doctor, a person who gave the care-team
 * consent, "refused and nothing written", importing interchange records, the demo's actors.
 */
import { expect } from 'vitest';
import type { ChannelInput, ChannelName } from '../../../shared/contract';
import type { DemoActors } from '../../../electron/server/commands/demo-data';
import {
  applyLines,
  ImportRefused,
  parseLines,
  type LineError,
} from '../../../electron/core/interchange/import';
import type { TestCore } from './core';
import { personInput, reception, staff, type Centre } from './reception';

/** The test centre with a nurse (nina) and a doctor (dora); `siteId` is its first site. */
export async function clinicalCentre(core?: TestCore) {
  const t = await reception(core);
  const nurse = await staff(t, 'nina', ['nurse']);
  const doctor = await staff(t, 'dora', ['doctor']);
  return { t, nurse, doctor, siteId: t.siteIds[0] };
}

/** A new person of the centre; with the care-team consent unless `consent` is false. */
export async function consentingPerson(
  t: Centre,
  token: string,
  name = 'Ana',
  consent = true,
): Promise<string> {
  const p = await t.must('persons.create', personInput(t, { nameUsed: name }), token);
  if (consent)
    await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, token);
  return p.id;
}

/** What one SQL query answers (counts, versions), as text to compare before and after a call. */
export async function storeSnapshot(t: Centre, sql: string): Promise<string> {
  const store = t.core.ctx.vault.requireStore();
  return store.exclusive(async () => JSON.stringify(await store.manager.query(sql)));
}

/**
 * Calls a write that must be refused with this reason on this field, and checks that nothing was
 * written: the rows `rowsSql` counts (with the audit log) and, when given, what the tab shows. The
 * tab is read around the counts, since a read is itself audited.
 */
export async function expectRefused<C extends ChannelName>(
  t: Centre,
  channel: C,
  input: ChannelInput<C>,
  token: string,
  expected: { field: string; reason: string },
  written: { rowsSql: string; tab?: () => Promise<unknown> },
): Promise<void> {
  const tab = await written.tab?.();
  const rows = await storeSnapshot(t, written.rowsSql);
  const r = await t.call(channel, input, token);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error).toMatchObject({
    code: 'validation',
    field: expected.field,
    details: { reason: expected.reason },
  });
  expect(await storeSnapshot(t, written.rowsSql)).toBe(rows);
  expect(await written.tab?.()).toEqual(tab);
}

/** Imports interchange records (one line each) into the centre's store: what was refused, or []. */
export async function importRecords(t: Centre, ...records: object[]): Promise<LineError[]> {
  const store = t.core.ctx.vault.requireStore();
  const { lines, errors } = parseLines(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  if (errors.length) return errors;
  try {
    await store.transaction((em) => applyLines(em, lines, t.clock.now().toISOString()));
    return [];
  } catch (err) {
    if (err instanceof ImportRefused) return err.errors;
    throw err;
  }
}

/** The demo replay's actors, every role played by the test's nurse or doctor. */
export function demoActors(
  t: Centre,
  nurse: { id: string },
  doctor: { id: string },
  workerId = nurse.id,
): DemoActors {
  const as = (userId: string, roles: Array<'nurse' | 'doctor'>) => ({ userId, roles });
  return {
    worker: as(workerId, ['nurse']),
    nurse: as(nurse.id, ['nurse']),
    doctor: as(doctor.id, ['doctor']),
    coordinator: as(nurse.id, ['nurse']),
    siteId: t.siteIds[0],
    outreachSiteId: t.siteIds[1],
    timezone: 'Europe/Paris',
  };
}
