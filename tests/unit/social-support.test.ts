/**
 * Social support on a real encrypted store (docs/violence-care.md, slice 7): a social worker
 * records a voucher with its value (minor units + ISO currency), a food basket given by a
 * colleague, and a shelter referral to a directory entry under the external-referral rule; the
 * text is kept as typed; every refusal names its field and writes nothing; a community worker may
 * not read the tab, a psychologist reads it with the `social_legal` consent, and after a
 * withdrawal a social worker sees only the supports she recorded.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { fromMinorUnits, toMinorUnits } from '../../shared/domain/money';
import { entryCategoryOf, valueRefusal } from '../../shared/domain/social-support';
import { expectRefused, storeSnapshot } from './helpers/clinical';
import { personInput, reception, staff, type Centre } from './helpers/reception';

/** The reception helper's clock: Monday 2026-03-02, 10:00 in Paris (09:00 UTC). */
async function chams() {
  const t = await reception();
  const social = await staff(t, 'sara', ['social_worker']);
  const colleague = await staff(t, 'sofia', ['social_worker']);
  const psy = await staff(t, 'paula', ['psychologist']);
  const worker = await staff(t, 'cora', ['community_worker']);
  const nurse = await staff(t, 'nina', ['nurse']);
  const shelter = await t.must(
    'directory.save',
    { name: 'Foyer Al Amal', kind: 'organisation', category: 'shelter' },
    t.token,
  );
  const lawyer = await t.must(
    'directory.save',
    { name: 'Maître Benali', kind: 'professional', category: 'lawyer' },
    t.token,
  );
  return { t, social, colleague, psy, worker, nurse, shelterId: shelter.id, lawyerId: lawyer.id };
}

async function survivor(t: Centre, token: string, shares = true) {
  const p = await t.must('persons.create', personInput(t, { nameUsed: 'Salma' }), token);
  if (shares)
    await t.must('persons.recordConsent', { personId: p.id, scope: 'social_legal', given: true }, token);
  return p.id;
}

function support(
  personId: string,
  extra: Partial<ChannelInput<'socialSupport.save'>> = {},
): ChannelInput<'socialSupport.save'> {
  return { personId, kind: 'voucher', givenOn: '2026-03-02', description: 'Bon alimentaire', ...extra };
}

const ROWS_SQL =
  'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT group_concat(kind || version) FROM social_support) AS s';

describe('the value rule (pure)', () => {
  it('an amount needs its currency, a currency its amount, and no amount is negative', () => {
    expect(valueRefusal(null, null)).toBeNull();
    expect(valueRefusal(0, 'XOF')).toBeNull();
    expect(valueRefusal(-1, 'XOF')).toEqual({ field: 'valueMinor', reason: 'value_negative' });
    expect(valueRefusal(1500, null)).toEqual({ field: 'currency', reason: 'currency_required' });
    expect(valueRefusal(null, 'EUR')).toEqual({ field: 'valueMinor', reason: 'value_required' });
    expect(entryCategoryOf('shelter_referral')).toBe('shelter');
    expect(entryCategoryOf('addiction_referral')).toBe('addiction_centre');
    expect(entryCategoryOf('food_basket')).toBeNull();
  });
});

describe('amounts in minor units (pure)', () => {
  it('reads an amount typed in the currency unit by the currency exponent, and writes it back', () => {
    expect(toMinorUnits('150,50', 'EUR')).toBe(15050);
    expect(toMinorUnits('150.5', 'EUR')).toBe(15050);
    expect(toMinorUnits('15000', 'XOF')).toBe(15000);
    // XOF has no minor unit: decimals are not an amount of it.
    expect(toMinorUnits('150,50', 'XOF')).toBeNull();
    expect(toMinorUnits('1 500', 'EUR')).toBeNull();
    expect(toMinorUnits('-3', 'EUR')).toBe(-300);
    expect(fromMinorUnits(15050, 'EUR')).toBe('150.50');
    expect(fromMinorUnits(15000, 'XOF')).toBe('15000');
  });
});

describe('social support', () => {
  it('records what was given, when, by whom and its value; the tab lists it latest first, text as typed', async () => {
    const { t, social, colleague, psy } = await chams();
    const personId = await survivor(t, social.token);
    const voucher = await t.must(
      'socialSupport.save',
      support(personId, {
        valueMinor: 1_500_000,
        currency: 'XOF',
        description: '  Bon  d’achat, marché central ',
      }),
      social.token,
    );
    expect(voucher).toMatchObject({
      kind: 'voucher',
      givenOn: '2026-03-02',
      givenBy: social.id,
      givenByName: 'sara (test)',
      valueMinor: 1_500_000,
      currency: 'XOF',
      description: '  Bon  d’achat, marché central ',
      referralStatus: null,
    });
    const basket = await t.must(
      'socialSupport.save',
      support(personId, {
        kind: 'food_basket',
        givenOn: '2026-02-27',
        givenBy: colleague.id,
        quantity: 2,
        description: 'Deux paniers',
      }),
      social.token,
    );
    expect(basket).toMatchObject({
      givenBy: colleague.id,
      givenByName: 'sofia (test)',
      quantity: 2,
      valueMinor: null,
    });
    // A correction keeps who recorded it and bumps the version.
    const corrected = await t.must(
      'socialSupport.save',
      support(personId, { id: voucher.id, version: voucher.version, valueMinor: 2_000_000, currency: 'XOF' }),
      social.token,
    );
    expect(corrected).toMatchObject({
      valueMinor: 2_000_000,
      version: voucher.version + 1,
      authorId: social.id,
    });

    // The psychologist reads `social` with the person's `social_legal` consent.
    const tab = await t.must('socialSupport.forPerson', { personId }, psy.token);
    expect(tab.view.status).toBe('shown');
    expect(tab.items.map((s) => [s.kind, s.givenOn])).toEqual([
      ['voucher', '2026-03-02'],
      ['food_basket', '2026-02-27'],
    ]);
  });

  it('a shelter referral names a shelter from the directory and follows the external-referral rule', async () => {
    const { t, social, shelterId } = await chams();
    const personId = await survivor(t, social.token);
    const referral = support(personId, {
      kind: 'shelter_referral',
      entryId: shelterId,
      description: 'Hébergement d’urgence',
    });
    const refused = await t.call('socialSupport.save', referral, social.token);
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'consent_required',
      field: 'overrideReason',
    });
    const forced = await t.must(
      'socialSupport.save',
      { ...referral, overrideReason: 'Danger immédiat, accord oral seulement' },
      social.token,
    );
    expect(forced).toMatchObject({
      entryName: 'Foyer Al Amal',
      referralStatus: 'proposed',
      overrideReason: 'Danger immédiat, accord oral seulement',
    });
    await t.must(
      'persons.recordConsent',
      { personId, scope: 'external_referral', given: true },
      social.token,
    );
    const consented = await t.must(
      'socialSupport.save',
      { ...referral, referralStatus: 'accepted' },
      social.token,
    );
    expect(consented).toMatchObject({ referralStatus: 'accepted', overrideReason: null });
  });

  it('refuses, writing nothing and naming the field', async () => {
    const { t, social, nurse, shelterId, lawyerId } = await chams();
    const personId = await survivor(t, social.token);
    await t.must(
      'persons.recordConsent',
      { personId, scope: 'external_referral', given: true },
      social.token,
    );
    const tab = () => t.must('socialSupport.forPerson', { personId }, social.token);
    const refused = (input: ChannelInput<'socialSupport.save'>, field: string, reason: string) =>
      expectRefused(
        t,
        'socialSupport.save',
        input,
        social.token,
        { field, reason },
        { rowsSql: ROWS_SQL, tab },
      );

    await refused(support(personId, { valueMinor: -100, currency: 'XOF' }), 'valueMinor', 'value_negative');
    await refused(support(personId, { valueMinor: 1500 }), 'currency', 'currency_required');
    await refused(support(personId, { currency: 'EUR' }), 'valueMinor', 'value_required');
    await refused(support(personId, { valueMinor: 1500, currency: 'xof' }), 'currency', 'currency_invalid');
    await refused(support(personId, { givenOn: '2026-03-03' }), 'givenOn', 'date_in_future');
    await refused(support(personId, { kind: 'shelter_referral' }), 'entryId', 'entry_required');
    await refused(
      support(personId, { kind: 'shelter_referral', entryId: lawyerId }),
      'entryId',
      'entry_category_mismatch',
    );
    await refused(support(personId, { entryId: shelterId }), 'entryId', 'entry_category_mismatch');
    await refused(support(personId, { givenBy: nurse.id }), 'givenBy', 'giver_cannot_read_social');
    await refused(support(personId, { description: '   ' }), 'description', 'text_required');
    expect(await storeSnapshot(t, 'SELECT count(*) AS n FROM social_support')).toBe('[{"n":0}]');
  });

  it('a community worker may not read it; after a withdrawal a social worker sees only what she recorded', async () => {
    const { t, social, colleague, worker } = await chams();
    const personId = await survivor(t, social.token);
    const mine = await t.must(
      'socialSupport.save',
      support(personId, { description: 'Le mien' }),
      social.token,
    );
    const hers = await t.must(
      'socialSupport.save',
      support(personId, { kind: 'administrative_help', description: 'Le sien' }),
      colleague.token,
    );
    expect((await t.must('socialSupport.forPerson', { personId }, worker.token)).view.status).toBe(
      'forbidden',
    );
    // The timeline shows the team each support by its kind on its day, never its description; the
    // community worker sees none.
    const supportsOn = async (token: string) =>
      (await t.must('persons.timeline', { personId }, token)).items
        .filter((i) => i.kind === 'social_support')
        .map((i) => [i.at, i.label, i.detail, i.refId]);
    // (Both given the same day: compared in any order.)
    expect(await supportsOn(social.token)).toEqual(
      expect.arrayContaining([
        ['2026-03-02T12:00:00.000Z', 'voucher', null, mine.id],
        ['2026-03-02T12:00:00.000Z', 'administrative_help', null, hers.id],
      ]),
    );
    expect(await supportsOn(social.token)).toHaveLength(2);
    expect(await supportsOn(worker.token)).toEqual([]);
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);
    // After the withdrawal, only her own.
    expect((await supportsOn(social.token)).map((i) => i[3])).toEqual([mine.id]);
    const own = await t.must('socialSupport.forPerson', { personId }, social.token);
    expect(own.view.status).toBe('own_only');
    expect(own.items.map((s) => s.description)).toEqual(['Le mien']);
    // Her own record she may still correct; her colleague's she may not.
    await t.must(
      'socialSupport.save',
      support(personId, { id: mine.id, version: mine.version, description: 'Le mien, corrigé' }),
      social.token,
    );
    const theirs = await t.call(
      'socialSupport.save',
      support(personId, {
        id: hers.id,
        version: hers.version,
        kind: 'administrative_help',
        description: 'x',
      }),
      social.token,
    );
    expect(theirs.ok ? null : theirs.error.code).toBe('consent_required');
  });
});
