/**
 * Generated from the policy table and the route table: every dossier channel, called by every
 * role, on a person in each consent state (given, withdrawn, never asked), must answer what the
 * table says — `forbidden`, `consent_required`, or go through the gate — and a refused call must
 * write nothing, not even an audit entry. A new dossier channel or a changed cell extends this
 * test by itself; a new channel only needs a sample input below (the test says so when missing).
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import { SCOPE_HOLDERS, SECTION_POLICY, SECTION_SCOPE } from '../../shared/domain/access-policy';
import { ROLES, type ConsentScope, type Role } from '../../shared/domain/roles';
import { ROUTES } from '../../electron/core/api/routes';
import { activeEpisodeOf } from '../../electron/core/services/prep/repository';
import { personInput, reception, staff, type Centre } from './helpers/reception';

type ConsentState = 'given' | 'withdrawn' | 'never';
const STATES: readonly ConsentState[] = ['given', 'withdrawn', 'never'];
const SHARED_SCOPES: readonly ConsentScope[] = ['care_team', 'social_legal', 'psy'];

interface Fixture {
  t: Centre & { worker: { token: string; id: string } };
  seed: { token: string; id: string };
  siteId: string;
  entryId: string;
}
interface Subject {
  personId: string;
  state: ConsentState;
}
interface Sample<C extends ChannelName> {
  input: ChannelInput<C>;
  /** The call creates a new record: its author (the caller) needs only the role, not the consent. */
  creates?: boolean;
}
type Samples = { [C in ChannelName]?: (f: Fixture, s: Subject) => Promise<Sample<C>> };

const DOSSIER_CHANNELS = (Object.keys(ROUTES) as ChannelName[])
  .filter((c) => ROUTES[c].access === 'dossier')
  // A break-the-glass grant changes what its author may read afterwards: it goes last.
  .sort((a, b) => Number(a === 'persons.breakGlass') - Number(b === 'persons.breakGlass'));

/** The seed user (who wrote every record) reads the current versions, so each call is a fresh edit. */
async function current(f: Fixture, personId: string) {
  const [visits, appointments, interviews, referrals, person] = await Promise.all([
    f.t.must('visits.forPerson', { personId }, f.seed.token),
    f.t.must('appointments.forPerson', { personId }, f.seed.token),
    f.t.must('interviews.forPerson', { personId }, f.seed.token),
    f.t.must('directory.referralsForPerson', { personId }, f.seed.token),
    f.t.must('persons.get', { id: personId }, f.seed.token),
  ]);
  return {
    visit: visits.items[0],
    appointment: appointments.items[0],
    interview: interviews.items[0],
    referral: referrals.items[0],
    person,
  };
}

const slot = (f: Fixture, personId: string) => ({
  personId,
  siteId: f.siteId,
  professionalId: f.seed.id,
  type: 'screening' as const,
  startsAt: '2026-03-03T09:00:00Z',
  endsAt: '2026-03-03T09:30:00Z',
});

/** The clock's date at the site (2 March 2026): PrEP starts, follow-ups and stops on it. */
const PREP_DAY = '2026-03-02';

/** The clock's date at the site (2 March 2026): referrals to a specialty are dated on it. */
const WAITING_DAY = '2026-03-02';

/** A waiting-list entry the seed referred and cancelled (its author is the seed, not the caller). */
async function seedCancelledEntry(f: Fixture, personId: string): Promise<{ id: string; version: number }> {
  const own = await f.t.must('waitingLists.forPerson', { personId }, f.seed.token);
  const cancelled = own.items.find((e) => e.status === 'cancelled' && e.requestedBy === f.seed.id);
  if (cancelled) return cancelled;
  const entry = await f.t.must(
    'waitingLists.refer',
    { personId, siteId: f.siteId, specialty: 'sexology', requestedOn: WAITING_DAY, origin: 'interview' },
    f.seed.token,
  );
  return f.t.must(
    'waitingLists.cancel',
    { personId, id: entry.id, version: entry.version, reason: 'Doublon' },
    f.seed.token,
  );
}

/** The person's active PrEP episode, started by the seed if there is none (read from the store: the seed may not read it). */
async function activePrepEpisode(f: Fixture, personId: string): Promise<{ id: string; version: number }> {
  const store = f.t.core.ctx.vault.requireStore();
  const find = () => store.exclusive(() => activeEpisodeOf(store.manager, personId));
  const active = await find();
  if (active) return active;
  await f.t.must(
    'prep.start',
    { personId, siteId: f.siteId, startedOn: PREP_DAY, regimen: 'daily' },
    f.seed.token,
  );
  return (await find())!;
}

const SAMPLES: Samples = {
  'persons.create': (f) => Promise.resolve({ input: personInput(f.t, { nameUsed: 'Nouvelle' }) }),
  'persons.update': async (f, s) => {
    const { person } = await current(f, s.personId);
    return {
      input: { ...personInput(f.t, { nameUsed: person.nameUsed }), id: s.personId, version: person.version },
    };
  },
  'persons.get': (_f, s) => Promise.resolve({ input: { id: s.personId } }),
  'persons.dossier': (_f, s) => Promise.resolve({ input: { id: s.personId } }),
  'persons.timeline': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'persons.consents': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // A scope no section depends on: recording it leaves the person's consent state as it is.
  'persons.recordConsent': (_f, s) =>
    Promise.resolve({ input: { personId: s.personId, scope: 'advocacy_story', given: false } }),
  'persons.consentForm': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'persons.accessLog': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'persons.accessLogPdf': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'persons.breakGlass': (_f, s) =>
    Promise.resolve({ input: { personId: s.personId, reason: 'Malaise en salle, besoin des antécédents' } }),
  'visits.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'visits.checkIn': (f, s) => Promise.resolve({ input: { personId: s.personId, siteId: f.siteId } }),
  'visits.move': async (f, s) => {
    const { visit } = await current(f, s.personId);
    return { input: { visitId: visit.id, version: visit.version, step: 'waiting_doctor' } };
  },
  'visits.requeue': async (f, s) => {
    const { visit } = await current(f, s.personId);
    return { input: { visitId: visit.id, version: visit.version } };
  },
  'visits.cancelStep': async (f, s) => {
    const { visit } = await current(f, s.personId);
    return { input: { visitId: visit.id, version: visit.version } };
  },
  'visits.setPriority': async (f, s) => {
    const { visit } = await current(f, s.personId);
    return { input: { visitId: visit.id, version: visit.version, priority: 'normal' } };
  },
  'appointments.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'appointments.book': (f, s) => Promise.resolve({ input: slot(f, s.personId) }),
  'appointments.update': async (f, s) => {
    const { appointment } = await current(f, s.personId);
    return { input: { ...slot(f, s.personId), id: appointment.id, version: appointment.version } };
  },
  'appointments.setStatus': async (f, s) => {
    const { appointment } = await current(f, s.personId);
    return { input: { id: appointment.id, version: appointment.version, status: 'booked' } };
  },
  'interviews.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // An edit of the seed's interview: the caller is not its author.
  'interviews.save': async (f, s) => {
    const { interview } = await current(f, s.personId);
    return {
      input: {
        personId: s.personId,
        id: interview.id,
        version: interview.version,
        heldAt: interview.heldAt,
        summary: 'relu',
      },
    };
  },
  'directory.referralsForPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // A new referral: its author is the caller.
  'directory.refer': (f, s) =>
    Promise.resolve({
      input: { personId: s.personId, entryId: f.entryId, reason: 'Groupe de parole' },
      creates: true,
    }),
  'directory.updateReferral': async (f, s) => {
    const { referral } = await current(f, s.personId);
    return { input: { id: referral.id, version: referral.version, status: 'attended' } };
  },
  'waitingLists.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // A new referral to a specialty: its author is the caller.
  'waitingLists.refer': (f, s) =>
    Promise.resolve({
      input: {
        personId: s.personId,
        siteId: f.siteId,
        specialty: 'sexology',
        requestedOn: WAITING_DAY,
        origin: 'interview',
      },
      creates: true,
    }),
  // The seed's cancelled entry: past the gate, refused as not waiting / not open, so nothing changes.
  'waitingLists.book': async (f, s) => {
    const entry = await seedCancelledEntry(f, s.personId);
    return {
      input: {
        personId: s.personId,
        id: entry.id,
        version: entry.version,
        mode: 'workshop',
        workshopId: 'none',
      },
    };
  },
  'waitingLists.cancel': async (f, s) => {
    const entry = await seedCancelledEntry(f, s.personId);
    return { input: { personId: s.personId, id: entry.id, version: entry.version, reason: 'Doublon' } };
  },
  'vaccinations.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // A dose into the seed's course (not the caller's): refused after the gate as a second dose the
  // same day, so the course stays the seed's and in progress for every role.
  'vaccinations.giveDose': async (f, s) => {
    const course = await seedCourse(f, s.personId, 'hepatitis_b');
    return {
      input: { personId: s.personId, vaccineCode: 'hepatitis_b', givenOn: course.startedOn, lot: 'L1' },
    };
  },
  'vaccinations.stopCourse': async (f, s) => {
    const course = await seedCourse(f, s.personId, 'hpv');
    return {
      input: {
        personId: s.personId,
        courseId: course.id,
        stoppedOn: course.startedOn,
        reason: 'Refus',
        version: course.version,
      },
    };
  },
  'vaccinations.certificatePdf': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'prep.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'violence.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // A new incident: its author is the caller.
  'violence.saveIncident': (_f, s) =>
    Promise.resolve({
      input: {
        personId: s.personId,
        occurredOn: '2026-02-20',
        placeKind: 'public_space',
        seedTypes: ['extortion'],
        gbvimsType: 'denial_of_resources',
      },
      creates: true,
    }),
  // The seed's incident's narrative (its author is the seed, not the caller).
  'violence.narrative': async (f, s) => {
    const incident = await seedIncident(f, s.personId);
    return { input: { personId: s.personId, incidentId: incident.id } };
  },
  'violence.saveNarrative': async (f, s) => {
    const incident = await seedIncident(f, s.personId);
    const current = await f.t.must(
      'violence.narrative',
      { personId: s.personId, incidentId: incident.id },
      f.seed.token,
    );
    return {
      input: {
        personId: s.personId,
        incidentId: incident.id,
        text: 'Récit',
        ...(current ? { version: current.version } : {}),
      },
    };
  },
  // An upload the caller never staged: past the gate, the commit refuses it with a reason.
  'violence.attach': async (f, s) => {
    const incident = await seedIncident(f, s.personId);
    return {
      input: { personId: s.personId, incidentId: incident.id, uploadId: 'not-staged', kind: 'other' },
    };
  },
  'violence.attachments': async (f, s) => {
    const incident = await seedIncident(f, s.personId);
    return { input: { personId: s.personId, incidentId: incident.id } };
  },
  'violence.openAttachment': async (f, s) => {
    const attachment = await seedAttachment(f, s.personId);
    return { input: { personId: s.personId, attachmentId: attachment.id } };
  },
  'violence.deleteAttachment': async (f, s) => {
    const attachment = await seedAttachment(f, s.personId);
    return { input: { personId: s.personId, attachmentId: attachment.id, version: attachment.version } };
  },
  'violence.saveProtocolStep': async (f, s) => {
    const incident = await seedIncident(f, s.personId);
    const tab = await f.t.must('violence.forPerson', { personId: s.personId }, f.seed.token);
    const step = tab.items
      .find((i) => i.id === incident.id)
      ?.steps.find((st) => st.item === 'evidence_advice');
    return {
      input: {
        personId: s.personId,
        incidentId: incident.id,
        item: 'evidence_advice',
        outcome: 'done',
        doneAt: f.t.clock.now().toISOString(),
        ...(step ? { version: step.version } : {}),
      },
    };
  },
  // A new draft on the seed's incident (its author for the gate is the incident's: the seed).
  'violence.saveCertificate': async (f, s) => {
    const incident = await seedIncident(f, s.personId);
    return {
      input: {
        personId: s.personId,
        incidentId: incident.id,
        examinedAt: f.t.clock.now().toISOString(),
        requestedBy: 'person',
        identityCheck: 'declared',
      },
    };
  },
  'violence.certificate': async (f, s) => {
    const draft = await seedCertificate(f, s.personId, false);
    return { input: { personId: s.personId, certificateId: draft.id } };
  },
  // The seed's draft: through the gate, another doctor is refused by the signatory rule.
  'violence.issueCertificate': async (f, s) => {
    const draft = await seedCertificate(f, s.personId, false);
    return { input: { personId: s.personId, certificateId: draft.id, version: draft.version } };
  },
  'violence.certificatePdf': async (f, s) => {
    const issued = await seedCertificate(f, s.personId, true);
    return { input: { personId: s.personId, certificateId: issued.id } };
  },
  'casePlans.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'casePlans.referent': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // The seed's plan exists (one per person): its author is the seed, the call is refused by the
  // rule (`case_plan_exists`) once through the gate.
  'casePlans.open': async (f, s) => {
    await seedPlan(f, s.personId);
    return { input: { personId: s.personId } };
  },
  // Toggles the seed's plan between active and on hold (never closes it: the others add to it).
  'casePlans.attach': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return { input: { personId: s.personId, planId: plan.id, uploadId: 'not-staged', kind: 'other' } };
  },
  'casePlans.attachments': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return { input: { personId: s.personId, planId: plan.id } };
  },
  'casePlans.openAttachment': async (f, s) => {
    const attachment = await seedAttachment(f, s.personId, 'casePlans');
    return { input: { personId: s.personId, attachmentId: attachment.id } };
  },
  'casePlans.deleteAttachment': async (f, s) => {
    const attachment = await seedAttachment(f, s.personId, 'casePlans');
    return { input: { personId: s.personId, attachmentId: attachment.id, version: attachment.version } };
  },
  'casePlans.setStatus': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return {
      input: {
        personId: s.personId,
        planId: plan.id,
        status: plan.status === 'on_hold' ? 'active' : 'on_hold',
        version: plan.version,
      },
    };
  },
  // Sends the seed plan's own sites and referent: through the gate, the call changes nothing.
  'casePlans.setSites': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return {
      input: { personId: s.personId, planId: plan.id, siteIds: plan.siteIds, version: plan.version },
    };
  },
  'casePlans.setReferent': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return {
      input: {
        personId: s.personId,
        planId: plan.id,
        referentId: plan.referentId,
        showReferent: plan.showReferent,
        version: plan.version,
      },
    };
  },
  'casePlans.saveItem': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return {
      input: { personId: s.personId, planId: plan.id, axis: 'social', kind: 'need', text: 'Hébergement' },
    };
  },
  'casePlans.saveAction': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return {
      input: {
        personId: s.personId,
        planId: plan.id,
        axis: 'medical',
        title: 'Sérologies',
        ownerId: f.seed.id,
        dueOn: '2026-12-31',
      },
    };
  },
  'casePlans.saveSafetyPlan': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return {
      input: {
        personId: s.personId,
        planId: plan.id,
        risks: 'r',
        safeContacts: [],
        safePlaces: [],
        codeWords: [],
        ifAggressorReturns: '',
        version: plan.safetyPlan?.version ?? 1,
      },
    };
  },
  'casePlans.reviewSafetyPlan': async (f, s) => {
    const plan = await seedPlan(f, s.personId);
    return { input: { personId: s.personId, planId: plan.id } };
  },
  'socialSupport.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'socialSupport.save': (_f, s) =>
    Promise.resolve({
      input: { personId: s.personId, kind: 'food_basket', givenOn: '2026-03-01', description: 'Panier' },
      creates: true,
    }),
  'psySupport.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'psySupport.saveSession': (_f, s) =>
    Promise.resolve({
      input: { personId: s.personId, kind: 'individual', heldAt: '2026-03-01T10:00:00.000Z' },
      creates: true,
    }),
  'psySupport.refer': async (f, s) => ({
    input: { personId: s.personId, entryId: (await psySeed(f)).entryId, reason: 'Avis psychiatrique' },
    creates: true,
  }),
  'psySupport.updateReferral': async (f, s) => {
    const referral = await seedPsyReferral(f, s.personId);
    return {
      input: { personId: s.personId, id: referral.id, version: referral.version, status: 'accepted' },
    };
  },
  'economicAutonomy.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'economicAutonomy.saveTraining': (_f, s) =>
    Promise.resolve({
      input: { personId: s.personId, field: 'sewing', startsOn: '2026-03-01' },
      creates: true,
    }),
  'economicAutonomy.saveMicroCredit': (_f, s) =>
    Promise.resolve({
      input: {
        personId: s.personId,
        appliedOn: '2026-03-01',
        amountMinor: 100000,
        currency: 'MAD',
        purpose: 'Machine à coudre',
      },
      creates: true,
    }),
  // A fresh application of the social seed each time: a step moves it forward once.
  'economicAutonomy.addMicroCreditStep': async (f, s) => {
    const application = await seedMicroCredit(f, s.personId);
    return {
      input: {
        personId: s.personId,
        applicationId: application.id,
        status: 'submitted',
        on: '2026-03-01',
        version: application.version,
      },
    };
  },
  'legal.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'legal.saveProcedure': (_f, s) =>
    Promise.resolve({
      input: { personId: s.personId, type: 'child_civil_registration', openedOn: '2026-03-01' },
      creates: true,
    }),
  // A fresh procedure of the legal seed each time: a step moves it forward once.
  'legal.attach': async (f, s) => {
    const procedure = await seedProcedure(f, s.personId);
    return {
      input: {
        personId: s.personId,
        procedureId: procedure.id,
        uploadId: 'not-staged',
        kind: 'court_decision',
      },
    };
  },
  'legal.attachments': async (f, s) => {
    const procedure = await seedProcedure(f, s.personId);
    return { input: { personId: s.personId, procedureId: procedure.id } };
  },
  'legal.openAttachment': async (f, s) => {
    const attachment = await seedAttachment(f, s.personId, 'legal');
    return { input: { personId: s.personId, attachmentId: attachment.id } };
  },
  'legal.deleteAttachment': async (f, s) => {
    const attachment = await seedAttachment(f, s.personId, 'legal');
    return { input: { personId: s.personId, attachmentId: attachment.id, version: attachment.version } };
  },
  'legal.addStep': async (f, s) => {
    const procedure = await seedProcedure(f, s.personId);
    return {
      input: {
        personId: s.personId,
        procedureId: procedure.id,
        stage: 'filed',
        on: '2026-03-01',
        version: procedure.version,
      },
    };
  },
  'legal.saveHearing': async (f, s) => {
    const procedure = await seedProcedure(f, s.personId);
    return {
      input: {
        personId: s.personId,
        procedureId: procedure.id,
        startsAt: '2026-03-10T09:00:00Z',
        place: 'Tribunal',
      },
    };
  },
  // A meeting about the person, recorded by the seed (stored directly: the seed may not bring a
  // person without consent to a meeting): the caller is not its author.
  'meetings.forPerson': async (f, s) => {
    await seedMeeting(f, s.personId);
    return { input: { personId: s.personId } };
  },
  'meetings.get': async (f, s) => ({ input: { meetingId: await seedMeeting(f, s.personId) } }),
  // A new meeting about the person's plan (the seed's), the seed taking part.
  'meetings.save': async (f, s) => {
    await seedPlan(f, s.personId);
    return {
      input: {
        siteId: f.siteId,
        heldOn: PREP_DAY,
        participantIds: [f.seed.id],
        cases: [{ personId: s.personId }],
      },
    };
  },
  // A start while the seed's episode is active: its author is the seed, not the caller.
  'prep.start': async (f, s) => {
    await activePrepEpisode(f, s.personId);
    return { input: { personId: s.personId, siteId: f.siteId, startedOn: PREP_DAY, regimen: 'daily' } };
  },
  'prep.followUp': async (f, s) => {
    const episode = await activePrepEpisode(f, s.personId);
    return {
      input: {
        personId: s.personId,
        siteId: f.siteId,
        episodeId: episode.id,
        version: episode.version,
        heldOn: PREP_DAY,
        egfr: 90,
      },
    };
  },
  'prep.stop': async (f, s) => {
    const episode = await activePrepEpisode(f, s.personId);
    return {
      input: {
        personId: s.personId,
        episodeId: episode.id,
        version: episode.version,
        stoppedOn: PREP_DAY,
        reason: 'person_choice',
      },
    };
  },
  'screenings.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // New samples: their author is the caller.
  'screenings.saveSamples': (f, s) =>
    Promise.resolve({
      input: {
        personId: s.personId,
        siteId: f.siteId,
        takenAt: f.t.clock.now().toISOString(),
        add: [{ testCode: 'hiv_trod' }],
      },
      creates: true,
    }),
  // The result of a sample the seed took: the caller is not its author.
  'screenings.saveResult': async (f, s) => {
    const sampleId = await seedSample(f, s.personId);
    const value = { type: 'reactivity', reactivity: 'non_reactive' } as const;
    return { input: { personId: s.personId, sampleId, value, resultedAt: f.t.clock.now().toISOString() } };
  },
  'screenings.give': async (f, s) => {
    const sampleId = await seedSample(f, s.personId);
    const { sample } = await f.t.must(
      'screenings.saveResult',
      {
        personId: s.personId,
        sampleId,
        value: { type: 'reactivity', reactivity: 'non_reactive' },
        resultedAt: f.t.clock.now().toISOString(),
      },
      f.seed.token,
    );
    const result = sample.result!;
    return {
      input: {
        personId: s.personId,
        resultId: result.id,
        version: result.version,
        givenAt: result.resultedAt,
      },
    };
  },
  'treatments.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // An item the seed's positive opened: the caller is not its author.
  'treatments.give': async (f, s) => {
    const item = await seedToTreat(f, s.personId);
    const givenAt = f.t.clock.now().toISOString();
    return {
      input: {
        personId: s.personId,
        toTreatId: item.id,
        version: item.version,
        drug: 'ceftriaxone',
        dose: '1 g',
        route: 'intramuscular',
        givenAt,
      },
    };
  },
  'treatments.close': async (f, s) => {
    const item = await seedToTreat(f, s.personId);
    return {
      input: { personId: s.personId, toTreatId: item.id, version: item.version, reason: 'treated_elsewhere' },
    };
  },
  'treatments.savePartners': async (f, s) => {
    const item = await seedToTreat(f, s.personId);
    return {
      input: {
        personId: s.personId,
        toTreatId: item.id,
        partners: [{ pseudonym: 'Partenaire A', notifier: 'person', status: 'to_notify' }],
      },
    };
  },
  'consultations.forPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  // A new consultation: its author is the caller.
  'consultations.save': (f, s) =>
    Promise.resolve({
      input: { personId: s.personId, heldAt: f.t.clock.now().toISOString() },
      creates: true,
    }),
  // Ends a new consultation and sends the visit to the nurse (it stays open for the other channels).
  'consultations.end': async (f, s) => {
    const { visit } = await current(f, s.personId);
    return {
      input: {
        personId: s.personId,
        heldAt: f.t.clock.now().toISOString(),
        visitId: visit.id,
        nextStep: 'waiting_nurse',
      },
      creates: true,
    };
  },
  'consultations.specialistForPerson': (_f, s) => Promise.resolve({ input: { personId: s.personId } }),
  'consultations.saveSpecialist': (f, s) =>
    Promise.resolve({
      input: { personId: s.personId, kind: 'gynaecology', heldAt: f.t.clock.now().toISOString() },
      creates: true,
    }),
  // A prescription written by the seed (a doctor with a professional number) for this person.
  'consultations.prescriptionPdf': async (f, s) => {
    const store = f.t.core.ctx.vault.requireStore();
    await store.exclusive(() =>
      store.manager.query('UPDATE staff_user SET professional_number = ? WHERE id = ?', [
        '10101234567',
        f.seed.id,
      ]),
    );
    const { consultation } = await f.t.must(
      'consultations.save',
      {
        personId: s.personId,
        heldAt: f.t.clock.now().toISOString(),
        prescription: {
          lines: [{ drug: 'doxycycline', dose: '100 mg', route: 'oral', frequency: '2/j', duration: '7 j' }],
        },
      },
      f.seed.token,
    );
    return { input: { personId: s.personId, prescriptionId: consultation.prescription?.id ?? '' } };
  },
};

/** A rapid test the seed took from this person, waiting for its result. */
async function seedSample(f: Fixture, personId: string): Promise<string> {
  const { samples } = await f.t.must(
    'screenings.saveSamples',
    { personId, siteId: f.siteId, takenAt: f.t.clock.now().toISOString(), add: [{ testCode: 'hiv_trod' }] },
    f.seed.token,
  );
  return samples[0].id;
}

/** An open to-treat item of this person, opened by a gonorrhoea PCR the seed took and resulted. */
async function seedToTreat(f: Fixture, personId: string): Promise<{ id: string; version: number }> {
  const { samples } = await f.t.must(
    'screenings.saveSamples',
    {
      personId,
      siteId: f.siteId,
      takenAt: f.t.clock.now().toISOString(),
      add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' }],
    },
    f.seed.token,
  );
  await f.t.must(
    'screenings.saveResult',
    {
      personId,
      sampleId: samples[0].id,
      value: { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
      resultedAt: f.t.clock.now().toISOString(),
    },
    f.seed.token,
  );
  const tab = await f.t.must('treatments.forPerson', { personId }, f.seed.token);
  return tab.items.find((i) => i.status === 'open')!;
}

/** The seed's course of this vaccine for this person, its first dose given on 2 February if none yet. */
async function seedCourse(f: Fixture, personId: string, vaccineCode: 'hpv' | 'hepatitis_b') {
  const tab = await f.t.must('vaccinations.forPerson', { personId }, f.seed.token);
  return (
    tab.items.find((c) => c.vaccineCode === vaccineCode) ??
    (await f.t.must(
      'vaccinations.giveDose',
      { personId, vaccineCode, givenOn: '2026-02-02', lot: 'L0' },
      f.seed.token,
    ))
  );
}

/** The seed's violence incident for this person (date only, yesterday), recorded if none yet. */
/** A small PDF staged in this session (as the renderer does before an owner's commit). */
async function stageSeedPdf(f: Fixture, token: string): Promise<string> {
  const bytes = Buffer.from('%PDF-1.4\n% gate matrix\n%%EOF\n');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { uploadId } = await f.t.must(
    'attachments.stageBegin',
    { fileName: 'scan.pdf', size: bytes.length, sha256 },
    token,
  );
  await f.t.must('attachments.stageChunk', { uploadId, seq: 0, base64: bytes.toString('base64') }, token);
  return uploadId;
}

/** A small PDF attached to the person's incident, plan or procedure by its author (a fresh one each call). */
async function seedAttachment(
  f: Fixture,
  personId: string,
  owner: 'violence' | 'casePlans' | 'legal' = 'violence',
) {
  if (owner === 'violence') {
    const incident = await seedIncident(f, personId);
    const uploadId = await stageSeedPdf(f, f.seed.token);
    return f.t.must(
      'violence.attach',
      { personId, incidentId: incident.id, uploadId, kind: 'certificate' },
      f.seed.token,
    );
  }
  if (owner === 'casePlans') {
    const plan = await seedPlan(f, personId);
    const uploadId = await stageSeedPdf(f, f.seed.token);
    return f.t.must('casePlans.attach', { personId, planId: plan.id, uploadId, kind: 'other' }, f.seed.token);
  }
  const procedure = await seedProcedure(f, personId);
  const lawyer = legalSeeds.get(f)!;
  const uploadId = await stageSeedPdf(f, lawyer.token);
  return f.t.must(
    'legal.attach',
    { personId, procedureId: procedure.id, uploadId, kind: 'court_decision' },
    lawyer.token,
  );
}

async function seedIncident(f: Fixture, personId: string) {
  const tab = await f.t.must('violence.forPerson', { personId }, f.seed.token);
  return (
    tab.items[0] ??
    (await f.t.must(
      'violence.saveIncident',
      {
        personId,
        occurredOn: '2026-03-01',
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      },
      f.seed.token,
    ))
  );
}

/** The seed's certificate of injuries on its incident, a draft or issued (by the seed, a doctor). */
async function seedCertificate(f: Fixture, personId: string, issued: boolean) {
  const incident = await seedIncident(f, personId);
  const tab = await f.t.must('violence.forPerson', { personId }, f.seed.token);
  const known = tab.items
    .find((i) => i.id === incident.id)
    ?.certificates.find((c) => (c.issuedAt !== null) === issued);
  if (known) return known;
  const draft = await f.t.must(
    'violence.saveCertificate',
    {
      personId,
      incidentId: incident.id,
      examinedAt: f.t.clock.now().toISOString(),
      requestedBy: 'person',
      identityCheck: 'declared',
    },
    f.seed.token,
  );
  if (!issued) return draft;
  const [seed] = (await f.t.must('users.list', { query: 'seed' }, f.t.token)).items;
  if (seed && !seed.professionalNumber)
    await f.t.must(
      'users.update',
      {
        id: seed.id,
        version: seed.version,
        displayName: seed.displayName,
        roles: seed.roles,
        siteIds: seed.siteIds,
        professionalNumber: '10003456789',
      },
      f.t.token,
    );
  return f.t.must(
    'violence.issueCertificate',
    { personId, certificateId: draft.id, version: draft.version },
    f.seed.token,
  );
}

/** The seed's case plan for this person (the seed is a doctor: doctors write plans), opened if none yet. */
async function seedPlan(f: Fixture, personId: string) {
  const tab = await f.t.must('casePlans.forPerson', { personId }, f.seed.token);
  return tab.items[0] ?? (await f.t.must('casePlans.open', { personId }, f.seed.token));
}

/** The seed cannot write `social` (doctors do not): a social worker starts the applications the samples touch. */
const socialSeeds = new WeakMap<Fixture, { token: string; id: string }>();

async function seedMicroCredit(f: Fixture, personId: string) {
  let seed = socialSeeds.get(f);
  if (!seed) {
    seed = await staff(f.t, 'seed-social', ['social_worker']);
    socialSeeds.set(f, seed);
  }
  return f.t.must(
    'economicAutonomy.saveMicroCredit',
    { personId, appliedOn: '2026-03-01', amountMinor: 100000, currency: 'MAD', purpose: 'Machine à coudre' },
    seed.token,
  );
}

/** The seed cannot write `psy` (doctors do not): a psychologist refers to the centre's psychiatrist. */
const psySeeds = new WeakMap<Fixture, { token: string; id: string; entryId: string }>();

async function psySeed(f: Fixture) {
  let seed = psySeeds.get(f);
  if (!seed) {
    const psychologist = await staff(f.t, 'seed-psy', ['psychologist']);
    const entry = await f.t.must(
      'directory.save',
      { name: 'Psychiatre du centre', kind: 'professional', category: 'psychiatrist', internal: true },
      f.t.token,
    );
    seed = { ...psychologist, entryId: entry.id };
    psySeeds.set(f, seed);
  }
  return seed;
}

async function seedPsyReferral(f: Fixture, personId: string) {
  const seed = await psySeed(f);
  return f.t.must(
    'psySupport.refer',
    { personId, entryId: seed.entryId, reason: 'Avis psychiatrique' },
    seed.token,
  );
}

/** The seed cannot write `legal` (doctors do not): a lawyer opens the procedures the samples touch. */
const legalSeeds = new WeakMap<Fixture, { token: string; id: string }>();

async function seedProcedure(f: Fixture, personId: string) {
  let seed = legalSeeds.get(f);
  if (!seed) {
    seed = await staff(f.t, 'seed-legal', ['legal']);
    legalSeeds.set(f, seed);
  }
  return f.t.must(
    'legal.saveProcedure',
    { personId, type: 'first_national_id', openedOn: '2026-03-01' },
    seed.token,
  );
}

/** A coordination meeting the seed recorded about this person (rows written as the channel would). */
async function seedMeeting(f: Fixture, personId: string): Promise<string> {
  const plan = await seedPlan(f, personId);
  const store = f.t.core.ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const [found] = await em.query<Array<{ id: string }>>(
      'SELECT meeting_id AS id FROM meeting_case WHERE person_id = ? AND created_by = ?',
      [personId, f.seed.id],
    );
    if (found) return found.id;
    const id = randomUUID();
    const at = f.t.clock.now().toISOString();
    await em.query(
      'INSERT INTO coordination_meeting (id, site_id, held_on, participant_ids, created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)',
      [id, f.siteId, PREP_DAY, JSON.stringify([f.seed.id]), f.seed.id, at, at],
    );
    await em.query(
      'INSERT INTO meeting_case (id, meeting_id, person_id, plan_id, position, decisions, created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 1)',
      [randomUUID(), id, personId, plan.id, 'Décision', f.seed.id, at, at],
    );
    return id;
  });
}

type Outcome = 'allowed' | 'forbidden' | 'consent_required';

/** What the policy table says, written independently of the gate's code. */
function expected(role: Role, channel: ChannelName, state: ConsentState, creates: boolean): Outcome {
  const route = ROUTES[channel];
  if (route.access !== 'dossier') throw new Error('not a dossier channel');
  const { section, action } = route.dossier;
  const cell = SECTION_POLICY[section][role];
  if (action === 'read' ? cell === 'none' : cell !== 'write') return 'forbidden';
  const scope = SECTION_SCOPE[section];
  const holds = scope !== null && (SCOPE_HOLDERS[scope] ?? []).includes(role);
  if (scope === null || state === 'given' || holds || (action === 'write' && creates)) return 'allowed';
  return 'consent_required';
}

async function centreWithPersons() {
  const t = await reception();
  const seed = await staff(t, 'seed', ['community_worker', 'nurse', 'doctor']);
  const siteId = t.siteIds[0];
  const centre = await t.must('centre.get', {}, t.token);
  const site = centre.sites.find((s) => s.id === siteId)!;
  await t.must(
    'centre.saveSite',
    {
      id: site.id,
      version: site.version,
      code: site.code,
      name: site.name,
      timezone: 'Europe/Paris',
      openingHours: { '2': [['09:00', '20:00']] },
    },
    t.token,
  );
  const entry = await t.must(
    'directory.save',
    { name: 'Groupe de parole du centre', kind: 'organisation', category: 'ngo', internal: true },
    t.token,
  );
  const f: Fixture = { t, seed, siteId, entryId: entry.id };
  const subjects: Subject[] = [];
  for (const state of STATES) {
    const p = await t.must('persons.create', personInput(t, { nameUsed: `Personne ${state}` }), seed.token);
    for (const scope of state === 'never' ? [] : SHARED_SCOPES) {
      await t.must('persons.recordConsent', { personId: p.id, scope, given: true }, seed.token);
      // Withdrawn a minute later: the latest decision is the one in force.
      t.clock.advance(60_000);
      if (state === 'withdrawn')
        await t.must('persons.recordConsent', { personId: p.id, scope, given: false }, seed.token);
    }
    await t.must('visits.checkIn', { personId: p.id, siteId }, seed.token);
    // Each person's appointment at its own hour: the seed is their professional.
    const hour = 10 + subjects.length;
    await t.must(
      'appointments.book',
      { ...slot(f, p.id), startsAt: `2026-03-03T${hour}:00:00Z`, endsAt: `2026-03-03T${hour}:30:00Z` },
      seed.token,
    );
    await t.must(
      'interviews.save',
      { personId: p.id, heldAt: t.clock.now().toISOString(), summary: 's' },
      seed.token,
    );
    await t.must('directory.refer', { personId: p.id, entryId: entry.id, reason: 'Groupe' }, seed.token);
    subjects.push({ personId: p.id, state });
  }
  return { f, subjects };
}

/**
 * The audit entries a call may write: a refused attempt on a concealed section (violence…) leaves
 * its `denied` entry by design (tests/unit/denied-attempts.test.ts), so those are not counted here.
 */
function auditCount(t: Centre): Promise<number> {
  const store = t.core.ctx.vault.requireStore();
  return store.exclusive(async () => {
    const [row] = await store.manager.query<Array<{ n: number }>>(
      "SELECT count(*) AS n FROM audit_log WHERE action <> 'denied'",
    );
    return Number(row.n);
  });
}

describe('every dossier channel × every role × every consent state follows the policy table', () => {
  it('has a sample input for every dossier channel of the route table', () => {
    const missing = DOSSIER_CHANNELS.filter((c) => !SAMPLES[c]);
    expect(missing, 'add a sample input for these dossier channels to SAMPLES').toEqual([]);
  });

  it('answers forbidden / consent_required / goes through, and a refused call writes nothing', async () => {
    const { f, subjects } = await centreWithPersons();
    const users = new Map<Role, { token: string; id: string }>();
    for (const role of ROLES) users.set(role, await staff(f.t, `u-${role}`, [role]));

    const mismatches: string[] = [];
    let allowedSeen = 0;
    for (const channel of DOSSIER_CHANNELS) {
      const sample = SAMPLES[channel] as (f: Fixture, s: Subject) => Promise<Sample<ChannelName>>;
      for (const subject of subjects) {
        for (const role of ROLES) {
          const { input, creates = false } = await sample(f, subject);
          const want = expected(role, channel, subject.state, creates);
          const before = await auditCount(f.t);
          const result = await f.t.call(channel, input, users.get(role)!.token);
          const code = result.ok ? null : result.error.code;
          // A refusal by the contract means the sample is wrong, not that the gate let it through.
          if (!result.ok && code === 'validation' && !result.error.details?.reason)
            mismatches.push(
              `${channel}: the sample input is refused by the contract (${result.error.message})`,
            );
          const route = ROUTES[channel];
          const partial = route.access === 'dossier' && route.dossier.partial === true;
          let got: Outcome;
          if (code === 'forbidden' || code === 'consent_required') got = code;
          else if (partial && result.ok) {
            // A partial read refused by the gate answers with the section marked, and no record.
            const { view, items } = result.value as { view: { status: string }; items: unknown[] };
            got =
              view.status === 'forbidden'
                ? 'forbidden'
                : view.status === 'hidden_consent'
                  ? 'consent_required'
                  : 'allowed';
            if (got !== 'allowed') expect(items).toEqual([]);
          } else got = 'allowed';
          if (got === 'allowed') allowedSeen++;
          if (got !== want)
            mismatches.push(`${channel} as ${role} (${subject.state}): expected ${want}, got ${got}`);
          // Every read that returns personal data leaves an entry.
          if (got === 'allowed' && route.access === 'dossier' && route.dossier.action === 'read')
            if ((await auditCount(f.t)) === before)
              mismatches.push(`${channel} as ${role} (${subject.state}): a read left no audit entry`);
          if (got !== 'allowed' && !partial && (await auditCount(f.t)) !== before)
            mismatches.push(
              `${channel} as ${role} (${subject.state}): a refused call wrote to the audit log`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(allowedSeen).toBeGreaterThan(0);
  }, 300_000);
});
