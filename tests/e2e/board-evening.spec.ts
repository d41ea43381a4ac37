/**
 * A real reception evening (issue 9): 24 people in the centre, seen on a 1366×800 window in the
 * compact layout — one short line per person, the PEP person first whatever their column, the
 * count waiting per column in sight; and a person booked today, checked in from the board, whose
 * appointment becomes "arrived".
 */
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';

const ZONE = 'Europe/Paris';
const HOUR = 3600_000;

interface Visit {
  id: string;
  version: number;
}

/** `YYYY-MM-DD` of an instant in the site's zone. */
function siteDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** A site wall-clock time of `date` as an ISO instant (the offset of that day in Paris). */
function parisInstant(date: string, time: string): string {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? '1');
  return new Date(
    `${date}T${time}:00${hours >= 0 ? '+' : '-'}${String(Math.abs(hours)).padStart(2, '0')}:00`,
  ).toISOString();
}

test.describe('on a 1366×800 window', () => {
  test.use({ viewport: { width: 1366, height: 800 } });

  test('an evening of 24 people on the compact board with the PEP person on top', async ({
    page,
    request,
  }) => {
    const { centre, worker } = await atReception(request);
    const doctor = await staff(request, TEAM.doctor);
    const arrive = async (nameUsed: string, step = 'waiting_interview') => {
      const person = await createPerson(request, centre, worker, { nameUsed });
      const visit = await api<Visit>(
        request,
        'visits.checkIn',
        { personId: person.id, siteId: centre.siteId, step },
        worker.token,
      );
      return { person, visit };
    };
    const callIn = (visit: Visit, step: string, token: string) =>
      api(request, 'visits.move', { visitId: visit.id, version: visit.version, step }, token);

    // Sixteen wait for an interview, two are in one; the doctor has three and sees one; the
    // nurse has two waiting.
    for (let i = 1; i <= 16; i += 1) await arrive(`Attente ${String(i).padStart(2, '0')}`);
    for (let i = 1; i <= 2; i += 1)
      await callIn((await arrive(`Entretien ${i}`)).visit, 'in_interview', worker.token);
    for (let i = 1; i <= 2; i += 1) await arrive(`Médecin ${i}`, 'waiting_doctor');
    await callIn((await arrive('Consultation 1', 'waiting_doctor')).visit, 'with_doctor', doctor.token);
    for (let i = 1; i <= 2; i += 1) await arrive(`Infirmerie ${i}`, 'waiting_nurse');
    // Jo arrived last, exposed 30 hours ago: the interview raises the PEP priority, Jo waits for the doctor.
    const jo = await createPerson(request, centre, worker, { nameUsed: 'Jo Petit' });
    await recordConsent(request, worker, jo.id, 'care_team');
    const joVisit = await api<Visit>(
      request,
      'visits.checkIn',
      { personId: jo.id, siteId: centre.siteId, step: 'waiting_doctor' },
      worker.token,
    );
    await api(
      request,
      'interviews.save',
      {
        personId: jo.id,
        visitId: joVisit.id,
        heldAt: new Date().toISOString(),
        lastRiskAt: new Date(Date.now() - 30 * HOUR).toISOString(),
        exposures: ['anal_receptive'],
        needs: ['screening'],
      },
      worker.token,
    );

    await signIn(page, worker);
    // Reception lands on the board.
    const board = new BoardPage(page);
    await expect(board.heading()).toBeVisible();
    await page.locator('label', { hasText: 'Liste compacte' }).click();

    const rows = page.locator('[data-board-row]');
    await expect(rows).toHaveCount(24);
    const first = rows.first();
    await expect(first.getByRole('heading')).toHaveText('Jo Petit');
    await expect(first).toBeInViewport({ ratio: 1 });
    await expect(first).toContainText('En attente médecin');
    await expect(first.getByTestId('priority')).toHaveText(/^TPE < 72 h · reste 4[12] h$/);
    // The count waiting per column stays in sight, whatever the scroll.
    const counts = page.getByRole('group', { name: 'Personnes en attente par colonne' });
    await expect(counts.getByTestId('waiting-interview')).toHaveText('16 en attente');
    await expect(counts.getByTestId('waiting-doctor')).toHaveText('3 en attente');
    await expect(counts.getByTestId('waiting-nurse')).toHaveText('2 en attente');

    // Short lines: at least 15 people fully visible without scrolling.
    const boxes = await rows.evaluateAll((elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: r.height };
      }),
    );
    const fullyVisible = boxes.filter((b) => b.top >= 0 && b.bottom <= 800);
    expect(fullyVisible.length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...boxes.map((b) => b.height))).toBeLessThanOrEqual(40);
    await page.screenshot({ path: '/tmp/parcours-evening-compact.png' });

    await page.mouse.wheel(0, 2000);
    await expect(counts).toBeInViewport();
    // Under the header (60 px), not behind it.
    expect((await counts.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual(60);
    await expect(counts.getByTestId('waiting-interview')).toHaveText('16 en attente');

    // The keyboard's person is visibly marked: a focus ring on the row the keys act on.
    await page.mouse.wheel(0, -4000);
    await first.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowDown');
    const second = rows.nth(1);
    await expect(second).toBeFocused();
    await expect(second).toHaveCSS('outline-style', 'solid');
    // The layout stays on this workstation.
    await page.reload();
    await signIn(page, worker);
    await expect(page.locator('[data-board-row]')).toHaveCount(24);
  });
});

test('a booked person checked in from the board marks the appointment arrived', async ({ page, request }) => {
  const { centre, worker } = await atReception(request);
  const nurse = await staff(request, TEAM.nurse);
  const lou = await createPerson(request, centre, worker, { nameUsed: 'Lou Bernard' });
  const today = siteDate(new Date());
  const appointment = await api<{ id: string }>(
    request,
    'appointments.book',
    {
      personId: lou.id,
      siteId: centre.siteId,
      professionalId: nurse.id,
      type: 'screening',
      startsAt: parisInstant(today, '07:00'),
      endsAt: parisInstant(today, '07:30'),
    },
    worker.token,
  );

  await signIn(page, worker);
  const board = new BoardPage(page);
  await expect(board.heading()).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer une arrivée' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer une arrivée' });
  await dialog.getByRole('textbox', { name: /^Personne/ }).fill('Lou');
  await page.getByRole('option', { name: /^Lou Bernard/ }).click();
  await expect(dialog.getByRole('textbox', { name: /Rendez-vous du jour/ })).toHaveValue(
    '07:00 · Dépistage · Sam Dupont',
  );
  await dialog.getByRole('button', { name: 'Enregistrer l’arrivée' }).click();
  await expect(dialog).toBeHidden();
  await board.expectStep('Lou Bernard', "En attente d'entretien");
  // The keyboard is on Lou's card, ready for A (call in).
  await expect(board.rowFor('Lou Bernard')).toBeFocused();

  const listed = await api<{ items: { id: string; status: string }[] }>(
    request,
    'appointments.forPerson',
    { personId: lou.id },
    worker.token,
  );
  expect(listed.items.find((a) => a.id === appointment.id)?.status).toBe('arrived');
  const visits = await api<{ items: { origin: string; appointmentId: string | null }[] }>(
    request,
    'visits.forPerson',
    { personId: lou.id },
    worker.token,
  );
  expect(visits.items[0]).toMatchObject({ origin: 'appointment', appointmentId: appointment.id });
});
