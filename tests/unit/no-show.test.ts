/**
 * Appointments and arrivals are linked (issue 9, item 4): a check-in marks the appointment
 * arrived; an appointment not honoured by the end of its day (the site's local day) becomes
 * absent (`no_show`) when the agenda showing it or a check-in of its person is read, each change
 * audited on that person's pathway.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception } from './helpers/reception';

async function paris() {
  const t = await reception();
  const centre = await t.must('centre.get', {}, t.token);
  const site = centre.sites.find((s) => s.code === 'MTP')!;
  await t.must(
    'centre.saveSite',
    { id: site.id, version: site.version, code: 'MTP', name: site.name, timezone: 'Europe/Paris' },
    t.token,
  );
  // Back at the desk after a night: a fresh login (the idle sessions have locked).
  const relogin = async () =>
    (await t.must('auth.login', { username: 'kasey', password: 'Nouveau-Mot-de-passe-2026' })).token;
  const book = (personId: string, startsAt: string, endsAt: string) =>
    t.must(
      'appointments.book',
      { personId, siteId: site.id, professionalId: t.worker.id, type: 'screening', startsAt, endsAt },
      t.worker.token,
    );
  return { t, site: site.id, relogin, book };
}

describe('absent appointments', () => {
  it('become no_show once their local day has ended, when the agenda is read, each audited once', async () => {
    const { t, site, relogin, book } = await paris();
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Absente' }), t.worker.token);
    // Tuesday 3 March 2026, 19:00–19:30 Paris (18:00 UTC).
    const evening = await book(p.id, '2026-03-03T18:00:00Z', '2026-03-03T18:30:00Z');
    const period = { siteId: site, from: '2026-03-03T00:00:00Z', to: '2026-03-04T00:00:00Z' };

    // 23:30 in Paris: the day is not over, even though it is late.
    t.clock.t = Date.parse('2026-03-03T22:30:00Z');
    let token = await relogin();
    expect((await t.must('appointments.list', period, token)).map((a) => a.status)).toEqual(['booked']);

    // 00:30 in Paris on Wednesday (still Tuesday in UTC): absent.
    t.clock.t = Date.parse('2026-03-03T23:30:00Z');
    token = await relogin();
    const [absent] = await t.must('appointments.list', period, token);
    expect(absent).toMatchObject({ id: evening.id, status: 'no_show', version: evening.version + 1 });
    await t.must('appointments.list', period, token);

    const admin = (await t.must('auth.login', { username: 'camille', password: 'Coordination-2026!' })).token;
    const audit = await t.must('audit.list', { page: 1, pageSize: 100, personId: p.id }, admin);
    const entries = audit.items.filter((e) => e.targetId === evening.id && e.action === 'update');
    // One change, audited once (the second read found nothing left to mark), on the person's pathway.
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ section: 'pathway', actorId: t.worker.id, personId: p.id });

    // The person's pathway tab counts it.
    const mine = await t.must('appointments.forPerson', { personId: p.id }, token);
    expect(mine.items.filter((a) => a.status === 'no_show')).toHaveLength(1);
  });

  it('a check-in marks today’s appointment arrived and the person’s past ones still booked absent', async () => {
    const { t, site, relogin, book } = await paris();
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Revenue' }), t.worker.token);
    const monday = await book(p.id, '2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z');
    const tuesday = await book(p.id, '2026-03-03T09:00:00Z', '2026-03-03T09:30:00Z');
    t.clock.t = Date.parse('2026-03-03T08:55:00Z');
    const token = await relogin();

    const visit = await t.must(
      'visits.checkIn',
      { personId: p.id, siteId: site, appointmentId: tuesday.id },
      token,
    );
    expect(visit).toMatchObject({ origin: 'appointment', appointmentId: tuesday.id });
    const after = await t.must('appointments.forPerson', { personId: p.id }, token);
    const status = Object.fromEntries(after.items.map((a) => [a.id, a.status]));
    expect(status).toEqual({ [monday.id]: 'no_show', [tuesday.id]: 'arrived' });
  });
});
