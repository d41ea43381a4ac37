/**
 * Scenes the component tests set through the core before rendering: a person filed by the
 * community worker, with the care-team consent when the test needs the interview shared, and
 * checked in on the centre's site.
 */
import type { VisitStep } from '../../../shared/domain/catalogues';
import type { TestCentre } from './centre';

export async function filedPerson(centre: TestCentre, nameUsed: string, o: { careTeam?: boolean } = {}) {
  const person = await centre.must(
    'persons.create',
    { siteId: centre.siteId, nameUsed },
    centre.tokens.worker,
  );
  if (o.careTeam)
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'care_team', given: true },
      centre.tokens.worker,
    );
  return person;
}

export async function arrivedPerson(
  centre: TestCentre,
  nameUsed: string,
  o: {
    careTeam?: boolean;
    step?: Extract<VisitStep, 'waiting_interview' | 'waiting_doctor' | 'waiting_nurse'>;
  } = {},
) {
  const person = await filedPerson(centre, nameUsed, o);
  const visit = await centre.must(
    'visits.checkIn',
    { personId: person.id, siteId: centre.siteId, ...(o.step ? { step: o.step } : {}) },
    centre.tokens.worker,
  );
  return { person, visit };
}
