/** Inputs that would break the centre later are refused at once, next to their field. */
import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

describe('time zones and break-the-glass reasons', () => {
  it('refuses a site time zone the runtime does not know, before anything is written', async () => {
    const t = await reception();
    const centre = await t.must('centre.get', {}, t.token);
    const site = centre.sites[0];
    const refused = await t.call(
      'centre.saveSite',
      { id: site.id, version: site.version, code: site.code, name: site.name, timezone: 'Not/AZone' },
      t.token,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'validation', field: 'timezone' });
    expect((await t.must('centre.get', {}, t.token)).sites[0].timezone).toBe(site.timezone);
    await t.must(
      'centre.saveSite',
      { id: site.id, version: site.version, code: site.code, name: site.name, timezone: 'Africa/Casablanca' },
      t.token,
    );
  });

  it('refuses a break-the-glass reason that is not written in words, and grants nothing', async () => {
    const t = await reception();
    const doctor = await staff(t, 'doc', ['doctor']);
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    for (const reason of ['aaaaaaaaaa', '1234567890', 'xxxxxxxxxx yy', '..........']) {
      const r = await t.call('persons.breakGlass', { personId: p.id, reason }, doctor.token);
      expect(r.ok ? null : r.error, reason).toMatchObject({ code: 'validation', field: 'reason' });
    }
    const sections = (await t.must('persons.dossier', { id: p.id }, doctor.token)).breakGlassUntil;
    expect(sections).toBeNull();
    await t.must(
      'persons.breakGlass',
      { personId: p.id, reason: 'Malaise en salle, besoin des antécédents' },
      doctor.token,
    );
  });
});
