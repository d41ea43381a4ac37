/**
 * The Documents panel of an incident (Violences tab): a file that is not a PDF, JPEG or PNG and an
 * encrypted PDF are refused under the file field, in French, and nothing is stored; a photo is
 * attached (the user is told its metadata were removed) and listed with its kind and author; it
 * opens in the app's viewer from a `blob:` URL revoked on close; it is deleted only after the
 * confirmation, and cancelling keeps it. A PDF opens with pdf.js (mocked at `pdf.ts`: jsdom has no
 * canvas) from the bytes in memory, one page at a time, turned by keyboard, destroyed on close.
 * The same panel stores on a legal procedure, not on the case plan.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PdfDocumentHandle } from '../../renderer/features/attachments/pdf';
import { addMember, startCentre, type Member } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';
import { encryptedPdf, jpegWithGps, PNG_PLAIN } from '../unit/helpers/image-fixtures';

// jsdom has no canvas: pdf.js is replaced at the app's one boundary with it (`pdf.ts`).
const pdfMock = vi.hoisted(() => ({
  loadPdf: vi.fn(),
}));
vi.mock('../../renderer/features/attachments/pdf', () => pdfMock);

const SOCIAL: Member = {
  username: 'sara.social',
  displayName: 'Sara Alaoui',
  password: 'assistante-sociale-2024',
  roles: ['social_worker'],
};

async function scene() {
  const centre = await startCentre();
  await addMember(centre, SOCIAL);
  const token = await centre.signIn(SOCIAL);
  const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
  await centre.must(
    'persons.recordConsent',
    { personId: person.id, scope: 'social_legal', given: true },
    token,
  );
  const incident = await centre.must(
    'violence.saveIncident',
    {
      personId: person.id,
      occurredOn: addDays(siteDate(new Date()), -10),
      placeKind: 'home',
      seedTypes: ['physical_assault'],
      gbvimsType: 'physical_assault',
    },
    token,
  );
  const stored = () =>
    centre.must('violence.attachments', { personId: person.id, incidentId: incident.id }, token);
  return { centre, token, person, stored };
}

const file = (bytes: Uint8Array, name: string, type: string) =>
  new File([new Uint8Array(bytes)], name, { type });

describe('the Documents panel', () => {
  it('refuses a wrong type and an encrypted PDF next to the file field; attaches, lists, opens and deletes a photo', async () => {
    const { person, stored } = await scene();
    const { user } = await renderApp(SOCIAL, `/persons/${person.id}/violence`);
    const panel = await screen.findByRole('region', { name: 'Documents' });
    await within(panel).findByText('Aucun document.');
    const input = within(panel).getByLabelText(/^Fichier/);
    const attach = within(panel).getByRole('button', { name: 'Joindre le document' });

    await user.click(attach);
    await expectFieldError(input, 'Choisissez un fichier.');

    await user.upload(
      input,
      file(new TextEncoder().encode('MZ not a document'), 'photo.pdf', 'application/pdf'),
    );
    await user.click(attach);
    await expectFieldError(input, 'Seuls un PDF, un JPEG ou un PNG peuvent être joints.');

    await user.upload(input, file(encryptedPdf('trailer'), 'jugement.pdf', 'application/pdf'));
    await user.click(attach);
    await expectFieldError(input, 'Ce PDF est protégé par un mot de passe');
    expect(await stored()).toEqual([]);

    await user.upload(input, file(jpegWithGps().file, 'blessure.jpg', 'image/jpeg'));
    await user.selectOptions(within(panel).getByLabelText('Type de document'), 'Certificat');
    await user.click(attach);
    await within(panel).findByText(/Les métadonnées de la photo .* ont été retirées/);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    const line = await within(panel).findByRole('listitem', { name: 'blessure.jpg' });
    expect(line.textContent).toContain('Certificat');
    expect(line.textContent).toContain('par Sara Alaoui');
    expect(await stored()).toMatchObject([
      { fileName: 'blessure.jpg', kind: 'certificate', mediaType: 'image/jpeg' },
    ]);

    // Opened in the app: an image from a blob: URL of the bytes in memory, revoked on close.
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    await user.click(within(line).getByRole('button', { name: 'Ouvrir' }));
    const viewer = await screen.findByRole('dialog', { name: 'blessure.jpg' });
    const image = await within(viewer).findByRole('img', { name: 'Image : blessure.jpg' });
    const url = image.getAttribute('src') ?? '';
    expect(url).toMatch(/^blob:/);
    await user.click(within(viewer).getByRole('button', { name: 'Fermer le document' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'blessure.jpg' })).toBeNull());
    expect(revoke).toHaveBeenCalledWith(url);
    revoke.mockRestore();

    // Deleted only once confirmed.
    await user.click(within(line).getByRole('button', { name: 'Supprimer' }));
    let confirm = await screen.findByRole('dialog', { name: 'Supprimer ce document ?' });
    await user.click(within(confirm).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Supprimer ce document ?' })).toBeNull());
    expect(await stored()).toHaveLength(1);
    await user.click(within(line).getByRole('button', { name: 'Supprimer' }));
    confirm = await screen.findByRole('dialog', { name: 'Supprimer ce document ?' });
    await user.click(within(confirm).getByRole('button', { name: 'Supprimer définitivement' }));
    await within(panel).findByText('Aucun document.');
    expect(await stored()).toEqual([]);
  });

  it('opens a PDF in the app with pdf.js: page 1 first, "1 / N", next page by keyboard, destroyed on close', async () => {
    const { person } = await scene();
    const renderPage = vi.fn<PdfDocumentHandle['renderPage']>(() => Promise.resolve());
    const destroy = vi.fn(() => Promise.resolve());
    pdfMock.loadPdf.mockImplementation(() => ({
      promise: Promise.resolve({ pageCount: 3, renderPage }),
      destroy,
    }));
    const createUrl = vi.spyOn(URL, 'createObjectURL');
    const { user } = await renderApp(SOCIAL, `/persons/${person.id}/violence`);
    const panel = await screen.findByRole('region', { name: 'Documents' });
    const pdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await user.upload(within(panel).getByLabelText(/^Fichier/), file(pdf, 'jugement.pdf', 'application/pdf'));
    await user.click(within(panel).getByRole('button', { name: 'Joindre le document' }));
    const line = await within(panel).findByRole('listitem', { name: 'jugement.pdf' });

    await user.click(within(line).getByRole('button', { name: 'Ouvrir' }));
    const viewer = await screen.findByRole('dialog', { name: 'jugement.pdf' });
    await within(viewer).findByText('1 / 3');
    // The bytes read from the core, in memory: no URL made of them, no frame.
    expect(pdfMock.loadPdf).toHaveBeenCalledTimes(1);
    const [bytes] = pdfMock.loadPdf.mock.calls[0] as [Uint8Array];
    expect(Array.from(bytes)).toEqual(Array.from(pdf));
    expect(createUrl).not.toHaveBeenCalled();
    expect(viewer.querySelector('iframe, object, embed')).toBeNull();
    await waitFor(() => expect(renderPage).toHaveBeenCalled());
    expect(renderPage.mock.calls[0]?.[0]).toBe(1);
    expect(renderPage.mock.calls[0]?.[1]).toBeInstanceOf(HTMLCanvasElement);
    expect(within(viewer).getByRole('button', { name: 'Page précédente' }).hasAttribute('disabled')).toBe(
      true,
    );

    // Keyboard: the page takes the focus, the arrow key turns it.
    const pages = within(viewer).getByRole('group', { name: 'Document PDF : jugement.pdf' });
    pages.focus();
    await user.keyboard('{ArrowRight}');
    await within(viewer).findByText('2 / 3');
    await waitFor(() => expect(renderPage.mock.lastCall?.[0]).toBe(2));
    await user.keyboard('{PageDown}{ArrowRight}');
    await within(viewer).findByText('3 / 3');
    expect(within(viewer).getByRole('button', { name: 'Page suivante' }).hasAttribute('disabled')).toBe(true);
    await user.keyboard('{ArrowLeft}');
    await within(viewer).findByText('2 / 3');

    expect(destroy).not.toHaveBeenCalled();
    await user.click(within(viewer).getByRole('button', { name: 'Fermer le document' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'jugement.pdf' })).toBeNull());
    expect(destroy).toHaveBeenCalledTimes(1);
    createUrl.mockRestore();
  });

  it('is the same panel on a legal procedure and on the case plan, each storing on its own record', async () => {
    const { centre, token, person } = await scene();
    const procedure = await centre.must(
      'legal.saveProcedure',
      { personId: person.id, type: 'first_national_id', openedOn: addDays(siteDate(new Date()), -3) },
      token,
    );
    const plan = await centre.must('casePlans.open', { personId: person.id }, token);
    const { user } = await renderApp(SOCIAL, `/persons/${person.id}/legal`);
    const card = await screen.findByRole('region', { name: 'Première carte d’identité' });
    const panel = await within(card).findByRole('region', { name: 'Documents' });
    await user.upload(within(panel).getByLabelText(/^Fichier/), file(PNG_PLAIN, 'cni.png', 'image/png'));
    await user.click(within(panel).getByRole('button', { name: 'Joindre le document' }));
    await within(panel).findByRole('listitem', { name: 'cni.png' });
    expect(
      await centre.must('legal.attachments', { personId: person.id, procedureId: procedure.id }, token),
    ).toMatchObject([{ fileName: 'cni.png', mediaType: 'image/png' }]);
    expect(
      await centre.must('casePlans.attachments', { personId: person.id, planId: plan.id }, token),
    ).toEqual([]);
  });
});
