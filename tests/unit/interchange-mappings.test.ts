/**
 * One mapping per record type: the interchange record is derived from the capability's own view
 * (recordFromView), so these tests hold the derivation to the format. Every table that holds a
 * person's records has a record type (an export never leaves a capability's records behind);
 * every record type has one adapter; and a record of every type, with every field given, goes
 * store → file → another store → file unchanged, each exported line valid for the strict schema.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS, RECORD_TYPES } from '../../shared/contract/interchange';
import { Store } from '../../electron/core/db/store';
import { collectRecords } from '../../electron/core/interchange/export';
import { applyLines, ImportRefused, parseLines } from '../../electron/core/interchange/import';
import { ADAPTERS } from '../../electron/core/interchange/registry';
import { PrepFollowUpEntity } from '../../electron/core/services/prep/entities';
import { followUpViews } from '../../electron/core/services/prep/interchange';
import { tempDir } from './helpers/core';

/** Tables with a `person_id` that are deliberately not exported, and why. */
const NOT_EXPORTED: Record<string, string> = {
  audit_log:
    'evidence, not records: it stays with the store and its backups, chained and sealed (an import cannot re-chain it)',
  access_grant: 'a break-the-glass grant lasts an hour; the audit log keeps the trace',
};

/** A small PDF attached to the incident: its bytes travel as one `attachment_part`. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function openStore(): Promise<Store> {
  return Store.open({ dataDir: tempDir(), key: randomBytes(32), create: true });
}

/** One record of every type, every optional field given (not its default). */
const EVERY_TYPE = [
  {
    type: 'centre',
    id: 'c',
    name: 'SPOT Test',
    autoLockMinutes: 7,
    defaultLocale: 'en',
    unusualReadsPerHour: 60,
    phoneCountryCode: '+212',
    phoneTrunkPrefix: '0',
  },
  {
    type: 'site',
    id: 'site-1',
    code: 'MTP',
    name: 'Montpellier',
    city: 'Montpellier',
    address: '12 rue du Faubourg Figuerolles\n34070 Montpellier',
    phone: '04 67 00 11 22',
    timezone: 'Europe/Paris',
    active: true,
    openingHours: { '1': [['09:00', '18:00']] },
  },
  {
    type: 'user',
    id: 'u-1',
    username: 'lea',
    displayName: 'Léa',
    roles: ['community_worker', 'nurse'],
    siteIds: ['site-1'],
    active: true,
    locale: 'fr',
    usualSiteId: 'site-1',
    professionalNumber: '10003456789',
  },
  {
    type: 'directory_entry',
    id: 'dir-1',
    name: 'CeGIDD',
    kind: 'organisation',
    category: 'cegidd',
    city: 'Montpellier',
    region: 'Occitanie',
    phone: '04 67 00 00 00',
    email: 'cegidd@example.org',
    address: '1 rue de la Santé',
    languages: ['fr', 'en'],
    friendliness: ['lgbtqi', 'trans'],
    notes: 'Sans rendez-vous le mardi',
    internal: false,
    active: true,
    lastVerifiedAt: '2026-01-02T10:00:00.000Z',
  },
  {
    type: 'directory_entry',
    id: 'dir-2',
    name: 'Maître Benali',
    kind: 'professional',
    category: 'lawyer',
    city: 'Rabat',
    region: null,
    phone: null,
    email: null,
    address: null,
    languages: ['fr', 'ar'],
    friendliness: [],
    notes: null,
    internal: false,
    active: true,
    lastVerifiedAt: null,
  },
  {
    type: 'directory_entry',
    id: 'dir-3',
    name: 'Dr Tazi, psychiatre',
    kind: 'professional',
    category: 'psychiatrist',
    city: 'Rabat',
    region: null,
    phone: null,
    email: null,
    address: null,
    languages: ['fr', 'ar'],
    friendliness: [],
    notes: null,
    internal: false,
    active: true,
    lastVerifiedAt: null,
  },
  {
    type: 'catalogue_version',
    id: 'cat-1',
    catalogue: 'egfr',
    version: 1,
    content: { alertBelow: 50, min: 1, max: 200 },
    reason: 'Avis néphrologue',
    createdBy: 'u-1',
    createdAt: '2026-01-03T10:00:00.000Z',
  },
  {
    type: 'person',
    id: 'p-1',
    fileNumber: 'MTP-2025-00042',
    siteId: 'site-1',
    nameUsed: 'Alex',
    legalName: 'Alexandre Martin',
    pronouns: 'iel',
    genderIdentity: 'non-binaire',
    sexAtBirth: 'male',
    birthDate: '1990-05-01',
    birthYear: 1990,
    languages: ['fr', 'es'],
    countryOfBirth: 'ES',
    keyPopulations: ['msm', 'migrant'],
    healthCoverage: 'puma',
    contact: {
      phone: '06 00 00 00 01',
      email: 'alex@example.org',
      channels: ['sms'],
      wording: 'Parcours',
      neverContact: false,
    },
    entryDoor: 'outreach',
    mergedInto: null,
    createdAt: '2025-03-01T09:00:00.000Z',
  },
  {
    type: 'consent',
    id: 'cons-1',
    personId: 'p-1',
    scope: 'care_team',
    given: true,
    recordedAt: '2025-03-01T09:05:00.000Z',
    recordedBy: 'u-1',
    note: 'Oral',
  },
  {
    type: 'appointment',
    id: 'rdv-1',
    personId: 'p-1',
    siteId: 'site-1',
    professionalId: 'u-1',
    room: 'Salle 2',
    appointmentType: 'screening',
    startsAt: '2026-01-12T09:00:00.000Z',
    endsAt: '2026-01-12T09:30:00.000Z',
    walkInSlot: false,
    status: 'arrived',
    notes: 'Première venue',
  },
  {
    type: 'visit',
    id: 'vis-1',
    personId: 'p-1',
    siteId: 'site-1',
    openedAt: '2026-01-12T09:05:00.000Z',
    closedAt: '2026-01-12T10:00:00.000Z',
    origin: 'appointment',
    appointmentId: 'rdv-1',
    step: 'done',
    priority: 'pep_72h',
    nextSteps: ['screening', 'pep'],
  },
  {
    type: 'interview',
    id: 'ent-1',
    personId: 'p-1',
    visitId: 'vis-1',
    heldAt: '2026-01-12T09:10:00.000Z',
    reason: 'Prise de risque',
    lastRiskAt: '2026-01-11T22:00:00.000Z',
    exposures: ['anal_receptive'],
    practices: 'Rapports sans préservatif',
    partnersCount: 3,
    prevention: ['condoms'],
    substances: ['ghb'],
    chemsex: true,
    violenceScreening: 'none',
    needs: ['screening', 'pep'],
    summary: 'TPE à discuter',
    notes: 'Notes de l’entretien',
    authorId: 'u-1',
  },
  {
    type: 'referral',
    id: 'ori-1',
    personId: 'p-1',
    entryId: 'dir-1',
    reason: 'Dépistage complet',
    referredAt: '2026-01-12T10:00:00.000Z',
    status: 'appointment',
    appointmentAt: '2026-01-20T14:00:00.000Z',
    feedback: 'Rendez-vous pris',
    overrideReason: null,
    authorId: 'u-1',
  },
  {
    type: 'screening',
    id: 'scr-1',
    personId: 'p-1',
    visitId: 'vis-1',
    siteId: 'site-1',
    takenOn: '2026-01-12',
    authorId: 'u-1',
  },
  {
    type: 'sample',
    id: 'smp-1',
    screeningId: 'scr-1',
    personId: 'p-1',
    siteId: 'site-1',
    testCode: 'hiv_trod',
    anatomicalSite: null,
    status: 'resulted',
    orderedBy: 'u-1',
    takenAt: '2026-01-12T09:30:00.000Z',
    takenBy: 'u-1',
    confirmsResultId: null,
    authorId: 'u-1',
  },
  {
    type: 'sample',
    id: 'smp-2',
    screeningId: 'scr-1',
    personId: 'p-1',
    siteId: 'site-1',
    testCode: 'ct_ng_pcr_poc',
    anatomicalSite: 'throat',
    status: 'resulted',
    orderedBy: null,
    takenAt: '2026-01-12T09:31:00.000Z',
    takenBy: 'u-1',
    confirmsResultId: null,
    authorId: 'u-1',
  },
  {
    type: 'sample',
    id: 'smp-3',
    screeningId: 'scr-1',
    personId: 'p-1',
    siteId: 'site-1',
    testCode: 'hiv_serology_lab',
    anatomicalSite: null,
    status: 'ordered',
    orderedBy: 'u-1',
    takenAt: null,
    takenBy: null,
    confirmsResultId: 'res-1',
    authorId: 'u-1',
  },
  {
    type: 'result',
    id: 'res-1',
    sampleId: 'smp-1',
    personId: 'p-1',
    siteId: 'site-1',
    testCode: 'hiv_trod',
    value: { type: 'reactivity', reactivity: 'reactive' },
    interpretation: 'positive',
    infections: ['hiv'],
    resultedAt: '2026-01-12T09:50:00.000Z',
    source: 'on_site',
    importId: null,
    labReference: null,
    toGive: false,
    givenAt: '2026-01-12T10:00:00.000Z',
    givenBy: 'u-1',
    authorId: 'u-1',
  },
  {
    type: 'result',
    id: 'res-2',
    sampleId: 'smp-2',
    personId: 'p-1',
    siteId: 'site-1',
    testCode: 'ct_ng_pcr_poc',
    value: { type: 'per_target', targets: { chlamydia: 'detected', gonorrhoea: 'not_detected' } },
    interpretation: 'positive',
    infections: ['chlamydia'],
    resultedAt: '2026-01-12T10:20:00.000Z',
    source: 'lab',
    importId: 'imp-1',
    labReference: 'LAB-2026-0042',
    toGive: true,
    givenAt: null,
    givenBy: null,
    authorId: 'u-1',
  },
  {
    type: 'to_treat',
    id: 'tt-1',
    personId: 'p-1',
    siteId: 'site-1',
    resultId: 'res-2',
    infection: 'chlamydia',
    openedOn: '2026-01-12',
    status: 'treated',
    treatmentId: 'trt-1',
    referralId: null,
    appointmentOn: null,
    treatedOn: '2026-01-15',
    delayDays: 3,
    cureTestDueOn: '2026-02-12',
    cureResultId: null,
    closedReason: null,
    authorId: 'u-1',
  },
  {
    type: 'to_treat',
    id: 'tt-2',
    personId: 'p-1',
    siteId: 'site-1',
    resultId: 'res-1',
    infection: 'hiv',
    openedOn: '2026-01-12',
    status: 'referred',
    treatmentId: null,
    referralId: 'ori-1',
    appointmentOn: '2026-01-20',
    treatedOn: null,
    delayDays: null,
    cureTestDueOn: null,
    cureResultId: 'res-1',
    closedReason: 'other',
    authorId: 'u-1',
  },
  {
    type: 'treatment',
    id: 'trt-1',
    personId: 'p-1',
    siteId: 'site-1',
    toTreatId: 'tt-1',
    drug: 'doxycycline',
    dose: '100 mg x2/j, 7 j',
    route: 'oral',
    givenAt: '2026-01-15T10:00:00.000Z',
    givenBy: 'u-1',
    authorId: 'u-1',
  },
  {
    type: 'partner',
    id: 'pa-1',
    personId: 'p-1',
    toTreatId: 'tt-1',
    siteId: 'site-1',
    pseudonym: 'Tom, Grindr, janvier',
    notifier: 'anonymous_message',
    status: 'tested',
    statusOn: '2026-01-20',
    authorId: 'u-1',
  },
  {
    type: 'consultation',
    id: 'cs-1',
    personId: 'p-1',
    visitId: 'vis-1',
    siteId: 'site-1',
    kind: 'gp',
    heldAt: '2026-01-12T09:30:00.000Z',
    reason: 'Dépistage',
    history: 'PrEP à la demande',
    examination: 'Écoulement urétral',
    conclusion: 'Urétrite',
    endedAt: '2026-01-12T09:50:00.000Z',
    diagnoses: ['A54', 'A56'],
    authorId: 'u-1',
  },
  {
    type: 'prescription',
    id: 'ord-1',
    personId: 'p-1',
    consultationId: 'cs-1',
    prepEpisodeId: null,
    prescriberId: 'u-1',
    issuedOn: '2026-01-12',
    lines: [
      { drug: 'ceftriaxone', dose: '1 g', route: 'intramuscular', frequency: 'une fois', duration: '1 jour' },
      {
        drug: 'doxycycline',
        dose: '100 mg',
        route: 'oral',
        frequency: '2 fois par jour',
        duration: '7 jours',
      },
    ],
    renewals: 1,
    authorId: 'u-1',
  },
  {
    type: 'vaccine_course',
    id: 'vc-1',
    personId: 'p-1',
    siteId: 'site-1',
    vaccineCode: 'hepatitis_b',
    startedOn: '2025-12-01',
    variant: null,
    status: 'in_progress',
    nextDueOn: '2026-06-01',
    nextDose: 3,
    stoppedOn: null,
    stopReason: null,
    authorId: 'u-1',
  },
  {
    type: 'vaccine_course',
    id: 'vc-2',
    personId: 'p-1',
    siteId: 'site-1',
    vaccineCode: 'mpox',
    startedOn: '2025-11-03',
    variant: 'smallpox_vaccinated',
    status: 'stopped',
    nextDueOn: null,
    nextDose: null,
    stoppedOn: '2025-11-20',
    stopReason: 'Réaction au point d’injection',
    authorId: 'u-1',
  },
  {
    type: 'vaccine_dose',
    id: 'vd-1',
    courseId: 'vc-1',
    personId: 'p-1',
    siteId: 'site-1',
    doseNumber: 1,
    givenOn: '2025-12-01',
    lot: ' HB-778 a ',
    givenBy: 'u-1',
    authorId: 'u-1',
  },
  {
    type: 'vaccine_dose',
    id: 'vd-2',
    courseId: 'vc-1',
    personId: 'p-1',
    siteId: 'site-1',
    doseNumber: 2,
    givenOn: '2026-01-05',
    lot: 'HB-779',
    givenBy: 'u-1',
    authorId: null,
  },
  {
    type: 'workshop',
    id: 'ws-1',
    siteId: 'site-1',
    specialty: 'hormone_therapy',
    title: 'Atelier auto-injection',
    startsAt: '2026-01-22T17:00:00.000Z',
    endsAt: '2026-01-22T19:00:00.000Z',
    capacity: 6,
    facilitatorId: 'u-1',
  },
  {
    type: 'waiting_list_entry',
    id: 'wl-1',
    personId: 'p-1',
    siteId: 'site-1',
    specialty: 'hormone_therapy',
    requestedOn: '2026-01-12',
    requestedBy: 'u-1',
    origin: 'interview',
    note: 'Souhaite apprendre l’auto-injection',
    status: 'booked',
    appointmentId: 'rdv-1',
    workshopId: 'ws-1',
    cancelledReason: null,
  },
  {
    type: 'waiting_list_entry',
    id: 'wl-2',
    personId: 'p-1',
    siteId: 'site-1',
    specialty: 'sexology',
    requestedOn: '2026-01-05',
    requestedBy: 'u-1',
    origin: 'consultation',
    note: null,
    status: 'cancelled',
    appointmentId: null,
    workshopId: null,
    cancelledReason: 'Suivie en ville',
  },
  {
    type: 'prep_episode',
    id: 'prep-1',
    personId: 'p-1',
    siteId: 'site-1',
    startedOn: '2025-06-02',
    regimen: 'on_demand',
    status: 'stopped',
    stoppedOn: '2025-09-15',
    stopReason: 'side_effects',
    stopNote: 'Troubles digestifs',
    restartOf: null,
    nextDueOn: '2025-07-02',
    lastVisitOn: '2025-06-02',
    authorId: 'u-1',
  },
  {
    type: 'prep_episode',
    id: 'prep-2',
    personId: 'p-1',
    siteId: 'site-1',
    startedOn: '2026-01-05',
    regimen: 'daily',
    status: 'active',
    stoppedOn: null,
    stopReason: null,
    stopNote: null,
    restartOf: 'prep-1',
    nextDueOn: '2026-05-05',
    lastVisitOn: '2026-02-05',
    authorId: 'u-1',
  },
  {
    type: 'prep_follow_up',
    id: 'prep-fu-1',
    episodeId: 'prep-2',
    personId: 'p-1',
    siteId: 'site-1',
    heldOn: '2026-02-05',
    creatinine: 82.5,
    egfr: 96,
    adherenceNote: 'Un oubli en janvier',
    nextDueOn: '2026-05-05',
    authorId: 'u-1',
  },
  {
    type: 'violence_incident',
    id: 'vi-1',
    personId: 'p-1',
    siteId: 'site-1',
    occurredOn: '2026-01-10',
    occurredAt: '2026-01-10T22:15:00.000Z',
    dateApproximate: true,
    placeKind: 'police_premises',
    perpetrators: ['police_authority', 'stranger'],
    seedTypes: ['police_harassment_abusive_arrest', 'extortion'],
    gbvimsType: 'psychological_abuse',
    trafficking: true,
    reported: 'prosecutor',
    reportedOn: '2026-01-12',
    protocolStatus: 'closed',
    protocolDeadline: '2026-01-13T22:15:00.000Z',
    authorId: 'u-1',
  },
  {
    type: 'incident_narrative',
    id: 'in-1',
    incidentId: 'vi-1',
    personId: 'p-1',
    text: ' Dans ses mots, tel quel. ',
    authorId: 'u-1',
  },
  {
    type: 'injury_certificate',
    id: 'ic-0',
    personId: 'p-1',
    incidentId: 'vi-1',
    siteId: 'site-1',
    doctorId: 'u-1',
    examinedAt: '2026-01-11T08:00:00.000Z',
    requestedBy: 'person',
    requisitionRef: null,
    identityCheck: 'declared',
    identityDocument: null,
    statements: '',
    complaints: '',
    lesions: [],
    otherFindings: '',
    psychologicalFindings: '',
    furtherExams: '',
    ittDays: 0,
    ittReserved: true,
    issuedAt: '2026-01-11T08:10:00.000Z',
    replacesId: null,
    authorId: 'u-1',
  },
  {
    type: 'injury_certificate',
    id: 'ic-1',
    personId: 'p-1',
    incidentId: 'vi-1',
    siteId: 'site-1',
    doctorId: 'u-1',
    examinedAt: '2026-01-11T08:30:00.000Z',
    requestedBy: 'requisition',
    requisitionRef: ' 2026/114 — Procureur ',
    identityCheck: 'document',
    identityDocument: 'Carte nationale',
    statements: ' Il m’a frappée au visage. ',
    complaints: 'Douleurs',
    lesions: [{ region: 'Pommette gauche', kind: 'Ecchymose', sizeCm: 3.5, description: 'violacée' }],
    otherFindings: 'Rien d’autre',
    psychologicalFindings: 'Pleurs',
    furtherExams: 'Radio',
    ittDays: 3,
    ittReserved: false,
    issuedAt: '2026-01-11T09:00:00.000Z',
    replacesId: 'ic-0',
    authorId: 'u-1',
  },
  {
    type: 'protocol_step',
    id: 'ps-1',
    incidentId: 'vi-1',
    personId: 'p-1',
    item: 'emergency_contraception',
    outcome: 'declined',
    doneAt: '2026-01-11T09:00:00.000Z',
    doneBy: 'u-1',
    note: 'Refusée',
    linkedType: 'referral',
    linkedId: 'ori-1',
    authorId: 'u-1',
  },
  {
    type: 'coordination_meeting',
    id: 'cm-1',
    siteId: 'site-1',
    heldOn: '2026-01-16',
    participantIds: ['u-1'],
    externalParticipants: 'Avocate partenaire',
    generalNotes: 'Points de la semaine',
    authorId: 'u-1',
  },
  {
    type: 'case_plan',
    id: 'cp-1',
    personId: 'p-1',
    siteId: 'site-1',
    status: 'closed',
    closureReason: 'moved',
    openedOn: '2026-01-11',
    closedOn: '2026-01-20',
    referentId: 'u-1',
    showReferent: false,
    authorId: 'u-1',
  },
  { type: 'case_plan_site', id: 'cps-1', planId: 'cp-1', personId: 'p-1', siteId: 'site-1', authorId: 'u-1' },
  {
    type: 'case_plan_event',
    id: 'cpe-1',
    planId: 'cp-1',
    personId: 'p-1',
    fromStatus: 'active',
    toStatus: 'closed',
    reason: 'moved',
    at: '2026-01-20T10:00:00.000Z',
    authorId: 'u-1',
  },
  {
    type: 'plan_item',
    id: 'pi-1',
    planId: 'cp-1',
    personId: 'p-1',
    axis: 'legal',
    kind: 'objective',
    text: 'Acte de naissance de l’enfant',
    state: 'met',
    authorId: 'u-1',
  },
  {
    type: 'plan_action',
    id: 'pa-1',
    planId: 'cp-1',
    personId: 'p-1',
    axis: 'legal',
    objectiveId: 'pi-1',
    title: 'Dossier état civil',
    ownerId: 'u-1',
    siteId: 'site-1',
    dueOn: '2026-01-18',
    status: 'cancelled',
    doneOn: '2026-01-17',
    cancelReason: 'case closed',
    sourceMeetingId: 'cm-1',
    authorId: 'u-1',
  },
  {
    type: 'safety_plan',
    id: 'sp-1',
    planId: 'cp-1',
    personId: 'p-1',
    risks: 'Le soir',
    safeContacts: [{ name: 'Amina', howToReach: 'voisine', note: 'clé' }],
    safePlaces: ['Foyer'],
    codeWords: [{ word: 'thé', meaning: 'appeler' }],
    ifAggressorReturns: 'Partir',
    reviewedAt: '2026-01-15T10:00:00.000Z',
    reviewedBy: 'u-1',
    authorId: 'u-1',
  },
  {
    type: 'safety_plan_review',
    id: 'spr-1',
    safetyPlanId: 'sp-1',
    personId: 'p-1',
    reviewedAt: '2026-01-15T10:00:00.000Z',
    reviewedBy: 'u-1',
    changed: true,
    visitId: 'v-1',
    authorId: 'u-1',
  },
  {
    type: 'care_referent',
    id: 'cr-1',
    personId: 'p-1',
    referentId: 'u-1',
    siteId: 'site-1',
    since: '2026-01-11',
    authorId: 'u-1',
  },
  {
    type: 'legal_procedure',
    id: 'lp-1',
    personId: 'p-1',
    siteId: 'site-1',
    procedureType: 'complaint',
    incidentId: 'vi-1',
    openedOn: '2026-01-12',
    lawyerEntryId: 'dir-2',
    followerId: 'u-1',
    stage: 'closed',
    court: 'Tribunal de première instance',
    caseReference: 'RG 26/0042',
    outcome: 'partly_won',
    closedOn: '2026-01-25',
    authorId: 'u-1',
  },
  {
    type: 'legal_step',
    id: 'ls-1',
    procedureId: 'lp-1',
    personId: 'p-1',
    stage: 'closed',
    on: '2026-01-25',
    note: 'Jugement rendu',
    authorId: 'u-1',
  },
  {
    type: 'hearing',
    id: 'hr-1',
    procedureId: 'lp-1',
    personId: 'p-1',
    siteId: 'site-1',
    startsAt: '2026-01-20T09:00:00.000Z',
    place: 'Salle 2',
    kind: 'deliberation',
    status: 'held',
    outcomeNote: 'Mis en délibéré',
    authorId: 'u-1',
  },
  {
    type: 'psy_session',
    id: 'pss-1',
    personId: 'p-1',
    siteId: 'site-1',
    heldAt: '2026-01-12T09:00:00.000Z',
    kind: 'group',
    groupLabel: 'Groupe de parole du jeudi',
    psychologistId: 'u-1',
    durationMin: 90,
    privateNote: '  Parle de sa sœur.\nDort mieux. ',
    authorId: 'u-1',
  },
  {
    type: 'psy_referral',
    id: 'pr-1',
    personId: 'p-1',
    siteId: 'site-1',
    entryId: 'dir-3',
    referredAt: '2026-01-12T10:00:00.000Z',
    reason: 'Idées noires persistantes',
    status: 'attended',
    appointmentAt: '2026-01-19T14:30:00.000Z',
    feedback: 'Traitement débuté',
    overrideReason: 'Urgence, accord oral de la personne',
    authorId: 'u-1',
  },
  {
    type: 'meeting_case',
    id: 'mc-1',
    meetingId: 'cm-1',
    personId: 'p-1',
    planId: 'cp-1',
    position: 0,
    decisions: 'Dossier état civil suspendu',
    authorId: 'u-1',
  },
  {
    type: 'training',
    id: 'tr-1',
    personId: 'p-1',
    siteId: 'site-1',
    field: 'other',
    fieldLabel: 'Informatique (bureautique)',
    providerEntryId: 'dir-1',
    startsOn: '2026-01-05',
    endsOn: '2026-01-30',
    status: 'employed',
    statusOn: '2026-01-31',
    authorId: 'u-1',
  },
  {
    type: 'micro_credit',
    id: 'mcr-1',
    personId: 'p-1',
    siteId: 'site-1',
    lenderEntryId: 'dir-1',
    appliedOn: '2026-01-06',
    amountMinor: 500000,
    currency: 'MAD',
    purpose: 'Four et moules',
    status: 'submitted',
    authorId: 'u-1',
  },
  {
    type: 'micro_credit_step',
    id: 'mcs-1',
    applicationId: 'mcr-1',
    personId: 'p-1',
    status: 'submitted',
    on: '2026-01-10',
    note: 'Dossier déposé',
    authorId: 'u-1',
  },
  {
    type: 'attachment',
    id: 'att-1',
    personId: 'p-1',
    ownerType: 'violence_incident',
    ownerId: 'vi-1',
    kind: 'certificate',
    fileName: 'certificat_initial.pdf',
    mediaType: 'application/pdf',
    sizeBytes: PDF.length,
    sha256: createHash('sha256').update(PDF).digest('hex'),
    rotation: 90,
    description: 'Certificat des urgences',
    createdAt: '2026-01-12T10:00:00.000Z',
    authorId: 'u-1',
  },
  { type: 'attachment_part', id: 'att-1:0', attachmentId: 'att-1', seq: 0, base64: PDF.toString('base64') },
];

async function importInto(store: Store, text: string): Promise<void> {
  const { lines, errors } = parseLines(text);
  expect(errors).toEqual([]);
  await store.transaction((em) => applyLines(em, lines, '2026-03-01T08:00:00.000Z'));
}

async function exportFrom(store: Store): Promise<unknown[]> {
  const records = await store.transaction((em) => collectRecords(em, '2026-02-01T08:00:00.000Z'));
  return records.slice(1);
}

describe('one mapping per record type', () => {
  it('every table holding a person’s records (a person_id column) has a record type in the interchange', async () => {
    const store = await openStore();
    try {
      const exported = new Set(ADAPTERS.map((a) => store.ds.getMetadata(a.entity).tableName));
      const personTables = store.ds.entityMetadatas
        .filter((m) => m.columns.some((c) => c.databaseName === 'person_id'))
        .map((m) => m.tableName);
      const missing = personTables.filter((t) => !exported.has(t) && !(t in NOT_EXPORTED));
      expect(missing, 'tables of a person’s records without an interchange mapping').toEqual([]);
      // The exceptions stay true: each names a table that exists, has a person_id, and is not exported.
      for (const table of Object.keys(NOT_EXPORTED)) {
        expect(personTables, table).toContain(table);
        expect(exported.has(table), table).toBe(false);
      }
      // Not vacuous: the dossier tables are among those checked.
      expect(personTables).toEqual(
        expect.arrayContaining(['person_consent', 'visit', 'interview', 'referral']),
      );
    } finally {
      await store.close();
    }
  });

  it('every record type of the format has exactly one adapter, in the format’s dependency order', () => {
    expect(ADAPTERS.map((a) => a.type)).toEqual(RECORD_TYPES.filter((t) => t !== 'header'));
  });

  it('a record of every type, every field given: store → file → another store → file, unchanged and valid', async () => {
    const text = `${EVERY_TYPE.map((r) => JSON.stringify(r)).join('\n')}\n`;
    const first = await openStore();
    const second = await openStore();
    try {
      await importInto(first, text);
      const exported = await exportFrom(first);
      // The centre's id is the store's own ("centre"); everything else is as given.
      expect(exported).toEqual(EVERY_TYPE.map((r) => (r.type === 'centre' ? { ...r, id: 'centre' } : r)));
      for (const record of exported) {
        const type = (record as { type: keyof typeof RECORD_SCHEMAS }).type;
        expect(RECORD_SCHEMAS[type].safeParse(record).success, type).toBe(true);
      }
      await importInto(second, `${exported.map((r) => JSON.stringify(r)).join('\n')}\n`);
      expect(await exportFrom(second)).toEqual(exported);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

/** The lines of EVERY_TYPE with some records changed (by type and id) and others added. */
function fileWith(
  changes: Record<string, (r: Record<string, unknown>) => object>,
  added: object[] = [],
): string {
  const records = EVERY_TYPE.map((r) => changes[`${r.type}:${r.id}`]?.({ ...r }) ?? r);
  return `${[...records, ...added].map((r) => JSON.stringify(r)).join('\n')}\n`;
}

/** What an import of the file refuses, as `line field reason`; nothing written when refused. */
async function refusals(store: Store, text: string): Promise<string[]> {
  const { lines, errors } = parseLines(text);
  const asText = (e: { line: number; field: string | null; reason: string }) =>
    `${e.line} ${e.field} ${e.reason}`;
  if (errors.length) return errors.map(asText);
  try {
    await store.transaction((em) => applyLines(em, lines, '2026-03-01T08:00:00.000Z'));
    return [];
  } catch (err) {
    if (err instanceof ImportRefused) return err.errors.map(asText);
    throw err;
  }
}

const lineOf = (type: string, id: string) => EVERY_TYPE.findIndex((r) => r.type === type && r.id === id) + 1;
const without = (field: string) => (r: Record<string, unknown>) => {
  const { [field]: _left, ...rest } = r;
  return rest;
};

describe('violence records follow the screen’s rules on import', () => {
  it('a time off the incident’s date at its site, a report in the future, a repeated value, a step or an examination before the incident: refused on that line and field', async () => {
    const store = await openStore();
    try {
      const incident = lineOf('violence_incident', 'vi-1');
      const step = lineOf('protocol_step', 'ps-1');
      const change = (fields: object) => (r: Record<string, unknown>) => ({ ...r, ...fields });
      // 23:30 UTC on 10 January is 00:30 on the 11th in Paris, the site's zone.
      expect(
        await refusals(
          store,
          fileWith({ 'violence_incident:vi-1': change({ occurredAt: '2026-01-10T23:30:00.000Z' }) }),
        ),
      ).toEqual([`${incident} occurredAt time_not_on_date`]);
      expect(
        await refusals(store, fileWith({ 'violence_incident:vi-1': change({ reportedOn: '2026-03-05' }) })),
      ).toEqual([`${incident} reportedOn date_in_future`]);
      expect(
        await refusals(
          store,
          fileWith({ 'violence_incident:vi-1': change({ perpetrators: ['stranger', 'stranger'] }) }),
        ),
      ).toEqual([`${incident} perpetrators values_repeated`]);
      expect(
        await refusals(
          store,
          fileWith({ 'protocol_step:ps-1': change({ doneAt: '2026-01-10T20:00:00.000Z' }) }),
        ),
      ).toEqual([`${step} doneAt before_incident`]);
      // An examination before the incident (22:15 UTC on 10 January).
      expect(
        await refusals(
          store,
          fileWith({ 'injury_certificate:ic-0': change({ examinedAt: '2026-01-10T20:00:00.000Z' }) }),
        ),
      ).toEqual([`${lineOf('injury_certificate', 'ic-0')} examinedAt before_incident`]);
      // The incident without its time counts from the start of its day at the site.
      expect(
        await refusals(
          store,
          fileWith({
            'violence_incident:vi-1': change({ occurredAt: null }),
            'protocol_step:ps-1': change({ doneAt: '2026-01-09T22:59:00.000Z' }),
          }),
        ),
      ).toEqual([`${step} doneAt before_incident`]);
    } finally {
      await store.close();
    }
  });
});

describe('clinical records are kept as given, never completed or rewritten', () => {
  it('a result without its infections or its "to give", a to-treat item without its state: refused on that line and field', async () => {
    const store = await openStore();
    try {
      const result = lineOf('result', 'res-2');
      const item = lineOf('to_treat', 'tt-1');
      expect(await refusals(store, fileWith({ 'result:res-2': without('infections') }))).toEqual([
        `${result} infections invalid_type`,
      ]);
      expect(await refusals(store, fileWith({ 'result:res-2': without('toGive') }))).toEqual([
        `${result} toGive invalid_type`,
      ]);
      expect(await refusals(store, fileWith({ 'to_treat:tt-1': without('status') }))).toEqual([
        `${item} status invalid_value`,
      ]);
    } finally {
      await store.close();
    }
  });

  it('a drug and a dose are stored exactly as typed; a titre or a code with spaces around it is refused, not trimmed', async () => {
    const store = await openStore();
    try {
      const syphilis = [
        { ...EVERY_TYPE.find((r) => r.id === 'smp-1'), id: 'smp-9', testCode: 'syphilis_serology_lab' },
        {
          ...EVERY_TYPE.find((r) => r.id === 'res-1'),
          id: 'res-9',
          sampleId: 'smp-9',
          testCode: 'syphilis_serology_lab',
          value: { type: 'titre', positivity: 'positive', titre: ' 1:16' },
          infections: ['syphilis'],
        },
      ];
      expect(await refusals(store, fileWith({}, syphilis))).toEqual([
        `${EVERY_TYPE.length + 2} value.titre result_value_invalid`,
      ]);
      const consultation = lineOf('consultation', 'cs-1');
      expect(
        await refusals(store, fileWith({ 'consultation:cs-1': (r) => ({ ...r, kind: ' gp' }) })),
      ).toEqual([`${consultation} kind unknown_specialty`]);
      expect(
        await refusals(store, fileWith({ 'consultation:cs-1': (r) => ({ ...r, diagnoses: ['A54 '] }) })),
      ).toEqual([`${consultation} diagnoses.0 unknown_diagnosis`]);
      expect(await refusals(store, fileWith({ 'treatment:trt-1': (r) => ({ ...r, drug: '  ' }) }))).toEqual([
        `${lineOf('treatment', 'trt-1')} drug drug_required`,
      ]);

      const typed = { drug: ' doxycycline ', dose: '100 mg x2/j, 7 j ' };
      expect(await refusals(store, fileWith({ 'treatment:trt-1': (r) => ({ ...r, ...typed }) }))).toEqual([]);
      const exported = await exportFrom(store);
      expect(exported.find((r) => (r as { id: string }).id === 'trt-1')).toMatchObject(typed);
    } finally {
      await store.close();
    }
  });

  it('an exported follow-up’s eGFR is judged against the centre’s eGFR catalogue, not the shipped default', async () => {
    const store = await openStore();
    try {
      // The centre alerts below 50 (EVERY_TYPE's catalogue_version); the shipped default is 60.
      await importInto(store, fileWith({ 'prep_follow_up:prep-fu-1': (r) => ({ ...r, egfr: 55 }) }));
      const views = await store.transaction(async (em) =>
        followUpViews(em, await em.getRepository(PrepFollowUpEntity).find()),
      );
      expect(views).toMatchObject([{ id: 'prep-fu-1', egfr: 55, egfrLow: false }]);
    } finally {
      await store.close();
    }
  });
});

describe('psychological support records follow the screen’s rules on import', () => {
  it('a session in the future, a group without its label, a note of spaces, a referral to a lawyer: refused on that line and field', async () => {
    const store = await openStore();
    try {
      const session = lineOf('psy_session', 'pss-1');
      const referral = lineOf('psy_referral', 'pr-1');
      const change = (fields: object) => (r: Record<string, unknown>) => ({ ...r, ...fields });
      expect(
        await refusals(
          store,
          fileWith({ 'psy_session:pss-1': change({ heldAt: '2026-03-02T08:00:00.000Z' }) }),
        ),
      ).toEqual([`${session} heldAt date_in_future`]);
      expect(await refusals(store, fileWith({ 'psy_session:pss-1': change({ groupLabel: null }) }))).toEqual([
        `${session} groupLabel group_label_required`,
      ]);
      expect(
        await refusals(store, fileWith({ 'psy_session:pss-1': change({ kind: 'individual' }) })),
      ).toEqual([`${session} groupLabel group_label_individual`]);
      expect(await refusals(store, fileWith({ 'psy_session:pss-1': change({ privateNote: '  ' }) }))).toEqual(
        [`${session} privateNote text_required`],
      );
      expect(await refusals(store, fileWith({ 'psy_referral:pr-1': change({ entryId: 'dir-2' }) }))).toEqual([
        `${referral} entryId entry_category_mismatch`,
      ]);
      // Nothing was written by the refused imports.
      expect(await exportFrom(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
