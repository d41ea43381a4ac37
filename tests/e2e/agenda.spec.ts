/**
 * The agenda: the site's opening hours set in the centre's site dialog, a booking in a closed slot
 * refused next to the start field in French (and nothing written), a valid booking in the day
 * view, and tomorrow's reminders greying a person who must never be contacted, with no message.
 */
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/AgendaPage';
import { BoardPage } from './pages/BoardPage';
import { field } from './pages/fields';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';
import { api, createPerson, recordConsent, seededCentre, signIn, staff, TEAM } from './pathway-setup';

const ZONE = 'Europe/Paris';

/** `YYYY-MM-DD` of an instant in the site's zone. */
function siteDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The Monday strictly after `date`: open with the default weekday hours. */
function nextMonday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return addDays(date, (8 - weekday) % 7 || 7);
}

/** A site wall-clock time as an ISO instant (Paris is UTC+1 or +2; the server normalises). */
function parisInstant(date: string, time: string): string {
  const probe = new Date(`${date}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? '1');
  const sign = hours >= 0 ? '+' : '-';
  return `${date}T${time}:00${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

test('opening hours, a refused closed slot, a booking in the day view, tomorrow’s reminders', async ({
  page,
  request,
}) => {
  const centre = seededCentre();
  const doctor = await staff(request, TEAM.doctor);
  const reception = await staff(request, TEAM.worker);
  const camille = await createPerson(request, centre, reception, {
    nameUsed: 'Camille Dubois',
    contact: { phone: '06 12 34 56 78', channels: ['sms'] },
  });
  await recordConsent(request, reception, camille.id, 'contact');
  const dominique = await createPerson(request, centre, reception, {
    nameUsed: 'Dominique Roux',
    contact: { phone: '06 98 76 54 32', channels: ['sms'], neverContact: true },
  });
  await createPerson(request, centre, reception, { nameUsed: 'Sacha Leroy' });
  const lou = await createPerson(request, centre, reception, { nameUsed: 'Lou Bernard' });

  // Tomorrow's appointments, booked while the site is still open at all hours.
  const tomorrow = addDays(siteDate(new Date()), 1);
  for (const [person, time] of [
    [camille.id, '10:00'],
    [dominique.id, '11:00'],
  ] as const) {
    await api(
      request,
      'appointments.book',
      {
        personId: person,
        siteId: centre.siteId,
        professionalId: doctor.id,
        type: 'screening',
        startsAt: parisInstant(tomorrow, time),
        endsAt: parisInstant(tomorrow, time.replace(':00', ':30')),
      },
      reception.token,
    );
  }

  // Today, early: Lou's appointment, to record the arrival from the agenda.
  const today = siteDate(new Date());
  await api(
    request,
    'appointments.book',
    {
      personId: lou.id,
      siteId: centre.siteId,
      professionalId: reception.id,
      type: 'interview',
      startsAt: parisInstant(today, '07:00'),
      endsAt: parisInstant(today, '07:30'),
    },
    reception.token,
  );
  // Next Monday morning: a walk-in slot (no one named).
  const monday = nextMonday(today);
  await api(
    request,
    'appointments.book',
    {
      siteId: centre.siteId,
      professionalId: reception.id,
      type: 'screening',
      walkInSlot: true,
      startsAt: parisInstant(monday, '09:00'),
      endsAt: parisInstant(monday, '12:00'),
    },
    reception.token,
  );

  // The coordinator gives the site opening hours in the site dialog (weekdays 9–13 and 14–18).
  await signIn(page, centre.coordinator);
  await new ShellPage(page).open('Centre');
  await page.getByRole('button', { name: 'Modifier MTP' }).click();
  const siteDialog = page.getByRole('dialog');
  await siteDialog.getByRole('switch', { name: 'Toujours ouvert (aucun créneau fermé)' }).uncheck();
  const mondayOpens = siteDialog.getByLabel('Ouverture Lundi 1');
  await expect(mondayOpens).toHaveValue('09:00');
  // (The dialog's own rules, such as a closing time before the opening, are component tests.)
  await siteDialog.getByLabel('Fermeture Lundi 1').fill('13:00');
  await siteDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(siteDialog).toBeHidden();
  await new ShellPage(page).logout(centre.coordinator.displayName);

  // Reception books from the agenda.
  await new LoginPage(page).login(reception.username, reception.password);
  const agenda = new AgendaPage(page);
  await agenda.goto();
  await agenda.showDate(monday);
  await expect(agenda.block('Créneau sans rendez-vous')).toHaveAttribute('data-walk-in', 'true');
  await expect(agenda.closedBand('13:00', '14:00')).toBeVisible();
  await expect(agenda.closedBand('18:00', '19:00')).toBeVisible();

  await agenda.openBooking();
  await agenda.fillBooking({
    personSearch: 'Sacha',
    personName: 'Sacha Leroy',
    professional: 'Nadia Benali',
    date: monday,
    start: '13:00',
    end: '13:30',
  });
  await agenda.submitBooking();
  const start = field(agenda.dialog(), 'Début');
  await expect(start).toHaveAccessibleDescription(
    'Le site est fermé sur ce créneau : choisissez un horaire dans les heures d’ouverture.',
  );
  await expect(agenda.dialog()).toBeVisible();
  const written = await api<{ personName: string | null }[]>(
    request,
    'appointments.list',
    {
      siteId: centre.siteId,
      from: parisInstant(monday, '00:00'),
      to: parisInstant(addDays(monday, 1), '00:00'),
    },
    reception.token,
  );
  expect(written.map((a) => a.personName)).toEqual([null]);

  // The same booking in an open slot goes through and shows in the day view.
  await start.fill('15:00');
  await field(agenda.dialog(), 'Fin').fill('15:30');
  await agenda.submitBooking();
  await expect(agenda.dialog()).toBeHidden();
  await expect(page.getByText('Rendez-vous enregistré.')).toBeVisible();
  const block = agenda.block('Sacha Leroy');
  await expect(block).toBeVisible();
  await expect(block).toContainText('15:00–15:30');
  await expect(block).toContainText('Dépistage');
  await page.screenshot({ path: '/tmp/parcours-agenda-day.png', fullPage: true });

  await agenda.showWeek();
  await expect(agenda.block('Sacha Leroy')).toBeVisible();
  await page.screenshot({ path: '/tmp/parcours-agenda-week.png', fullPage: true });

  // Tomorrow's reminders: Camille gets a message to copy; Dominique is greyed, with no message.
  await agenda.openReminders();
  const camilleRow = agenda.reminder('Camille Dubois');
  await expect(camilleRow).toHaveAttribute('data-contactable', 'true');
  await expect(camilleRow.getByRole('textbox')).toHaveValue(/rendez-vous le .* à 10:00/);
  await expect(camilleRow).toContainText('SMS');
  const dominiqueRow = agenda.reminder('Dominique Roux');
  await expect(dominiqueRow).toHaveAttribute('data-contactable', 'false');
  await expect(dominiqueRow).toContainText('Ne pas contacter');
  await expect(dominiqueRow).toContainText('La personne ne souhaite pas être contactée');
  await expect(dominiqueRow.getByRole('textbox')).toHaveCount(0);
  await expect(dominiqueRow.getByRole('button', { name: 'Copier le message' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/parcours-reminders.png', fullPage: true });

  // Lou arrives for today's appointment: "Arrivé·e" opens the visit on the reception board.
  await page.getByRole('tab', { name: 'Agenda' }).click();
  await page.getByRole('button', { name: 'Aujourd’hui' }).click();
  await agenda.block('Lou Bernard').click();
  await agenda.dialog().getByRole('button', { name: 'Arrivé·e' }).click();
  await expect(page.getByText('Arrivée de Lou Bernard enregistrée')).toBeVisible();
  await expect(agenda.block('Lou Bernard')).toHaveAttribute('data-status', 'arrived');
  const board = new BoardPage(page);
  await board.goto();
  await board.expectStep('Lou Bernard', "En attente d'entretien");
});
