/**
 * "Who looked at my file" for the person is grouped: one line per reader, local day, section and
 * action, with the count and the first and last time, and the reasons of a break-the-glass. A
 * morning of the same tab read again and again is one line, not pages.
 */
import { describe, expect, it } from 'vitest';
import { groupAccessLog, type AccessLogEntry } from '../../shared/domain/access-log';
import { FakeClock, startCore } from './helpers/core';
import { pdfText } from './helpers/pdf-text';
import { personInput, reception, staff } from './helpers/reception';

const PARIS = 'Europe/Paris';

function entry(
  at: string,
  readerId: string | null,
  section: string | null,
  extra: Partial<AccessLogEntry> = {},
) {
  return {
    at,
    readerId,
    readerName: readerId ? `Name of ${readerId}` : null,
    section,
    action: 'read',
    reason: null,
    ...extra,
  };
}

describe('groupAccessLog', () => {
  it('groups per reader, local day, section and action with the count and the first and last time', () => {
    // Newest first, as the log is read; March: Paris is UTC+1.
    const groups = groupAccessLog(
      [
        entry('2026-03-03T08:00:00.000Z', 'nadia', 'interview'),
        entry('2026-03-02T23:30:00.000Z', 'nadia', 'interview'), // 00:30 on the 3rd, locally
        entry('2026-03-02T10:40:00.000Z', 'nadia', 'interview'),
        entry('2026-03-02T10:05:00.000Z', 'sam', 'interview'),
        entry('2026-03-02T08:30:00.000Z', 'nadia', 'identity'),
        entry('2026-03-02T08:20:00.000Z', 'nadia', 'interview', { action: 'update' }),
        entry('2026-03-02T08:12:00.000Z', 'nadia', 'interview'),
        entry('2026-03-02T08:00:00.000Z', 'nadia', 'interview'),
      ],
      PARIS,
    );
    expect(
      groups.map((g) => [g.readerId, g.day, g.section, g.action, g.count, g.firstTime, g.lastTime]),
    ).toEqual([
      ['nadia', '2026-03-03', 'interview', 'read', 2, '00:30', '09:00'],
      ['nadia', '2026-03-02', 'interview', 'read', 3, '09:00', '11:40'],
      ['sam', '2026-03-02', 'interview', 'read', 1, '11:05', '11:05'],
      ['nadia', '2026-03-02', 'identity', 'read', 1, '09:30', '09:30'],
      ['nadia', '2026-03-02', 'interview', 'update', 1, '09:20', '09:20'],
    ]);
    expect(groups[0].readerName).toBe('Name of nadia');
  });

  it('carries the break-the-glass reasons, each once', () => {
    const reason = 'Urgence vitale, personne inconsciente';
    const groups = groupAccessLog(
      [
        entry('2026-03-02T10:00:00.000Z', 'nadia', null, { action: 'break_glass', reason }),
        entry('2026-03-02T09:00:00.000Z', 'nadia', null, { action: 'break_glass', reason }),
        entry('2026-03-02T08:00:00.000Z', 'nadia', null, {
          action: 'break_glass',
          reason: 'Autre urgence vitale',
        }),
        entry('2026-03-02T08:00:00.000Z', null, null, { action: 'merge' }),
      ],
      PARIS,
    );
    expect(groups[0]).toMatchObject({
      action: 'break_glass',
      count: 3,
      reasons: [reason, 'Autre urgence vitale'],
    });
    expect(groups[1]).toMatchObject({ readerId: null, readerName: null, action: 'merge', reasons: [] });
  });
});

describe('the printed access report', () => {
  it('puts a morning of reads of one tab on one line: one page, not several', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    const nurse = await staff(t, 'sam', ['nurse']);
    for (let i = 0; i < 120; i += 1) {
      await t.must('persons.get', { id: p.id }, nurse.token);
      t.clock.advance(60_000);
    }
    const pdf = await t.must('persons.accessLogPdf', { personId: p.id, locale: 'fr' }, nurse.token);
    const text = Buffer.from(pdf.base64, 'base64').toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('is grouped by the core, by account and on the file site’s calendar, the same on screen and on paper', async () => {
    // 23:30 UTC on 2 March is 00:30 on the 3rd in Montpellier: the file's day, whatever the zone
    // of the workstation that reads the log.
    const t = await reception(await startCore(undefined, new FakeClock(Date.parse('2026-03-02T23:25:00Z'))));
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    const nurse = await staff(t, 'sam', ['nurse']);
    t.clock.advance(5 * 60_000);
    await t.must('persons.get', { id: p.id }, nurse.token);
    t.clock.advance(10 * 60_000);
    await t.must('persons.get', { id: p.id }, nurse.token);

    const log = await t.must('persons.accessLog', { personId: p.id }, nurse.token);
    expect(log.timeZone).toBe('Europe/Paris');
    const reads = log.groups.filter((g) => g.readerName === 'sam (test)' && g.section === 'identity');
    // One line per account (two staff may share a name), not per displayed name; reading the log
    // is itself a read of the file (the third).
    expect(reads).toEqual([
      expect.objectContaining({
        readerId: nurse.id,
        day: '2026-03-03',
        count: 3,
        firstTime: '00:30',
        lastTime: '00:40',
      }),
    ]);
    // The printed report has that same line.
    const pdf = await t.must('persons.accessLogPdf', { personId: p.id, locale: 'fr' }, nurse.token);
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    expect(text).toContain('03/03/2026');
    expect(text).toContain('00:30');
  });
});
