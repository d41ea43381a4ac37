/**
 * Documents in the app (issue 11 item 8): a social worker attaches a PDF to an incident from the
 * Violences tab, opens it in the app's viewer — drawn by pdf.js (its worker a same-origin file) to
 * a <canvas> from the bytes in the page's memory, page 2 reached with the arrow key: no frame, no
 * plugin, nothing refused by the CSP, no download — closes it (the worker ends), and deletes it
 * after the confirmation.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { DossierPage } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';

const NAME = 'Amina Berrada';

/** A small, valid, unencrypted PDF with two pages: a black square on white, then a blank page. */
function samplePdf(): Buffer {
  const drawing = '0 0 0 rg 50 50 100 100 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> /Contents 4 0 R >>',
    `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj ${o} endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, '0')} 00000 n \n`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Whether the canvas shows black ink and white paper (each over 100 opaque pixels). */
function drawn(canvas: Locator): Promise<{ ink: boolean; paper: boolean }> {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const context = el.getContext('2d');
    if (!context || el.width === 0) return { ink: false, paper: false };
    const { data } = context.getImageData(0, 0, el.width, el.height);
    let dark = 0;
    let light = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 200 && r + g + b < 60) dark += 1;
      if (a > 200 && r + g + b > 700) light += 1;
    }
    return { ink: dark > 100, paper: light > 100 };
  });
}

test('a social worker attaches a PDF to an incident, opens it in the app, deletes it', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  const social = await staff(request, TEAM.social);
  const person = await createPerson(request, centre, worker, { nameUsed: NAME });
  await recordConsent(request, worker, person.id, 'social_legal');
  const day = new Date(Date.now() - 5 * 86_400_000).toLocaleDateString('en-CA', {
    timeZone: centre.timezone,
  });
  await api(
    request,
    'violence.saveIncident',
    {
      personId: person.id,
      occurredOn: day,
      placeKind: 'home',
      seedTypes: ['physical_assault'],
      gbvimsType: 'physical_assault',
    },
    social.token,
  );
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  // pdf.js's worker: a bundled file of this origin, started for the viewer and ended with it.
  const pdfWorkers: { url: string; closed: boolean }[] = [];
  page.on('worker', (w) => {
    const seen = { url: w.url(), closed: false };
    pdfWorkers.push(seen);
    w.on('close', () => (seen.closed = true));
  });
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await signIn(page, TEAM.social);
  const search = new PersonSearch(page);
  await search.search('Amina');
  await page.keyboard.press('Enter');
  const dossier = new DossierPage(page);
  await dossier.expectPerson(NAME);
  await dossier.openTab('Violences');

  const documents = page.getByRole('region', { name: 'Documents' });
  await expect(documents.getByText('Aucun document.')).toBeVisible();
  await documents.getByLabel(/^Fichier/).setInputFiles({
    name: 'jugement_Amina.pdf',
    mimeType: 'application/pdf',
    buffer: samplePdf(),
  });
  await documents.getByLabel('Type de document').selectOption('court_decision');
  await documents.getByRole('button', { name: 'Joindre le document' }).click();
  const line = documents.getByRole('listitem', { name: 'jugement_Amina.pdf' });
  await expect(line).toContainText('Décision de justice');

  await line.getByRole('button', { name: 'Ouvrir' }).click();
  const viewer = page.getByRole('dialog', { name: 'jugement_Amina.pdf' });
  await expect(viewer.getByText('1 / 2')).toBeVisible();
  // pdf.js really drew the page: white paper and the black square (a blank canvas is all 0 alpha).
  const firstPage = viewer.getByRole('img', { name: 'Page 1 sur 2' });
  await expect(firstPage).toBeVisible();
  await expect.poll(() => drawn(firstPage)).toEqual({ ink: true, paper: true });
  // Turned by keyboard: the page has the focus, the arrow key shows page 2 (paper, no square).
  await viewer.getByRole('group', { name: 'Document PDF : jugement_Amina.pdf' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(viewer.getByText('2 / 2')).toBeVisible();
  const secondPage = viewer.getByRole('img', { name: 'Page 2 sur 2' });
  await expect.poll(() => drawn(secondPage)).toEqual({ ink: false, paper: true });
  // No frame, no plugin: the browser's PDF viewer (and its download and print) is never involved.
  await expect(viewer.locator('iframe, object, embed')).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  expect(pdfWorkers.map((w) => w.url)).toEqual([
    expect.stringMatching(new RegExp(`^${origin}/assets/pdf\\.worker[^/]*\\.mjs$`)),
  ]);
  await viewer.getByRole('button', { name: 'Fermer le document' }).click();
  await expect(viewer).toHaveCount(0);
  await expect.poll(() => pdfWorkers.every((w) => w.closed)).toBe(true);

  await line.getByRole('button', { name: 'Supprimer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Supprimer ce document ?' });
  await confirm.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(documents.getByText('Aucun document.')).toBeVisible();
  expect(refused).toEqual([]);
  expect(downloads).toEqual([]);
});
