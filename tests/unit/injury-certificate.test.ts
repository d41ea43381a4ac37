/**
 * The medical certificate of injuries on a real encrypted store (docs/violence-care.md, slice 2):
 * only the examining doctor writes and signs it (a professional number to sign); a draft is
 * corrected by its doctor, an issued certificate never changes and a correction is a new
 * certificate naming the one it replaces; every refusal names its field and writes nothing; texts
 * are kept exactly as typed; issuing records the protocol's certificate step; the tab shows
 * metadata only, and a reader let in on her own records only sees her own certificates; the PDF
 * (French, HAS structure) prints the site's local time, never the perpetrator category, and its
 * read names the certificate in the audit log.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { FakeClock, startCore, tempDir } from './helpers/core';
import { expectRefused, storeSnapshot } from './helpers/clinical';
import { pdfText } from './helpers/pdf-text';
import { personInput, reception, staff, type Centre } from './helpers/reception';

/** 2026-03-02 09:00 UTC (18:00 at the site, in Tokyo: far from the workstation's zone on purpose). */
async function clinic() {
  const t = await reception(await startCore(tempDir(), new FakeClock(Date.parse('2026-03-02T09:00:00Z'))));
  const site = (await t.must('centre.get', {}, t.token)).sites.find((s) => s.id === t.siteIds[0])!;
  await t.must(
    'centre.saveSite',
    {
      id: site.id,
      version: site.version,
      code: site.code,
      name: 'Centre Chams',
      city: 'Marrakech',
      timezone: 'Asia/Tokyo',
      address: '12 avenue Mohammed V\n40000 Marrakech',
      phone: '05 24 00 11 22',
    },
    t.token,
  );
  const doctor = await staff(t, 'dora', ['doctor']);
  const other = await staff(t, 'omar', ['doctor']);
  const social = await staff(t, 'sara', ['social_worker']);
  for (const who of [doctor, other]) await giveNumber(t, who.id);
  return { t, doctor, other, social };
}

async function giveNumber(t: Centre, userId: string, professionalNumber: string | null = '10003456789') {
  const user = (await t.must('users.list', { includeInactive: true }, t.token)).items.find(
    (u) => u.id === userId,
  )!;
  await t.must(
    'users.update',
    {
      id: user.id,
      version: user.version,
      displayName: user.displayName,
      roles: user.roles,
      siteIds: user.siteIds,
      professionalNumber,
    },
    t.token,
  );
}

/** A survivor who shares with the social and legal team, and her incident yesterday at 22:00 UTC. */
async function survivor(t: Centre, token: string, name = 'Salma') {
  const p = await t.must(
    'persons.create',
    personInput(t, { nameUsed: name, legalName: 'Salma Benali', birthDate: '1995-04-12' }),
    token,
  );
  for (const scope of ['care_team', 'social_legal'] as const)
    await t.must('persons.recordConsent', { personId: p.id, scope, given: true }, token);
  const incident = await t.must(
    'violence.saveIncident',
    {
      personId: p.id,
      occurredOn: '2026-03-02',
      occurredAt: '2026-03-01T22:00:00.000Z',
      placeKind: 'police_premises',
      perpetrators: ['police_authority'],
      seedTypes: ['physical_assault'],
      gbvimsType: 'physical_assault',
    },
    token,
  );
  return { personId: p.id, incidentId: incident.id };
}

function draft(
  s: { personId: string; incidentId: string },
  extra: Partial<ChannelInput<'violence.saveCertificate'>> = {},
): ChannelInput<'violence.saveCertificate'> {
  return {
    personId: s.personId,
    incidentId: s.incidentId,
    // 08:30 UTC = 17:30 in Tokyo: the printed time is the site's, whatever the workstation's zone.
    examinedAt: '2026-03-02T08:30:00.000Z',
    requestedBy: 'person',
    identityCheck: 'document',
    identityDocument: 'Carte nationale AB123456',
    statements: ' Il m’a frappée au visage avec sa main. ',
    complaints: 'Douleur à la joue',
    lesions: [{ region: 'Pommette gauche', kind: 'Ecchymose', sizeCm: 3.5, description: 'violacée, ovale' }],
    otherFindings: 'Pas d’autre lésion visible',
    psychologicalFindings: 'Pleurs, sidération',
    furtherExams: 'Radiographie des os propres du nez',
    ittDays: 3,
    ittReserved: true,
    ...extra,
  };
}

const ROWS_SQL =
  "SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT group_concat(id || version || coalesce(issued_at, '-')) FROM injury_certificate) AS c, (SELECT count(*) FROM protocol_step) AS s";

describe('who writes and signs a certificate', () => {
  it('a doctor drafts, corrects and issues it; issuing records the protocol step, done and linked', async () => {
    const { t, doctor } = await clinic();
    const s = await survivor(t, doctor.token);
    const first = await t.must('violence.saveCertificate', draft(s), doctor.token);
    expect(first).toMatchObject({ doctorId: doctor.id, issuedAt: null, version: 1, ittDays: 3 });
    const corrected = await t.must(
      'violence.saveCertificate',
      draft(s, { certificateId: first.id, version: 1, ittDays: 4 }),
      doctor.token,
    );
    expect(corrected).toMatchObject({ id: first.id, version: 2, ittDays: 4 });
    // Kept exactly as typed: the spaces around the person's words stay.
    expect(corrected.statements).toBe(' Il m’a frappée au visage avec sa main. ');

    const issued = await t.must(
      'violence.issueCertificate',
      { personId: s.personId, certificateId: first.id, version: 2 },
      doctor.token,
    );
    expect(issued.issuedAt).toBe(t.clock.now().toISOString());
    const tab = await t.must('violence.forPerson', { personId: s.personId }, doctor.token);
    const incident = tab.items[0];
    expect(incident.steps).toEqual([
      expect.objectContaining({
        item: 'injury_certificate',
        outcome: 'done',
        doneAt: '2026-03-02T08:30:00.000Z',
        doneBy: doctor.id,
        linkedType: 'injury_certificate',
        linkedId: first.id,
      }),
    ]);
    // The tab carries the certificate's metadata, never its findings or the person's words.
    expect(incident.certificates).toEqual([
      {
        id: first.id,
        incidentId: s.incidentId,
        doctorId: doctor.id,
        doctorName: 'dora (test)',
        examinedAt: '2026-03-02T08:30:00.000Z',
        issuedAt: issued.issuedAt,
        replacesId: null,
        authorId: doctor.id,
        version: 3,
      },
    ]);
    expect(JSON.stringify(tab)).not.toContain('frappée');
  });

  it('a social worker (a writer of violence) may not author one; another doctor may not touch a colleague’s draft', async () => {
    const { t, doctor, other, social } = await clinic();
    const s = await survivor(t, social.token);
    await expectRefused(
      t,
      'violence.saveCertificate',
      draft(s),
      social.token,
      { field: 'doctorId', reason: 'certificate_doctor_required' },
      { rowsSql: ROWS_SQL },
    );
    const mine = await t.must('violence.saveCertificate', draft(s), doctor.token);
    await expectRefused(
      t,
      'violence.saveCertificate',
      draft(s, { certificateId: mine.id, version: mine.version, ittDays: 10 }),
      other.token,
      { field: 'doctorId', reason: 'certificate_doctor_required' },
      { rowsSql: ROWS_SQL },
    );
    await expectRefused(
      t,
      'violence.issueCertificate',
      { personId: s.personId, certificateId: mine.id, version: mine.version },
      other.token,
      { field: 'doctorId', reason: 'certificate_doctor_required' },
      { rowsSql: ROWS_SQL },
    );
  });

  it('signing needs the doctor’s professional number: without it the draft stays a draft', async () => {
    const { t, doctor } = await clinic();
    await giveNumber(t, doctor.id, null);
    const s = await survivor(t, doctor.token);
    const mine = await t.must('violence.saveCertificate', draft(s), doctor.token);
    await expectRefused(
      t,
      'violence.issueCertificate',
      { personId: s.personId, certificateId: mine.id, version: mine.version },
      doctor.token,
      { field: 'doctorId', reason: 'professional_number_required' },
      { rowsSql: ROWS_SQL },
    );
  });
});

describe('an issued certificate never changes', () => {
  it('editing or issuing it again is refused; a correction is a new certificate that replaces it', async () => {
    const { t, doctor } = await clinic();
    const s = await survivor(t, doctor.token);
    const d = await t.must('violence.saveCertificate', draft(s), doctor.token);
    await expectRefused(
      t,
      'violence.saveCertificate',
      draft(s, { replacesId: d.id }),
      doctor.token,
      { field: 'replacesId', reason: 'certificate_not_issued' },
      { rowsSql: ROWS_SQL },
    );
    const issued = await t.must(
      'violence.issueCertificate',
      { personId: s.personId, certificateId: d.id, version: d.version },
      doctor.token,
    );
    await expectRefused(
      t,
      'violence.saveCertificate',
      draft(s, { certificateId: d.id, version: issued.version, ittDays: 8 }),
      doctor.token,
      { field: 'certificateId', reason: 'certificate_issued' },
      { rowsSql: ROWS_SQL },
    );
    await expectRefused(
      t,
      'violence.issueCertificate',
      { personId: s.personId, certificateId: d.id, version: issued.version },
      doctor.token,
      { field: 'certificateId', reason: 'certificate_issued' },
      { rowsSql: ROWS_SQL },
    );

    const correction = await t.must(
      'violence.saveCertificate',
      draft(s, { replacesId: d.id, ittDays: 8, examinedAt: '2026-03-02T08:45:00.000Z' }),
      doctor.token,
    );
    expect(correction).toMatchObject({ replacesId: d.id, issuedAt: null });
    const second = await t.must(
      'violence.issueCertificate',
      { personId: s.personId, certificateId: correction.id, version: correction.version },
      doctor.token,
    );
    // The first stays as it was signed; the protocol step keeps its link to the first.
    const first = await t.must(
      'violence.certificate',
      { personId: s.personId, certificateId: d.id },
      doctor.token,
    );
    expect(first).toMatchObject({ ittDays: 3, issuedAt: issued.issuedAt, version: issued.version });
    const tab = await t.must('violence.forPerson', { personId: s.personId }, doctor.token);
    expect(tab.items[0].certificates.map((c) => [c.id, c.replacesId])).toEqual([
      [d.id, null],
      [second.id, d.id],
    ]);
    expect(tab.items[0].steps.map((st) => st.linkedId)).toEqual([d.id]);
    // On the timeline: each issued certificate when signed (a correction said so), never a draft.
    const timeline = await t.must('persons.timeline', { personId: s.personId }, doctor.token);
    expect(
      timeline.items.filter((i) => i.kind === 'injury_certificate').map((i) => [i.refId, i.label]),
    ).toEqual(
      expect.arrayContaining([
        [d.id, 'issued'],
        [second.id, 'correction'],
      ]),
    );
    expect(timeline.items.filter((i) => i.kind === 'injury_certificate')).toHaveLength(2);
  });
});

describe('each refusal names its field and writes nothing', () => {
  const cases: Array<[string, Partial<ChannelInput<'violence.saveCertificate'>>, string, string]> = [
    [
      'an examination in the future',
      { examinedAt: '2026-03-02T09:01:00.000Z' },
      'examinedAt',
      'date_in_future',
    ],
    [
      'an examination before the incident',
      { examinedAt: '2026-03-01T21:59:00.000Z' },
      'examinedAt',
      'examination_before_incident',
    ],
    ['an ITT of 366 days', { ittDays: 366 }, 'ittDays', 'itt_out_of_range'],
    ['a negative ITT', { ittDays: -1 }, 'ittDays', 'itt_out_of_range'],
    [
      'a lesion without region',
      { lesions: [{ region: '  ', kind: 'Plaie', sizeCm: null, description: '' }] },
      'lesions.0.region',
      'lesion_incomplete',
    ],
    [
      'a lesion without kind',
      {
        lesions: [
          { region: 'Bras', kind: 'Griffure', sizeCm: 2, description: '' },
          { region: 'Dos', kind: '', sizeCm: null, description: 'large' },
        ],
      },
      'lesions.1.kind',
      'lesion_incomplete',
    ],
    [
      'a requisition without reference',
      { requestedBy: 'requisition', requisitionRef: '   ' },
      'requisitionRef',
      'requisition_ref_required',
    ],
    [
      'an identity document not named',
      { identityCheck: 'document', identityDocument: null },
      'identityDocument',
      'identity_document_required',
    ],
    ['an incident of another person', { incidentId: 'nope' }, 'incidentId', 'unknown_incident'],
  ];

  it.each(cases)('%s', async (_name, extra, field, reason) => {
    const { t, doctor } = await clinic();
    const s = await survivor(t, doctor.token);
    await expectRefused(
      t,
      'violence.saveCertificate',
      draft(s, extra),
      doctor.token,
      { field, reason },
      {
        rowsSql: ROWS_SQL,
        tab: () => t.must('violence.forPerson', { personId: s.personId }, doctor.token),
      },
    );
  });

  it('a correction of a draft with a bad field leaves the draft as it was', async () => {
    const { t, doctor } = await clinic();
    const s = await survivor(t, doctor.token);
    const d = await t.must('violence.saveCertificate', draft(s), doctor.token);
    await expectRefused(
      t,
      'violence.saveCertificate',
      draft(s, { certificateId: d.id, version: d.version, ittDays: 400 }),
      doctor.token,
      { field: 'ittDays', reason: 'itt_out_of_range' },
      { rowsSql: ROWS_SQL },
    );
  });
});

describe('who sees which certificates', () => {
  it('after a consent withdrawal, the incident’s author sees her own certificates only', async () => {
    const { t, doctor, other } = await clinic();
    const s = await survivor(t, doctor.token);
    const hers = await t.must('violence.saveCertificate', draft(s), doctor.token);
    await t.must('violence.saveCertificate', draft(s), other.token);
    await t.must(
      'persons.recordConsent',
      { personId: s.personId, scope: 'social_legal', given: false },
      doctor.token,
    );
    const tab = await t.must('violence.forPerson', { personId: s.personId }, doctor.token);
    expect(tab.items[0].certificates.map((c) => c.id)).toEqual([hers.id]);
    // The colleague's certificate on someone else's incident is not hers to read either.
    const r = await t.call('violence.forPerson', { personId: s.personId }, other.token);
    expect(r.ok && r.value.items).toEqual([]);
  });
});

describe('the PDF (French, HAS structure)', () => {
  it('exists for issued certificates only, and its read names the certificate in the audit log', async () => {
    const { t, doctor } = await clinic();
    const s = await survivor(t, doctor.token);
    const d = await t.must('violence.saveCertificate', draft(s), doctor.token);
    const refused = await t.call(
      'violence.certificatePdf',
      { personId: s.personId, certificateId: d.id },
      doctor.token,
    );
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'validation',
      field: 'certificateId',
      details: { reason: 'certificate_not_issued' },
    });
    await t.must(
      'violence.issueCertificate',
      { personId: s.personId, certificateId: d.id, version: d.version },
      doctor.token,
    );
    const pdf = await t.must(
      'violence.certificatePdf',
      { personId: s.personId, certificateId: d.id },
      doctor.token,
    );
    expect(pdf.filename).toMatch(/^certificat-lesions-.+-2026-03-02\.pdf$/);
    const audit = await storeSnapshot(
      t,
      `SELECT action, section, target_type AS type, target_id AS id FROM audit_log WHERE target_type = 'injury_certificate' AND action = 'read'`,
    );
    expect(JSON.parse(audit)).toEqual([
      { action: 'read', section: 'violence', type: 'injury_certificate', id: d.id },
    ]);
  });

  it('prints every item of the model, the site’s local time, and never the perpetrator category', async () => {
    const { t, doctor } = await clinic();
    const s = await survivor(t, doctor.token);
    const d = await t.must(
      'violence.saveCertificate',
      draft(s, { requestedBy: 'requisition', requisitionRef: '2026/114 du procureur du Roi' }),
      doctor.token,
    );
    await t.must(
      'violence.issueCertificate',
      { personId: s.personId, certificateId: d.id, version: d.version },
      doctor.token,
    );
    const text = pdfText(
      Buffer.from(
        (await t.must('violence.certificatePdf', { personId: s.personId, certificateId: d.id }, doctor.token))
          .base64,
        'base64',
      ),
    ).replace(/\s+/g, ' ');
    for (const expected of [
      // Header: centre, site, address, phone, title.
      'Centre Chams, Marrakech',
      '12 avenue Mohammed V',
      'Tél. 05 24 00 11 22',
      'CERTIFICAT MÉDICAL INITIAL CONSTATANT DES LÉSIONS',
      // The undersigned, the examination in the site's local time (08:30 UTC = 17:30 in Tokyo).
      'Je soussigné(e), Dr dora (test), Médecin, n° 10003456789, certifie avoir examiné le 02/03/2026 à 17:30 (heure locale du site)',
      'sur réquisition n° 2026/114 du procureur du Roi',
      'Salma Benali, né(e) le 12/04/1995, identité vérifiée sur présentation de : Carte nationale AB123456',
      'Dires de la personne examinée',
      'Selon ses dires : «  Il m’a frappée au visage avec sa main.  »',
      'Doléances',
      'Douleur à la joue',
      'Examen clinique — constatations',
      'Pommette gauche',
      'Ecchymose',
      '3,5 cm',
      'violacée, ovale',
      'Autres constatations : Pas d’autre lésion visible',
      'Retentissement psychologique',
      'Pleurs, sidération',
      'Examens complémentaires et soins',
      'Radiographie des os propres du nez',
      'une incapacité totale de travail (ITT) de 3 jour(s), sous réserve de complications',
      'remis en main propre le 02/03/2026 pour faire valoir ce que de droit',
      'Signature et cachet du médecin',
      // The person's name and the page on every page.
      'Salma Benali — Page 1 / ',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(expected.replace(/\s+/g, ' '));
    // The perpetrator category (police) and the place are never printed.
    for (const never of ['Police', 'police', 'autorité', 'Locaux']) expect(text).not.toContain(never);
  });

  it('a correction says which certificate it replaces, and the replaced one says by which', async () => {
    const { t, doctor } = await clinic();
    const s = await survivor(t, doctor.token);
    const d = await t.must('violence.saveCertificate', draft(s, { ittDays: 0 }), doctor.token);
    await t.must(
      'violence.issueCertificate',
      { personId: s.personId, certificateId: d.id, version: d.version },
      doctor.token,
    );
    const c = await t.must(
      'violence.saveCertificate',
      draft(s, { replacesId: d.id, ittDays: null }),
      doctor.token,
    );
    await t.must(
      'violence.issueCertificate',
      { personId: s.personId, certificateId: c.id, version: c.version },
      doctor.token,
    );
    const read = async (id: string) =>
      pdfText(
        Buffer.from(
          (await t.must('violence.certificatePdf', { personId: s.personId, certificateId: id }, doctor.token))
            .base64,
          'base64',
        ),
      ).replace(/\s+/g, ' ');
    const old = await read(d.id);
    expect(old).toContain('Ce certificat est remplacé par le certificat du 02/03/2026.');
    expect(old).toContain('n’entraînent pas d’incapacité totale de travail (ITT)');
    const fresh = await read(c.id);
    expect(fresh).toContain('Ce certificat remplace le certificat du 02/03/2026.');
    expect(fresh).toContain('n’a pas été évaluée');
  });
});

describe('merging files', () => {
  it('moves the certificates (and their incident) to the kept file; the PDF is printed from there', async () => {
    const { t, doctor } = await clinic();
    const kept = await survivor(t, doctor.token, 'Salma');
    const other = await survivor(t, doctor.token, 'Salma B.');
    const d = await t.must('violence.saveCertificate', draft(other), doctor.token);
    await t.must(
      'violence.issueCertificate',
      { personId: other.personId, certificateId: d.id, version: d.version },
      doctor.token,
    );
    const version = async (id: string) => (await t.must('persons.get', { id }, t.worker.token)).version;
    const merged = await t.call(
      'persons.merge',
      {
        survivorId: kept.personId,
        mergedId: other.personId,
        survivorVersion: await version(kept.personId),
        mergedVersion: await version(other.personId),
      },
      t.token,
    );
    expect(merged.ok).toBe(true);
    const tab = await t.must('violence.forPerson', { personId: kept.personId }, doctor.token);
    expect(tab.items.flatMap((i) => i.certificates.map((c) => c.id))).toEqual([d.id]);
    const pdf = await t.call(
      'violence.certificatePdf',
      { personId: kept.personId, certificateId: d.id },
      doctor.token,
    );
    expect(pdf.ok).toBe(true);
  });
});
