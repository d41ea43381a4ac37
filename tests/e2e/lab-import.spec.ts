/**
 * The laboratory's results file (issue 10's proof, docs/lab-results-csv.md): two persons of the
 * centre have serologies waiting for the laboratory. The nurse uploads the CSV on "Résultats du
 * laboratoire": one line names a test the catalogue does not know, so the preview lists that error
 * by line and column, "Importer" stays off and neither dossier gets a result. The fixed file is
 * accepted whole, and each result reaches the right person's dossier — not the other's.
 *
 * The scene (persons, consents, samples taken) is set through the API; the file never touches the
 * disk (chosen from memory).
 */
import { expect, test } from './fixtures';
import { DossierPage } from './pages/DossierPage';
import { LabImportPage } from './pages/LabImportPage';
import { ScreeningsTab } from './pages/ScreeningsTab';
import { TestAndTreatPanel } from './pages/TestAndTreatPanel';
import {
  api,
  atReception,
  createPerson,
  recordConsent,
  signIn,
  staff,
  TEAM,
  type CreatedPerson,
} from './pathway-setup';

const HIV = 'Sérologie VIH (laboratoire)';
const SYPHILIS = 'Sérologie syphilis (laboratoire)';
const HAV = 'Sérologie VHA (laboratoire)';

/** `YYYY-MM-DD` of an instant in the site's calendar. */
function siteDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The laboratory's export: `;`-separated, a header line, one line per result. */
function labFile(lines: readonly string[]): string {
  return ['file_number;sample_date;test_code;result;value;result_date', ...lines].join('\r\n') + '\r\n';
}

test('a laboratory file with one bad line is refused whole, then accepted once fixed: each result reaches its own dossier', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  const nurse = await staff(request, TEAM.nurse);
  const takenAt = new Date(Date.now() - 2 * 60_000);
  const sampled = siteDate(takenAt, centre.timezone);
  const today = siteDate(new Date(), centre.timezone);
  const sendToLab = async (nameUsed: string, tests: string[]): Promise<CreatedPerson> => {
    const person = await createPerson(request, centre, worker, { nameUsed });
    await recordConsent(request, worker, person.id, 'care_team');
    await api(
      request,
      'screenings.saveSamples',
      {
        personId: person.id,
        siteId: centre.siteId,
        takenAt: takenAt.toISOString(),
        add: tests.map((testCode) => ({ testCode })),
      },
      nurse.token,
    );
    return person;
  };
  const lea = await sendToLab('Léa Fontaine', ['hiv_serology_lab', 'syphilis_serology_lab']);
  const hugo = await sendToLab('Hugo Bernard', [
    'hiv_serology_lab',
    'syphilis_serology_lab',
    'hav_serology_lab',
  ]);
  const line = (who: CreatedPerson, test: string, result: string, value = '') =>
    `${who.fileNumber};${sampled};${test};${result};${value};${today}`;
  const good = [
    line(lea, 'hiv_serology_lab', 'negative'),
    line(lea, 'syphilis_serology_lab', 'positive', '1:16'),
    line(hugo, 'hiv_serology_lab', 'negative'),
    line(hugo, 'syphilis_serology_lab', 'negative'),
  ];

  await signIn(page, TEAM.nurse);
  const lab = new LabImportPage(page);
  await lab.goto();

  // Line 6 names a test the centre's catalogue does not have: the whole file is refused.
  await lab.choose('resultats-labo.csv', labFile([...good, line(hugo, 'hav_serology', 'immune')]));
  await expect(lab.errors().getByRole('row')).toHaveCount(2); // the header and the one error
  await expect(lab.error(6, 'test_code')).toContainText(
    'Cet examen n’est pas dans le catalogue du centre (ou n’est plus proposé).',
  );
  await expect(lab.importButton()).toBeDisabled();

  // Nothing was written: both persons' samples still wait for their results.
  const dossier = new DossierPage(page);
  const tests = new ScreeningsTab(page);
  for (const [person, samples] of [
    [lea, [HIV, SYPHILIS]],
    [hugo, [HIV, SYPHILIS, HAV]],
  ] as const) {
    await page.goto(`/#/persons/${person.id}`);
    await dossier.expectPerson(person.nameUsed);
    await dossier.openTab('Dépistages');
    for (const sample of samples) {
      await expect(tests.sample(sample)).toContainText('Prélevé');
      await expect(tests.sample(sample).getByRole('button', { name: /^Saisir le résultat/ })).toBeVisible();
      await expect(tests.sample(sample)).not.toContainText(/Positif|Négatif|Immunisé/);
    }
  }

  // The fixed file: every line matched to its person's sample, then imported whole.
  await lab.goto();
  await lab.choose(
    'resultats-labo-corrige.csv',
    labFile([...good, line(hugo, 'hav_serology_lab', 'immune')]),
  );
  await expect(page.getByText('5 résultats prêts à importer (5 lignes).')).toBeVisible();
  await expect(lab.previewRow(3)).toContainText('Léa Fontaine');
  await expect(lab.previewRow(3)).toContainText('Syphilis');
  await expect(lab.previewRow(6)).toContainText('Hugo Bernard');
  await lab.importButton().click();
  await expect(page.getByText('5 résultats importés.')).toBeVisible();
  await expect(page.getByText('À traiter : Syphilis')).toHaveCount(1);

  // Léa's dossier: her two results, her positive syphilis to treat, no hepatitis A test.
  await lab.dossierLink('Léa Fontaine').click();
  await dossier.expectPerson('Léa Fontaine');
  await expect(tests.sample(SYPHILIS)).toContainText('Positif 1:16');
  await expect(tests.sample(HIV)).toContainText('Négatif');
  await expect(tests.sample(HAV)).toHaveCount(0);
  await expect(new TestAndTreatPanel(page).item('Syphilis')).toContainText('À traiter');

  // Hugo's dossier: his own three results; Léa's positive is not his.
  await page.goto(`/#/persons/${hugo.id}`);
  await dossier.expectPerson('Hugo Bernard');
  await dossier.openTab('Dépistages');
  await expect(tests.sample(SYPHILIS)).toContainText('Négatif');
  await expect(tests.sample(SYPHILIS)).not.toContainText('Positif');
  await expect(tests.sample(HIV)).toContainText('Négatif');
  await expect(tests.sample(HAV)).toContainText('Immunisé·e');
  await expect(page.getByText('Aucun positif à traiter.')).toBeVisible();
});
