/**
 * Same-day Test and Treat (issue 10's proof, from the results on): a person checked in this
 * evening has CT/NG (throat, anus, urine) and an HIV point-of-care viral load; gonorrhoea is
 * detected at the anus. The positive is unmissable (red banner, the visit first on the board),
 * the nurse gives the pre-filled ceftriaxone, lists two partners notified, and the dossier shows
 * "treated, delay 0 days" while the positive is gone from the "to treat" worklist.
 */
import { expect, test } from './fixtures';
import { DossierPage } from './pages/DossierPage';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';

interface Sample {
  id: string;
  testCode: string;
  anatomicalSite: string | null;
}

test('a positive treated the same day, partners notified, off the worklist', async ({ page, request }) => {
  const { centre, worker } = await atReception(request);
  const nurse = await staff(request, TEAM.nurse);
  const person = await createPerson(request, centre, worker, { nameUsed: 'Malik' });
  await recordConsent(request, worker, person.id, 'care_team');
  const visit = await api<{ id: string }>(
    request,
    'visits.checkIn',
    { personId: person.id, siteId: centre.siteId },
    worker.token,
  );
  const takenAt = new Date(Date.now() - 30 * 60_000).toISOString();
  const { samples } = await api<{ samples: Sample[] }>(
    request,
    'screenings.saveSamples',
    {
      personId: person.id,
      siteId: centre.siteId,
      visitId: visit.id,
      takenAt,
      add: [
        { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' },
        { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' },
        { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'urine' },
        { testCode: 'hiv_vl_qual_poc' },
      ],
    },
    nurse.token,
  );
  const resultedAt = new Date(Date.now() - 10 * 60_000).toISOString();
  for (const s of samples) {
    const value =
      s.testCode === 'hiv_vl_qual_poc'
        ? { type: 'detection', detection: 'not_detected' }
        : {
            type: 'per_target',
            targets: {
              chlamydia: 'not_detected',
              gonorrhoea: s.anatomicalSite === 'anus' ? 'detected' : 'not_detected',
            },
          };
    await api(
      request,
      'screenings.saveResult',
      { personId: person.id, sampleId: s.id, value, resultedAt },
      nurse.token,
    );
  }
  const board = await api<{ rows: Array<{ personId: string; priority: string }> }>(
    request,
    'visits.board',
    { siteId: centre.siteId },
    nurse.token,
  );
  expect(board.rows.find((r) => r.personId === person.id)?.priority).toBe('positive_to_treat');
  const before = await api<{ rows: Array<{ personId: string }> }>(
    request,
    'treatments.worklist',
    { list: 'to_treat' },
    nurse.token,
  );
  expect(before.rows.map((r) => r.personId)).toContain(person.id);

  await signIn(page, TEAM.nurse);
  await page.goto(`/#/persons/${person.id}`);
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Malik');
  await expect(page.getByRole('alert').filter({ hasText: 'Résultat positif à traiter' })).toBeVisible();
  await dossier.openTab('Dépistages');
  const item = page.getByLabel('Gonocoque', { exact: true });
  await expect(item).toContainText('À traiter');
  await item.getByRole('button', { name: 'Traiter' }).click();
  const form = page.getByRole('dialog', { name: 'Traitement — Gonocoque' });
  await expect(form.getByRole('textbox', { name: /^Médicament/ })).toHaveValue('ceftriaxone');
  await expect(form.getByRole('textbox', { name: /^Dose/ })).toHaveValue('1 g');
  await form.getByRole('button', { name: 'Enregistrer le traitement' }).click();
  await expect(form).toBeHidden();
  await expect(item).toContainText('Traité le jour même');

  await item.getByRole('button', { name: 'Partenaires' }).click();
  const partners = page.getByRole('dialog', { name: 'Partenaires — Gonocoque' });
  for (const [n, pseudonym] of ['Partenaire régulier', 'Rencontre appli, samedi'].entries()) {
    await partners.getByRole('button', { name: 'Ajouter un partenaire' }).click();
    await partners
      .getByRole('textbox', { name: /^Pseudonyme/ })
      .nth(n)
      .fill(pseudonym);
    const status = partners.getByRole('textbox', { name: /^Statut/ }).nth(n);
    await status.click();
    await page.getByRole('option', { name: 'Prévenu' }).click();
    await expect(status).toHaveValue('Prévenu');
  }
  await partners.getByRole('button', { name: 'Enregistrer les partenaires' }).click();
  await expect(partners).toBeHidden();
  await expect(item.getByRole('table', { name: 'Partenaires' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('alert').filter({ hasText: 'Résultat positif à traiter' })).toBeHidden();

  await dossier.openTab('Chronologie');
  await expect(page.getByText('Gonocoque : traité, délai 0 jour')).toBeVisible();
  const after = await api<{ rows: Array<{ personId: string }> }>(
    request,
    'treatments.worklist',
    { list: 'to_treat' },
    nurse.token,
  );
  expect(after.rows.map((r) => r.personId)).not.toContain(person.id);
});
