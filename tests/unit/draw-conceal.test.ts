/**
 * A reader refused for lack of consent learns nothing from a concealed section (violence, case
 * plan, legal, social, psy): not even how many records it holds. Other sections keep their count,
 * which tells a carer what to ask the person about.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, DossierSubject } from '../../electron/core/access/gate';
import { drawSection } from '../../electron/core/dossier/draw';
import { isConcealedSection } from '../../shared/domain/access-policy';
import type { Role, Section } from '../../shared/domain/roles';

const subject: DossierSubject = { personId: 'p-1', consents: new Set(['care_team']) };
const reader = (role: Role): Actor => ({ userId: `u-${role}`, roles: [role] });
const records = (n: number, author = 'u-colleague') =>
  Array.from({ length: n }, (_, i) => ({ id: `r-${i}`, createdBy: author }));

describe('the hidden count of a section drawn without consent', () => {
  it.each<[Section, Role]>([
    ['violence', 'psychologist'],
    ['case_plan', 'social_worker'],
    ['legal', 'legal'],
    ['social', 'social_worker'],
    ['psy', 'doctor'],
  ])('%s to a %s without its consent: the same view for two records and for none', (section, role) => {
    expect(isConcealedSection(section)).toBe(true);
    const withTwo = drawSection(reader(role), section, subject, records(2));
    const withNone = drawSection(reader(role), section, subject, []);
    expect(withTwo.visible).toEqual([]);
    expect(withTwo.view).toEqual(withNone.view);
    expect(withTwo.view).toMatchObject({ status: 'hidden_consent', hiddenCount: 0 });
  });

  it("beside one's own records, the colleagues' records of a concealed section are not counted", () => {
    const own = records(1, 'u-social_worker');
    const drawn = drawSection(reader('social_worker'), 'legal', subject, [...own, ...records(3)]);
    expect(drawn.visible).toEqual(own);
    expect(drawn.view).toMatchObject({ status: 'own_only', hiddenCount: 0 });
  });

  it('a care-team section still says how many records are hidden', () => {
    const noConsent: DossierSubject = { personId: 'p-1', consents: new Set() };
    expect(isConcealedSection('tests')).toBe(false);
    const drawn = drawSection(reader('nurse'), 'tests', noConsent, records(2));
    expect(drawn.view).toMatchObject({ status: 'hidden_consent', hiddenCount: 2 });
  });
});
