/**
 * The CHAMS demo beyond the plan itself (demo-chams.ts replays the files, incidents and plans):
 * legal procedures at every stage with hearings held, this week and next week; social supports
 * of every kind with their values in dirhams; trainings in every status and a micro-credit in
 * progress; two coordination meetings per site. Each survivor's story row (demo-chams-people.ts)
 * says what she went through.
 */
import { callAs } from '../../core/api/dispatch';
import { PROCEDURE_STAGES, type ProcedureStage } from '../../../shared/domain/legal';
import {
  TRAINING_FIELDS,
  TRAINING_STATUSES,
  type TrainingStatus,
} from '../../../shared/domain/economic-autonomy';
import type { SupportKind } from '../../../shared/domain/social-support';
import type { ChannelInput } from '../../../shared/contract';
import { zonedToUtc } from '../../../shared/domain/zoned-time';
import { daysBetween } from '../../../shared/domain/schedules';
import {
  CHAMS_SITES,
  CHAMS_SITE_CODES,
  CHAMS_STORY,
  CHAMS_TIMEZONE,
  LEGAL_STORIES,
  PLAN_STORIES,
  SUPPORT_STORIES,
  TRAINING_STORIES,
} from './demo-chams-people';
import type { ChamsReplay, Survivor } from './demo-chams';

const CIVIL = new Set(['child_civil_registration', 'first_national_id']);

const daysAgoOf = (r: ChamsReplay, day: string) => daysBetween(day, r.today);

/** The procedure of the survivor's story row, moved stage by stage to where it stands today. */
export async function replayLegal(r: ChamsReplay, s: Survivor): Promise<void> {
  const story = LEGAL_STORIES[s.row % LEGAL_STORIES.length];
  if (!story || s.index === CHAMS_STORY.acute) return;
  const { ctx } = r.core;
  const city = CHAMS_SITES.find((x) => x.code === s.site)!.city;
  // Civil registration and the first ID card are the social worker's; the rest the lawyer's.
  const writer = CIVIL.has(story.type) ? r.staff('social', s.site) : r.lawyer;
  const opened = daysAgoOf(r, s.firstSeen) - 10;
  r.at(opened, '12:00');
  let procedure = await callAs(ctx, writer, 'legal.saveProcedure', {
    personId: s.personId,
    siteId: r.actors.siteIds[s.site],
    type: story.type,
    incidentId: story.type === 'complaint' ? s.incidentIds[s.incidentIds.length - 1] : null,
    openedOn: r.day(-opened),
    lawyerEntryId: CIVIL.has(story.type) ? null : r.entries.lawyer,
    court: CIVIL.has(story.type) ? null : `Tribunal de première instance de ${city}`,
  });
  const target = PROCEDURE_STAGES.indexOf(story.stage);
  const step = async (stage: ProcedureStage, daysAgo: number, note: string | null = null) => {
    r.at(daysAgo, '16:00');
    procedure = await callAs(ctx, writer, 'legal.addStep', {
      personId: s.personId,
      procedureId: procedure.id,
      stage,
      on: r.day(-daysAgo),
      note,
      outcome: stage === 'closed' ? (CIVIL.has(story.type) ? 'obtained' : 'won') : null,
      version: procedure.version,
    });
  };
  const place = `Tribunal de première instance de ${city}, salle 3`;
  const hearing = async (
    onDaysAgo: number,
    status: ChannelInput<'legal.saveHearing'>['status'],
    writtenDaysAgo: number,
  ) => {
    r.at(writtenDaysAgo, '17:00');
    procedure = await callAs(ctx, writer, 'legal.saveHearing', {
      personId: s.personId,
      procedureId: procedure.id,
      startsAt: zonedToUtc(r.day(-onDaysAgo), '10:00', CHAMS_TIMEZONE).toISOString(),
      place,
      status,
    });
  };
  if (target >= PROCEDURE_STAGES.indexOf('filed'))
    await step('filed', opened - 12, 'Dossier déposé au greffe.');
  if (target >= PROCEDURE_STAGES.indexOf('hearings')) {
    // A first hearing already held (written when it was set, then marked held the day after).
    const heldOn = Math.max(opened - 20, 6);
    await hearing(heldOn, 'scheduled', opened - 13);
    const held = procedure.hearings[procedure.hearings.length - 1];
    r.at(heldOn - 1, '09:00');
    procedure = await callAs(ctx, writer, 'legal.saveHearing', {
      personId: s.personId,
      procedureId: procedure.id,
      id: held.id,
      version: held.version,
      startsAt: held.startsAt,
      place: held.place,
      status: 'held',
      outcomeNote: 'Renvoyée pour pièces complémentaires.',
    });
  }
  if (story.hearing) await hearing(story.hearing === 'this_week' ? -(2 + (s.index % 3)) : -9, 'scheduled', 2);
  if (target >= PROCEDURE_STAGES.indexOf('decision')) await step('decision', 4, 'Jugement rendu.');
  if (story.stage === 'appeal') await step('appeal', 3, 'Appel interjeté par la partie adverse.');
  if (story.stage === 'closed') await step('closed', 3, 'Acte de naissance obtenu.');
}

const SUPPORT_TEXT: Record<SupportKind, string> = {
  voucher: 'Bon d’achat pour vêtements et produits d’hygiène',
  food_basket: 'Panier alimentaire pour la famille',
  shelter_referral: 'Hébergement d’urgence avec son enfant',
  addiction_referral: 'Orientation pour un sevrage accompagné',
  administrative_help: 'Aide à la constitution du dossier de carte nationale',
  other: 'Frais de transport pour se rendre au tribunal',
};
const SUPPORT_VALUE_MINOR: Partial<Record<SupportKind, number>> = {
  voucher: 20_000,
  food_basket: 35_000,
  other: 5_000,
};

/** The social supports of the survivor's story row, then her training and micro-credit. */
export async function replaySupports(r: ChamsReplay, s: Survivor): Promise<void> {
  const { ctx } = r.core;
  const social = r.staff('social', s.site);
  const firstSeen = daysAgoOf(r, s.firstSeen);
  if (s.index !== CHAMS_STORY.acute)
    for (const [k, kind] of SUPPORT_STORIES[s.row % SUPPORT_STORIES.length].entries()) {
      const given = Math.max(firstSeen - 2 - k * 20, 1);
      r.at(given, '15:00');
      const entryId =
        kind === 'shelter_referral'
          ? s.site === 'MRK'
            ? r.entries.shelter_mrk
            : r.entries.shelter_aga
          : kind === 'addiction_referral'
            ? r.entries.addiction
            : null;
      await callAs(ctx, social, 'socialSupport.save', {
        personId: s.personId,
        siteId: r.actors.siteIds[s.site],
        kind,
        givenOn: r.day(-given),
        valueMinor: SUPPORT_VALUE_MINOR[kind] ?? null,
        currency: SUPPORT_VALUE_MINOR[kind] ? 'MAD' : null,
        quantity: kind === 'food_basket' ? 1 : null,
        entryId,
        referralStatus: entryId ? 'attended' : null,
        // Her consent to external referrals was left for later: the social worker writes why.
        ...(entryId && s.index % 4 === 3
          ? { overrideReason: 'Accord oral de la personne, à faire signer' }
          : {}),
        description: SUPPORT_TEXT[kind],
      });
    }
  await replayTraining(r, s, firstSeen);
  if (s.index === CHAMS_STORY.microCredit) {
    r.at(40, '11:00');
    let credit = await callAs(ctx, social, 'economicAutonomy.saveMicroCredit', {
      personId: s.personId,
      siteId: r.actors.siteIds[s.site],
      appliedOn: r.day(-40),
      amountMinor: 1_500_000,
      currency: 'MAD',
      purpose: 'Achat d’un four et de matériel pour une activité de pâtisserie à domicile',
    });
    for (const [status, daysAgo] of [
      ['submitted', 30],
      ['approved', 8],
    ] as const) {
      r.at(daysAgo, '11:00');
      credit = await callAs(ctx, social, 'economicAutonomy.addMicroCreditStep', {
        personId: s.personId,
        applicationId: credit.id,
        status,
        on: r.day(-daysAgo),
        version: credit.version,
      });
    }
  }
}

/** The training of her story row, moved forward to its status (employed at two sites only). */
async function replayTraining(r: ChamsReplay, s: Survivor, firstSeen: number) {
  const story = TRAINING_STORIES[s.row % TRAINING_STORIES.length];
  if (!story) return;
  const goal: TrainingStatus = story === 'employed' && s.site === 'TNG' ? 'completed' : story;
  const social = r.staff('social', s.site);
  const start = Math.floor(firstSeen * 0.8);
  const field = TRAINING_FIELDS[s.index % 3];
  const days: Record<TrainingStatus, number> = {
    enrolled: start + 10,
    in_progress: start,
    completed: Math.floor(firstSeen * 0.3),
    employed: Math.floor(firstSeen * 0.2),
    dropped: Math.floor(start / 2),
  };
  const path =
    goal === 'dropped'
      ? (['enrolled', 'in_progress', 'dropped'] as const)
      : TRAINING_STATUSES.slice(0, TRAINING_STATUSES.indexOf(goal) + 1);
  let training: { id: string; version: number } | null = null;
  for (const status of path) {
    r.at(days[status], '10:00');
    const done = status === 'completed' || status === 'employed';
    training = await callAs(r.core.ctx, social, 'economicAutonomy.saveTraining', {
      personId: s.personId,
      siteId: r.actors.siteIds[s.site],
      ...(training ? { id: training.id, version: training.version } : {}),
      field,
      startsOn: r.day(-start),
      endsOn: done ? r.day(-days.completed) : null,
      status,
      statusOn: r.day(-days[status]),
    });
  }
}

/**
 * Two meetings per site, 14 and 3 days ago, on the plans still followed there. The later one
 * marks the lawyer's first meeting done and adds the accompaniment to the next hearing.
 */
export async function replayMeetings(r: ChamsReplay, survivors: Survivor[]): Promise<void> {
  const { ctx } = r.core;
  for (const site of CHAMS_SITE_CODES) {
    const social = r.staff('social', site);
    const discussed = survivors.filter((s) => {
      const story = PLAN_STORIES[s.row % PLAN_STORIES.length];
      return (
        s.site === site &&
        s.plan &&
        s.index !== CHAMS_STORY.acute &&
        (story === 'active' || story === 'on_hold')
      );
    });
    const participantIds = [social, r.staff('psy', site), r.staff('med', site), r.lawyer].map(
      (a) => a.userId,
    );
    for (const [m, daysAgo] of [14, 3].entries()) {
      r.at(daysAgo, '17:00');
      const cases = discussed.slice(m, m + 3);
      const first = cases[0];
      const lawyerAction =
        m === 1 ? first.plan!.actions.find((a) => a.axis === 'legal' && a.status === 'planned') : null;
      await callAs(ctx, social, 'meetings.save', {
        siteId: r.actors.siteIds[site],
        heldOn: r.day(-daysAgo),
        participantIds,
        externalParticipants: m === 0 ? 'Me Nawal S., avocate partenaire' : null,
        generalNotes: m === 0 ? 'Réunion mensuelle de coordination.' : null,
        cases: cases.map((s, k) => ({
          personId: s.personId,
          decisions:
            k === 0 && m === 1
              ? 'Premier rendez-vous avec l’avocate tenu ; l’accompagner à la prochaine audience.'
              : 'Situation stable ; poursuivre le plan et revoir à la prochaine réunion.',
          actions:
            k === 0 && m === 1
              ? [
                  ...(lawyerAction
                    ? [
                        {
                          id: lawyerAction.id,
                          version: lawyerAction.version,
                          axis: lawyerAction.axis,
                          title: lawyerAction.title,
                          ownerId: lawyerAction.ownerId,
                          dueOn: lawyerAction.dueOn,
                          status: 'done' as const,
                        },
                      ]
                    : []),
                  {
                    axis: 'legal' as const,
                    title: 'Accompagner à la prochaine audience',
                    ownerId: social.userId,
                    dueOn: r.day(5),
                  },
                ]
              : [],
        })),
      });
    }
  }
}
