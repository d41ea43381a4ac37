/**
 * The reception board on two workstations: what one does, the other sees within seconds. A call
 * moves the card, "absent" puts it back in the queue at its place by arrival, and a PEP priority
 * rises to the top of the board.
 */
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';
import { workstation } from './workstation';

test('two workstations share the board: arrival, call, absent, PEP first', async ({
  page,
  browser,
  request,
  parcours,
}) => {
  const { centre, worker: reception } = await atReception(request);
  const doctor = await staff(request, TEAM.doctor);
  const sacha = await createPerson(request, centre, reception, { nameUsed: 'Sacha Leroy', pronouns: 'iel' });
  await createPerson(request, centre, reception, { nameUsed: 'Louise Martin' });
  const jo = await createPerson(request, centre, reception, { nameUsed: 'Jo Petit' });
  // Jo shares their file with the care team: the reason of a priority (PEP) is shown to it.
  await recordConsent(request, reception, jo.id, 'care_team');

  // Workstation 1: reception. Workstation 2: the doctor's office, another browser.
  await signIn(page, reception);
  const desk = new BoardPage(page);
  await desk.goto();
  const otherErrors: string[] = [];
  const office = await workstation(browser, parcours.url, otherErrors);
  await signIn(office, doctor);
  const officeBoard = new BoardPage(office);
  await officeBoard.goto();
  // The doctor lands on their own queue; this test follows the whole evening.
  await officeBoard.showWholeBoard();

  // An arrival recorded elsewhere (here through the API) shows on the other workstation.
  await api(request, 'visits.checkIn', { personId: sacha.id, siteId: centre.siteId }, reception.token);
  await expect(officeBoard.rowFor('Sacha Leroy')).toBeVisible({ timeout: 6_000 });
  await officeBoard.expectStep('Sacha Leroy', "En attente d'entretien");
  await expect(officeBoard.rowFor('Sacha Leroy')).toContainText('(iel)');
  await expect(officeBoard.rowFor('Sacha Leroy')).toContainText(/MTP-\d{4}-\d{5}/);
  await expect(officeBoard.rowFor('Sacha Leroy')).toContainText('depuis 0 min');

  // An arrival recorded through the reception screen.
  await desk.checkIn('Louise', 'Louise Martin');
  await officeBoard.expectStep('Louise Martin', "En attente d'entretien");
  expect(await officeBoard.namesIn("En attente d'entretien")).toEqual(['Sacha Leroy', 'Louise Martin']);

  // Reception calls Sacha in: the card moves on both screens, with who Sacha is with.
  await desk.call('Sacha Leroy');
  await desk.expectStep('Sacha Leroy', 'En entretien');
  await officeBoard.expectStep('Sacha Leroy', 'En entretien');
  await expect(officeBoard.rowFor('Sacha Leroy')).toContainText('avec Alex Moreau');

  // Not there: back in the queue, before Louise who arrived later.
  await desk.markAbsent('Sacha Leroy');
  await officeBoard.expectStep('Sacha Leroy', "En attente d'entretien");
  await expect
    .poll(() => officeBoard.namesIn("En attente d'entretien"))
    .toEqual(['Sacha Leroy', 'Louise Martin']);
  await expect(officeBoard.rowFor('Sacha Leroy')).toContainText('remis·e dans la file 1 fois');

  // The same with the keyboard: A calls the focused card in, R puts it back.
  await desk.rowFor('Sacha Leroy').focus();
  await page.keyboard.press('a');
  await desk.expectStep('Sacha Leroy', 'En entretien');
  await expect(desk.rowFor('Sacha Leroy')).toBeFocused();
  await page.keyboard.press('r');
  await desk.expectStep('Sacha Leroy', "En attente d'entretien");
  await expect(officeBoard.rowFor('Sacha Leroy')).toContainText('remis·e dans la file 2 fois');

  // Jo arrives last; the doctor marks a PEP under 72 h: Jo rises to the top of the board everywhere.
  await api(request, 'visits.checkIn', { personId: jo.id, siteId: centre.siteId }, reception.token);
  await expect
    .poll(() => officeBoard.namesIn("En attente d'entretien"))
    .toEqual(['Sacha Leroy', 'Louise Martin', 'Jo Petit']);
  await officeBoard.setPriority('Jo Petit', 'TPE < 72 h');
  await expect(desk.priorities().getByRole('article')).toHaveCount(1);
  await expect(desk.priorities().getByRole('heading', { name: 'Jo Petit' })).toBeVisible();
  await expect(desk.rowFor('Jo Petit')).toContainText('En attente d’entretien');
  await expect.poll(() => desk.namesIn("En attente d'entretien")).toEqual(['Sacha Leroy', 'Louise Martin']);
  await expect(desk.rowFor('Jo Petit')).toContainText('TPE < 72 h');

  // The doctor sends Louise on to the doctor's queue and calls her in from there.
  await officeBoard.nextStep('Louise Martin', 'En attente médecin');
  await officeBoard.call('Louise Martin');
  await desk.expectStep('Louise Martin', 'Avec le médecin');
  await expect(desk.rowFor('Louise Martin')).toContainText('avec Nadia Benali');

  await page.screenshot({ path: '/tmp/parcours-board.png', fullPage: true });
  await office.context().close();
  expect(otherErrors, 'the second workstation logged errors').toEqual([]);
});
