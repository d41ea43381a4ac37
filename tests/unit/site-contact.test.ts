/**
 * A site's address and phone (migration 0019): edited with the site in Settings (`centre.saveSite`),
 * a phone that is not one refused on its field with nothing written, left out = kept, empty =
 * removed; printed in the centre header of the French prescription and of the vaccination
 * certificate.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from './helpers/pdf-text';
import { personInput, reception, staff } from './helpers/reception';

const ADDRESS = '12 rue du Faubourg Figuerolles\n34070 Montpellier';

async function centre() {
  const t = await reception();
  const site = async () =>
    (await t.must('centre.get', {}, t.token)).sites.find((s) => s.id === t.siteIds[0])!;
  const save = async (extra: Record<string, unknown>) => {
    const s = await site();
    return t.call(
      'centre.saveSite',
      {
        id: s.id,
        version: s.version,
        code: s.code,
        name: s.name,
        city: s.city ?? undefined,
        timezone: s.timezone,
        ...extra,
      },
      t.token,
    );
  };
  return { t, site, save };
}

describe('a site’s address and phone', () => {
  it('are saved as typed with the site; a phone that is not one is refused on its field and nothing is written; left out they are kept, empty they are removed', async () => {
    const { site, save } = await centre();
    expect(await site()).toMatchObject({ address: null, phone: null });

    for (const phone of ['pas de numéro', '12345', '04 67 00 11 22 33 44 55 66', '04 67 00 11 22#1']) {
      const refused = await save({ address: ADDRESS, phone });
      expect(refused.ok ? null : refused.error, phone).toMatchObject({
        code: 'validation',
        field: 'phone',
        details: { reason: 'site_phone_format' },
      });
    }
    expect(await site()).toMatchObject({ address: null, phone: null, version: 1 });

    expect((await save({ address: ADDRESS, phone: '+33 (0)4.67.00.11.22' })).ok).toBe(true);
    expect(await site()).toMatchObject({ address: ADDRESS, phone: '+33 (0)4.67.00.11.22' });
    // A client that does not know the fields (an older screen, a script) does not erase them.
    expect((await save({ name: 'Montpellier Figuerolles' })).ok).toBe(true);
    expect(await site()).toMatchObject({ name: 'Montpellier Figuerolles', address: ADDRESS });
    expect((await save({ address: '', phone: '' })).ok).toBe(true);
    expect(await site()).toMatchObject({ address: null, phone: null });
  });

  it('are kept exactly as typed, spaces included; an address of spaces only is refused, not read as none', async () => {
    const { site, save } = await centre();
    expect((await save({ address: ` ${ADDRESS}\n`, phone: ' 04 67 00 11 22 ' })).ok).toBe(true);
    expect(await site()).toMatchObject({ address: ` ${ADDRESS}\n`, phone: ' 04 67 00 11 22 ' });
    const before = await site();
    const refused = await save({ address: '   ' });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'validation',
      field: 'address',
      details: { reason: 'site_address_blank' },
    });
    expect(await site()).toEqual(before);
  });

  it('are printed in the header of the prescription and of the vaccination certificate', async () => {
    const { t, save } = await centre();
    expect((await save({ address: ADDRESS, phone: '04 67 00 11 22' })).ok).toBe(true);
    const doctor = await staff(t, 'dr-morel', ['doctor']);
    const nurse = await staff(t, 'ines', ['nurse']);
    const store = t.core.ctx.vault.requireStore();
    await store.manager.query('UPDATE staff_user SET professional_number = ? WHERE id = ?', [
      '10101234567',
      doctor.id,
    ]);
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Sacha' }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    await t.must(
      'visits.checkIn',
      { personId: p.id, siteId: t.siteIds[0], step: 'waiting_doctor' },
      t.worker.token,
    );
    const saved = await t.must(
      'consultations.save',
      {
        personId: p.id,
        heldAt: t.clock.now().toISOString(),
        reason: 'Dépistage',
        prescription: {
          lines: [
            {
              drug: 'doxycycline',
              dose: '100 mg',
              route: 'oral',
              frequency: '2 fois par jour',
              duration: '7 jours',
            },
          ],
          renewals: 0,
        },
      },
      doctor.token,
    );
    const prescriptionId = saved.consultation.prescription?.id ?? '';
    const ordonnance = pdfText(
      Buffer.from(
        (await t.must('consultations.prescriptionPdf', { personId: p.id, prescriptionId }, doctor.token))
          .base64,
        'base64',
      ),
    );
    for (const item of [
      'Montpellier centre · Montpellier',
      '12 rue du Faubourg Figuerolles',
      '34070 Montpellier',
      'Tél. 04 67 00 11 22',
    ])
      expect(ordonnance, item).toContain(item);
    const english = pdfText(
      Buffer.from(
        (
          await t.must(
            'consultations.prescriptionPdf',
            { personId: p.id, prescriptionId, locale: 'en' },
            doctor.token,
          )
        ).base64,
        'base64',
      ),
    );
    expect(english).toContain('Tel. 04 67 00 11 22');

    await t.must(
      'vaccinations.giveDose',
      {
        personId: p.id,
        vaccineCode: 'hepatitis_b',
        givenOn: t.clock.now().toISOString().slice(0, 10),
        lot: 'HB-1',
      },
      nurse.token,
    );
    const certificate = pdfText(
      Buffer.from(
        (await t.must('vaccinations.certificatePdf', { personId: p.id }, nurse.token)).base64,
        'base64',
      ),
    );
    for (const item of ['12 rue du Faubourg Figuerolles', '34070 Montpellier', 'Tél. 04 67 00 11 22'])
      expect(certificate, item).toContain(item);
  });
});
