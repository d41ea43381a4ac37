/**
 * PrEP in the dossier: the PrEP tab, the timeline's starts, follow-ups and stops, and the alerts
 * "follow-up overdue", "lost to follow-up" and "eGFR low" — raised only from episodes the reader
 * may see, so a reader without the prep section never learns that the person takes PrEP.
 */
import type { Alert, TimelineItem } from '../../../../shared/contract/dossier';
import type { EgfrRules, PrepFollowUpRules } from '../../../../shared/domain/clinical-catalogues';
import { classifyFollowUp, siteToday } from '../../../../shared/domain/schedules';
import { zonedToUtc } from '../../../../shared/domain/zoned-time';
import { defineSection, ownParts, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { findSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import type { PrepPrescription } from '../../../../shared/contract/prep';
import { appendEvents } from '../../api/access';
import { prepPrescriptionsOf } from '../consultations/repository';
import { staffNames } from '../users/staff-names';
import { auditBaselineRead, baselineOf } from './baseline';
import { egfrLow, prepFacts, toEpisode } from './prep-service';
import {
  episodesOfPerson,
  followUpsOfPerson,
  prepEpisodesTable,
  prepFollowUpsTable,
  type PrepEpisodeRow,
  type PrepFollowUpRow,
} from './repository';

/** An episode with its follow-ups (newest first) and what its dates are read against. */
export interface LoadedEpisode extends PrepEpisodeRow {
  followUps: PrepFollowUpRow[];
  timeZone: string;
  rules: PrepFollowUpRules;
  egfr: EgfrRules;
}

async function loadEpisodes(
  em: Parameters<typeof episodesOfPerson>[0],
  personId: string,
): Promise<LoadedEpisode[]> {
  const episodes = await episodesOfPerson(em, personId);
  if (episodes.length === 0) return [];
  const followUps = await followUpsOfPerson(em, personId);
  const rules = await currentCatalogue(em, 'prep');
  const egfr = await currentCatalogue(em, 'egfr');
  const zones = new Map<string, string>();
  for (const siteId of new Set(episodes.map((e) => e.siteId)))
    zones.set(siteId, (await findSite(em, siteId))?.timezone ?? 'Europe/Paris');
  return episodes.map((e) => ({
    ...e,
    followUps: followUps.filter((f) => f.episodeId === e.id),
    timeZone: zones.get(e.siteId) ?? 'Europe/Paris',
    rules,
    egfr,
  }));
}

/** A calendar date on the timeline: noon at the site, so that no zone shows it on another day. */
function dayAt(date: string, timeZone: string): string {
  return zonedToUtc(date, '12:00', timeZone).toISOString();
}

function timelineOf(e: LoadedEpisode, followUps: readonly PrepFollowUpRow[]): TimelineItem[] {
  const items: TimelineItem[] = [
    {
      at: dayAt(e.startedOn, e.timeZone),
      kind: 'prep_start',
      section: 'prep',
      refId: e.id,
      label: e.restartOf ? 'restart' : e.regimen,
      detail: null,
    },
    ...followUps.map((f) => ({
      at: dayAt(f.heldOn, e.timeZone),
      kind: 'prep_follow_up',
      section: 'prep' as const,
      refId: f.id,
      label: egfrLow(f.egfr, e.egfr) ? 'egfr_low' : 'follow_up',
      detail: null,
    })),
  ];
  if (e.stoppedOn)
    items.push({
      at: dayAt(e.stoppedOn, e.timeZone),
      kind: 'prep_stop',
      section: 'prep',
      refId: e.id,
      label: e.stopReason ?? 'other',
      detail: null,
    });
  return items;
}

const prep: SectionDefinition<LoadedEpisode> = {
  capability: 'prep',
  section: 'prep',
  linked: [prepEpisodesTable, prepFollowUpsTable],
  timelineKinds: ['prep_start', 'prep_follow_up', 'prep_stop'],
  load: loadEpisodes,
  timeline: (rows, ctx) => rows.flatMap((e) => timelineOf(e, ownParts(ctx, 'prep', e.followUps))),
  alerts: (rows, ctx) => {
    const { now } = ctx;
    const active = rows.find((e) => e.status === 'active');
    if (!active) return [];
    const alerts: Alert[] = [];
    const state = classifyFollowUp(active.nextDueOn, siteToday(now, active.timeZone), active.rules);
    if (state === 'overdue') alerts.push({ kind: 'prep_overdue', at: null, hoursLeft: null });
    if (state === 'lost_to_follow_up') alerts.push({ kind: 'prep_lost', at: null, hoursLeft: null });
    // The latest eGFR measured in this episode decides: a later normal value clears the alert.
    const latest = ownParts(ctx, 'prep', active.followUps).find((f) => f.egfr !== null);
    if (latest && egfrLow(latest.egfr, active.egfr))
      alerts.push({ kind: 'egfr_low', at: null, hoursLeft: null });
    return alerts;
  },
};

export const prepSection = defineSection(prep);

export const prepForPerson = sectionReader(prep, async (rows, { dossier, actor }, canRead) => {
  const { em, now } = dossier;
  const facts = await prepFacts(
    em,
    now,
    rows.map((e) => e.siteId),
  );
  const names = await staffNames(
    em,
    rows.flatMap((e) => [e.createdBy, ...e.followUps.map((f) => f.createdBy)]),
  );
  const items = [];
  for (const e of rows) {
    // The checklist comes from the tests section: only for its readers.
    const baseline = canRead('tests') ? await baselineOf(em, e.personId, e.startedOn) : null;
    // A carer refused the section sees the episodes they started, with their own follow-ups only.
    const followUps = dossier.ownOnly ? e.followUps.filter((f) => f.createdBy === actor.userId) : e.followUps;
    items.push(toEpisode(e, followUps, facts, names, baseline));
  }
  const shown = items.find((i) => i.baseline);
  if (shown) await auditBaselineRead(em, now, actor.userId, shown.personId);
  return items;
});

/**
 * The prescriptions and renewals of the episodes shown, asked of the consultations capability: they
 * are `medical` records, so only for its readers, and audited as a read of it (as the baseline is
 * of `tests`).
 */
async function prescriptionsOfEpisodes(
  call: Parameters<typeof prepForPerson>[1],
  personId: string,
  episodeIds: ReadonlySet<string>,
): Promise<PrepPrescription[] | null> {
  const { em, now, canRead } = call.dossier;
  if (!canRead('medical')) return null;
  const rows = (await prepPrescriptionsOf(em, personId)).filter(
    (p) => p.prepEpisodeId && episodeIds.has(p.prepEpisodeId),
  );
  if (rows.length === 0) return [];
  const names = await staffNames(
    em,
    rows.map((p) => p.prescriberId),
  );
  await appendEvents(
    em,
    [
      {
        actorId: call.actor.userId,
        action: 'read',
        section: 'medical',
        personId,
        detail: { part: 'prep_prescriptions' },
      },
    ],
    now,
  );
  return rows.map((p) => ({
    id: p.id,
    episodeId: p.prepEpisodeId ?? '',
    consultationId: p.consultationId,
    issuedOn: p.issuedOn,
    prescriberName: names.get(p.prescriberId) ?? null,
    drugs: p.lines.map((l) => l.drug),
    renewals: p.renewals,
  }));
}

/** The eGFR rules the forms check against (the same the core refuses with), and the prescriptions. */
export async function prepForPersonWithRules(
  input: Parameters<typeof prepForPerson>[0],
  call: Parameters<typeof prepForPerson>[1],
) {
  const out = await prepForPerson(input, call);
  const { person } = call.dossier;
  const episodeIds = new Set(out.items.map((e) => e.id));
  return {
    ...out,
    egfr: await currentCatalogue(call.dossier.em, 'egfr'),
    prescriptions: person ? await prescriptionsOfEpisodes(call, person.id, episodeIds) : null,
  };
}
