import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

const SPOT_HOURS = {
  '2': [
    ['09:00', '13:00'],
    ['14:00', '20:00'],
  ],
  '3': [
    ['09:00', '13:00'],
    ['14:00', '20:00'],
  ],
  '6': [['14:00', '18:00']],
} as Record<string, Array<[string, string]>>;

async function agenda() {
  const t = await reception();
  const centre = await t.must('centre.get', {}, t.token);
  const site = centre.sites.find((s) => s.code === 'MTP')!;
  await t.must(
    'centre.saveSite',
    {
      id: site.id,
      version: site.version,
      code: 'MTP',
      name: site.name,
      timezone: 'Europe/Paris',
      openingHours: SPOT_HOURS,
    },
    t.token,
  );
  const nurse = await staff(t, 'nina', ['nurse']);
  return { t, site: site.id, nurse };
}

describe('appointments', () => {
  it('books inside opening hours (site local time) and refuses closed slots and overlaps for the same professional', async () => {
    const { t, site, nurse } = await agenda();
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    // Tuesday 3 March 2026, 10:00 Paris = 09:00 UTC.
    const ok = await t.must(
      'appointments.book',
      {
        personId: p.id,
        siteId: site,
        professionalId: nurse.id,
        type: 'screening',
        startsAt: '2026-03-03T09:00:00Z',
        endsAt: '2026-03-03T09:30:00Z',
      },
      t.worker.token,
    );
    expect(ok).toMatchObject({ personName: 'Amélie', professionalName: 'nina (test)', status: 'booked' });
    const cases: Array<[string, string, string]> = [
      ['2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z', 'closed_slot'], // Monday: closed
      ['2026-03-03T11:45:00Z', '2026-03-03T12:15:00Z', 'closed_slot'], // 12:45–13:15 Paris: over the lunch break
      ['2026-03-03T09:15:00Z', '2026-03-03T09:45:00Z', 'overlap'],
    ];
    for (const [startsAt, endsAt, reason] of cases) {
      const r = await t.call(
        'appointments.book',
        { personId: p.id, siteId: site, professionalId: nurse.id, type: 'screening', startsAt, endsAt },
        t.worker.token,
      );
      expect(r.ok ? null : { field: r.error.field, reason: r.error.details?.reason }).toEqual({
        field: 'startsAt',
        reason,
      });
    }
    const backwards = await t.call(
      'appointments.book',
      {
        personId: p.id,
        siteId: site,
        professionalId: nurse.id,
        type: 'screening',
        startsAt: '2026-03-03T10:00:00Z',
        endsAt: '2026-03-03T09:00:00Z',
      },
      t.worker.token,
    );
    expect(backwards.ok ? null : backwards.error.field).toBe('endsAt');
    // Another professional at the same time is fine; a cancelled slot frees the time.
    await t.must(
      'appointments.book',
      {
        personId: p.id,
        siteId: site,
        professionalId: t.worker.id,
        type: 'interview',
        startsAt: '2026-03-03T09:00:00Z',
        endsAt: '2026-03-03T09:30:00Z',
      },
      t.worker.token,
    );
    await t.must(
      'appointments.setStatus',
      { id: ok.id, version: ok.version, status: 'cancelled' },
      t.worker.token,
    );
    await t.must(
      'appointments.book',
      {
        personId: p.id,
        siteId: site,
        professionalId: nurse.id,
        type: 'vaccine',
        startsAt: '2026-03-03T09:15:00Z',
        endsAt: '2026-03-03T09:45:00Z',
      },
      t.worker.token,
    );
    const day = await t.must(
      'appointments.list',
      { siteId: site, from: '2026-03-02T23:00:00Z', to: '2026-03-03T23:00:00Z' },
      t.worker.token,
    );
    expect(day.map((a) => a.type)).toEqual(['interview', 'vaccine']);
    const nurseOnly = await t.must(
      'appointments.list',
      { siteId: site, from: '2026-03-02T23:00:00Z', to: '2026-03-03T23:00:00Z', professionalId: nurse.id },
      t.worker.token,
    );
    expect(nurseOnly.map((a) => a.type)).toEqual(['vaccine']);
  });

  it("tomorrow's reminders respect never-contact, the contact consent, the channels and the person's own words", async () => {
    const { t, site, nurse } = await agenda();
    const make = async (nameUsed: string, contact: Record<string, unknown>, consent: boolean) => {
      const p = await t.must(
        'persons.create',
        personInput(t, { nameUsed, contact: contact }),
        t.worker.token,
      );
      if (consent)
        await t.must(
          'persons.recordConsent',
          { personId: p.id, scope: 'contact', given: true },
          t.worker.token,
        );
      return p;
    };
    const a = await make(
      'Alex',
      { phone: '0611223344', channels: ['sms'], wording: 'Coucou, RDV le {date} à {heure} :)' },
      true,
    );
    const b = await make('Bea', { phone: '0611223345', channels: ['sms'], neverContact: true }, true);
    const c = await make('Cy', { phone: '0611223346', channels: ['whatsapp'] }, false);
    const d = await make('Dom', { email: 'dom@example.org', channels: ['email'] }, true);
    const hours = [9, 10, 13, 14];
    for (const p of [a, b, c, d]) {
      const hour = hours.shift()!;
      await t.must(
        'appointments.book',
        {
          personId: p.id,
          siteId: site,
          professionalId: nurse.id,
          type: 'prep',
          startsAt: `2026-03-03T${String(hour).padStart(2, '0')}:00:00Z`,
          endsAt: `2026-03-03T${String(hour).padStart(2, '0')}:30:00Z`,
        },
        t.worker.token,
      );
    }
    const list = await t.must('appointments.reminders', { siteId: site, date: '2026-03-03' }, t.worker.token);
    expect(list.map((r) => [r.nameUsed, r.contactable, r.reason])).toEqual([
      ['Alex', true, null],
      ['Bea', false, 'never_contact'],
      ['Cy', false, 'no_consent'],
      ['Dom', true, null],
    ]);
    expect(list[0].message).toBe('Coucou, RDV le 03/03/2026 à 10:00 :)');
    expect(list[3].message).toBe('Bonjour, petit rappel : rendez-vous le 03/03/2026 à 15:00. À bientôt !');
    expect(list[1].phone).toBeNull();
  });
});
