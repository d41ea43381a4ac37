/**
 * The demo centre's CHAMS programme (docs/violence-care.md §12), read back through the app's own
 * channels as its team sees it: three Moroccan sites each following survivors, plans in every
 * status, the legal calendar with a hearing this week, each social worker's actions due this
 * week, meetings at every site, supports in dirhams, trainings (two survivors employed), and a
 * survivor assaulted 30 hours ago whose 72-hour alert shows — and only to whom it may.
 */
import { describe, expect, it } from 'vitest';
import { createDemoCentre, DEMO_PASSWORD } from '../../electron/server/commands/setup';
import { CHAMS_STORY, SURVIVOR_NAMES } from '../../electron/server/commands/demo-chams-people';
import { CASE_PLAN_STATUSES } from '../../shared/domain/case-plans';
import { PROCEDURE_STAGES } from '../../shared/domain/legal';
import { SUPPORT_KINDS } from '../../shared/domain/social-support';
import { TRAINING_STATUSES } from '../../shared/domain/economic-autonomy';
import { addCalendar } from '../../shared/domain/schedules';
import { FakeClock, startCore } from './helpers/core';

/** The demo built on Wednesday 10 June 2026 at 10:00 in Casablanca (09:00 UTC). */
const TODAY = '2026-06-10';
/** The whole demo is built (over two thousand channel calls), then read back person by person. */
const DEMO_TIMEOUT_MS = 180_000;

describe('the CHAMS demo', () => {
  it(
    'follows survivors at three sites: plans in every status, hearings this week, a 72-hour alert',
    async () => {
      const t = await startCore(undefined, new FakeClock(Date.parse(`${TODAY}T09:00:00Z`)));
      await createDemoCentre(t.core);
      const login = async (username: string) => t.must('auth.login', { username, password: DEMO_PASSWORD });
      const coordination = await login('coordination');
      const centre = await t.must('centre.get', {}, coordination.token);
      const chamsSites = centre.sites.filter((s) => ['MRK', 'AGA', 'TNG'].includes(s.code));
      expect(chamsSites.map((s) => [s.code, s.timezone]).sort()).toEqual([
        ['AGA', 'Africa/Casablanca'],
        ['MRK', 'Africa/Casablanca'],
        ['TNG', 'Africa/Casablanca'],
      ]);
      const siteCode = new Map(chamsSites.map((s) => [s.id, s.code]));

      // Each site's social worker finds her survivors; together they follow all of them.
      const socials = {
        MRK: await login('chams.as.mrk'),
        AGA: await login('chams.as.aga'),
        TNG: await login('chams.as.tng'),
      };
      // One social worker works at two sites.
      expect(socials.AGA.user.sites.map((s) => s.code).sort()).toEqual(['AGA', 'MRK']);
      const ids: string[] = [];
      const bySite = new Map<string, string[]>();
      for (const name of SURVIVOR_NAMES) {
        const found = await t.must('persons.search', { query: name }, socials.MRK.token);
        const hit = found.find((p) => p.nameUsed === name)!;
        expect(hit, name).toBeDefined();
        ids.push(hit.id);
        bySite.set(hit.siteCode, [...(bySite.get(hit.siteCode) ?? []), hit.id]);
      }
      for (const code of ['MRK', 'AGA', 'TNG'])
        expect(bySite.get(code)?.length, code).toBeGreaterThanOrEqual(10);
      const socialOf = (personId: string) => {
        const code = [...bySite.entries()].find(([, list]) =>
          list.includes(personId),
        )![0] as keyof typeof socials;
        return socials[code].token;
      };

      // Plans in every status, every closure reason, one reopened; incidents for every survivor.
      const plans = [];
      const incidents = [];
      const supports = [];
      const trainings = [];
      for (const personId of ids) {
        if (personId === ids[CHAMS_STORY.withdrew]) continue;
        const token = socialOf(personId);
        plans.push(...(await t.must('casePlans.forPerson', { personId }, token)).items);
        incidents.push(...(await t.must('violence.forPerson', { personId }, token)).items);
        supports.push(...(await t.must('socialSupport.forPerson', { personId }, token)).items);
        trainings.push(...(await t.must('economicAutonomy.forPerson', { personId }, token)).items);
      }
      expect(new Set(plans.map((p) => p.status))).toEqual(new Set(CASE_PLAN_STATUSES));
      expect(new Set(plans.flatMap((p) => (p.closureReason ? [p.closureReason] : [])))).toEqual(
        new Set(['goals_met', 'moved', 'lost_to_follow_up', 'declined', 'deceased']),
      );
      expect(
        plans.some((p) => p.status === 'active' && p.events.some((e) => e.fromStatus === 'closed')),
      ).toBe(true);
      const active = plans.find((p) => p.status === 'active' && p.actions.length >= 5)!;
      expect(new Set(active.actions.map((a) => a.axis))).toEqual(
        new Set(['medical', 'psychological', 'social', 'legal', 'economic']),
      );
      expect(new Set(incidents.map((i) => i.personId)).size).toBe(ids.length - 1);
      expect(incidents.some((i) => i.trafficking)).toBe(true);
      // Supports of every kind, valued in dirhams; trainings in every status, two survivors employed.
      expect(new Set(supports.map((s) => s.kind))).toEqual(new Set(SUPPORT_KINDS));
      expect(supports.filter((s) => s.valueMinor !== null).every((s) => s.currency === 'MAD')).toBe(true);
      const trainingStatuses = trainings.flatMap((i) => (i.kind === 'training' ? [i.status] : []));
      expect(new Set(trainingStatuses)).toEqual(new Set(TRAINING_STATUSES));
      expect(trainingStatuses.filter((s) => s === 'employed')).toHaveLength(2);
      expect(trainings.some((i) => i.kind === 'micro_credit' && i.status === 'approved')).toBe(true);

      // Each site's psychologist follows her survivors: notes, a talking group, a psychiatric
      // referral kept. Her doctor colleague reads the notes only where the survivor shared them.
      const psyRecords = [];
      for (const code of ['MRK', 'AGA', 'TNG'] as const) {
        const psychologist = await login(`chams.psy.${code.toLowerCase()}`);
        const doctor = await login(`chams.med.${code.toLowerCase()}`);
        const sessionsOf = new Map<string, number>();
        for (const personId of bySite.get(code)!) {
          if (personId === ids[CHAMS_STORY.withdrew]) continue;
          const tab = await t.must('psySupport.forPerson', { personId }, psychologist.token);
          psyRecords.push(...tab.items);
          sessionsOf.set(personId, tab.items.filter((i) => i.record === 'session').length);
          const seen = await t.must('psySupport.forPerson', { personId }, doctor.token);
          const shared = ids.indexOf(personId) % 2 === 0;
          expect(seen.view.status, SURVIVOR_NAMES[ids.indexOf(personId)]).toBe(
            shared ? 'shown' : 'hidden_consent',
          );
          expect(seen.items.length).toBe(shared ? tab.items.length : 0);
        }
        expect([...sessionsOf.values()].filter((n) => n > 0).length, code).toBeGreaterThanOrEqual(5);
      }
      expect(psyRecords.some((i) => i.record === 'session' && i.kind === 'individual' && i.privateNote)).toBe(
        true,
      );
      expect(psyRecords.some((i) => i.record === 'session' && i.kind === 'group')).toBe(true);
      expect(psyRecords.some((i) => i.record === 'referral' && i.status === 'attended')).toBe(true);

      // One survivor is followed at Agadir and Marrakech.
      const twoSites = await t.must(
        'casePlans.forPerson',
        { personId: ids[CHAMS_STORY.twoSites] },
        socials.AGA.token,
      );
      expect(twoSites.items[0].siteIds.map((id) => siteCode.get(id)).sort()).toEqual(['AGA', 'MRK']);

      // A safety plan review is due for the survivor who came today.
      const due = await t.must(
        'casePlans.forPerson',
        { personId: ids[CHAMS_STORY.reviewDue] },
        socials.MRK.token,
      );
      expect(due.items[0].safetyPlan?.reviewDue).toBe(true);

      // The lawyer's procedures reach every stage; a hearing falls this week, another next week.
      const lawyer = await login('chams.avocate');
      const stages = new Set<string>();
      for (const personId of ids) {
        if (personId === ids[CHAMS_STORY.withdrew]) continue;
        for (const p of (await t.must('legal.forPerson', { personId }, lawyer.token)).items)
          stages.add(p.stage);
      }
      expect(stages).toEqual(new Set(PROCEDURE_STAGES));
      const week = await t.must('legal.dueThisWeek', { list: 'week' }, lawyer.token);
      expect(week.rows.length).toBeGreaterThanOrEqual(3);
      for (const h of week.rows) {
        expect(h.startsAt >= `${TODAY}T00:00:00Z`).toBe(true);
        expect(h.startsAt < `${addCalendar(TODAY, { days: 7 })}T00:00:00Z`).toBe(true);
      }
      expect(new Set(week.rows.map((h) => siteCode.get(h.siteId)))).toEqual(new Set(['MRK', 'AGA', 'TNG']));
      const fortnight = await t.must('legal.calendar', { from: TODAY, days: 14 }, lawyer.token);
      expect(fortnight.rows.length).toBeGreaterThan(week.rows.length);

      // Each social worker has actions due this week; the team has some overdue.
      for (const s of Object.values(socials)) {
        const mine = await t.must('casePlans.myActions', { list: 'week' }, s.token);
        expect(mine.rows.length, s.user.username).toBeGreaterThan(0);
      }
      const counts = await t.must('casePlans.actionsCounts', {}, socials.TNG.token);
      expect(counts.teamOverdue).toBeGreaterThan(0);

      // Two meetings at each site.
      const meetings = await t.must('meetings.list', {}, lawyer.token);
      for (const code of ['MRK', 'AGA', 'TNG'])
        expect(
          meetings.rows.filter((m) => siteCode.get(m.siteId) === code),
          code,
        ).toHaveLength(2);

      // Salma came 30 hours after the assault: 42 hours left, shown to the violence team only.
      const acute = ids[CHAMS_STORY.acute];
      const dossier = await t.must('persons.dossier', { id: acute }, socials.MRK.token);
      expect(dossier.alerts.find((a) => a.kind === 'violence_72h')).toMatchObject({ hoursLeft: 42 });
      const alerted = [];
      for (const personId of ids) {
        if (personId === ids[CHAMS_STORY.withdrew]) continue;
        const d = await t.must('persons.dossier', { id: personId }, socialOf(personId));
        if (d.alerts.some((a) => a.kind === 'violence_72h')) alerted.push(personId);
      }
      expect(alerted).toEqual([acute]);
      const board = await t.must(
        'visits.board',
        { siteId: socials.MRK.user.sites.find((s) => s.code === 'MRK')!.id },
        socials.MRK.token,
      );
      expect(board.rows.find((r) => r.personId === acute)?.priority).toBe('violence_72h');
      const protocol = (await t.must('violence.forPerson', { personId: acute }, socials.MRK.token)).items[0];
      expect(protocol.protocolStatus).toBe('open');
      expect(protocol.steps.map((s) => s.item)).toEqual(['pep_referral', 'emergency_contraception']);
      // The community centre's staff (other sites) read nothing of it.
      const nurse = await login('infirmier');
      const seenByNurse = await t.must('persons.dossier', { id: acute }, nurse.token);
      expect(seenByNurse.alerts.some((a) => a.kind === 'violence_72h')).toBe(false);

      // The survivor who withdrew her consent: the team no longer reads her plan.
      const withdrawn = await t.must(
        'casePlans.forPerson',
        { personId: ids[CHAMS_STORY.withdrew] },
        lawyer.token,
      );
      expect(withdrawn.items).toEqual([]);
    },
    DEMO_TIMEOUT_MS,
  );
});
