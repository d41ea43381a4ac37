/**
 * The dossier opens on what the reader's work needs now (issue 9, item 10): a carer receiving the
 * person today lands on today's interview summary and what is due; reception lands on identity; a
 * tab in the address wins; a reader who may not read interviews lands on a tab of their own, with
 * nothing of the interview on screen (the psychologist on her sessions, the lawyer on referrals).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addMember, startCentre, TEAM, type Member, type TestCentre } from './helpers/centre';
import { arrivedPerson } from './helpers/scenes';
import { renderApp } from './helpers/render';

const SUMMARY = 'Rapport non protégé il y a 20 h, demande un TPE et un dépistage.';

const PSYCHOLOGIST: Member = {
  username: 'lou.psy',
  displayName: 'Lou Martin',
  password: 'psychologie-du-lez-9',
  roles: ['psychologist'],
};

const LAWYER: Member = {
  username: 'maya.juriste',
  displayName: 'Maya Laurent',
  password: 'juriste-du-lez-2024',
  roles: ['legal'],
};

/** A person checked in today, interviewed (risk 20 h ago, PEP and screening ticked), consenting. */
async function interviewedToday(centre: TestCentre) {
  const { person, visit } = await arrivedPerson(centre, 'Yanis Roux', { careTeam: true });
  const now = Date.now();
  await centre.must(
    'interviews.save',
    {
      personId: person.id,
      visitId: visit.id,
      heldAt: new Date(now).toISOString(),
      lastRiskAt: new Date(now - 20 * 3600_000).toISOString(),
      needs: ['pep', 'screening'],
      summary: SUMMARY,
    },
    centre.tokens.worker,
  );
  return person;
}

async function selectedTab(): Promise<string> {
  await screen.findByRole('tablist');
  const selected = screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true');
  return selected?.textContent ?? '';
}

describe('the tab a dossier opens on', () => {
  it('the doctor receiving the person today lands on today’s interview summary and what is due', async () => {
    const centre = await startCentre();
    const person = await interviewedToday(centre);
    await renderApp(TEAM.doctor, `/persons/${person.id}`);
    await screen.findByRole('heading', { name: 'Yanis Roux', level: 1 });

    await waitFor(async () => expect(await selectedTab()).toMatch(/^Aujourd’hui/));
    const summary = await screen.findByTestId('interview-summary');
    expect(summary.textContent).toContain(SUMMARY);
    const interview = screen.getByRole('region', { name: 'Entretien du jour' });
    expect(interview.textContent).toContain('TPE (traitement post-exposition)');
    expect(interview.textContent).toMatch(/TPE à commencer : il reste 5[23] h\./);
    const due = screen.getByRole('region', { name: 'À faire' });
    expect(due.textContent).toContain('Prochaines étapes : TPE (traitement post-exposition), Dépistage');
  });

  it('reception lands on identity, with the visit in the header', async () => {
    const centre = await startCentre();
    const person = await interviewedToday(centre);
    await renderApp(TEAM.worker, `/persons/${person.id}`);
    await screen.findByRole('heading', { name: 'Yanis Roux', level: 1 });
    expect(await selectedTab()).toBe('Identité');
    expect(screen.getByRole('region', { name: 'Passage et prochains rendez-vous' })).toBeTruthy();
  });

  it('a tab in the address wins over the opening tab', async () => {
    const centre = await startCentre();
    const person = await interviewedToday(centre);
    await renderApp(TEAM.doctor, `/persons/${person.id}/pathway`);
    await screen.findByRole('heading', { name: 'Yanis Roux', level: 1 });
    expect(await selectedTab()).toBe('Parcours');
    expect(screen.queryByTestId('interview-summary')).toBeNull();
  });

  it('a carer who may not read interviews lands on a tab of their own, with nothing of the interview', async () => {
    const centre = await startCentre();
    await addMember(centre, PSYCHOLOGIST);
    const person = await interviewedToday(centre);
    await renderApp(PSYCHOLOGIST, `/persons/${person.id}`);
    await screen.findByRole('heading', { name: 'Yanis Roux', level: 1 });

    expect(await selectedTab()).toBe('Soutien psychologique');
    const panel = screen.getByRole('tabpanel');
    await within(panel).findByText('Aucune séance ni orientation.');
    expect(screen.queryByTestId('interview-summary')).toBeNull();
    expect(document.body.textContent).not.toContain(SUMMARY);
    expect(document.body.textContent).not.toMatch(/TPE|Entretien du jour/);
    // The interview tab is marked out of their role, not silently missing.
    expect(screen.getByRole('tab', { name: /^Aujourd’hui/ }).textContent).toContain('hors rôle');
  });

  it('the lawyer lands on the referrals, their work in the dossier, never on the interview', async () => {
    const centre = await startCentre();
    await addMember(centre, LAWYER);
    const person = await interviewedToday(centre);
    await renderApp(LAWYER, `/persons/${person.id}`);
    await screen.findByRole('heading', { name: 'Yanis Roux', level: 1 });
    expect(await selectedTab()).toBe('Orientations');
    await within(screen.getByRole('tabpanel')).findByText('Aucune orientation.');
    expect(document.body.textContent).not.toMatch(/TPE|Entretien du jour/);
  });
});
