/**
 * The CHAMS demo's psychological support (docs/violence-care.md, slice 7): every survivor whose
 * plan went past `open` meets the psychologist of her site — individual sessions a few weeks
 * apart with a private note, one in three also joins the site's "groupe de parole", and one in
 * seven is referred to the partner psychiatrist, the referral followed up to the appointment
 * kept. Replayed through `psySupport.*` as the psychologist, with the clock at each session.
 */
import { callAs } from '../../core/api/dispatch';
import { daysBetween } from '../../../shared/domain/schedules';
import { CHAMS_STORY } from './demo-chams-people';
import type { ChamsReplay, Survivor } from './demo-chams';

const NOTES = [
  'Premier entretien : récit difficile, troubles du sommeil, reviviscences. Alliance de travail établie.',
  'Sommeil un peu meilleur. Travail sur les ressources et les personnes de confiance.',
  'Anxiété en baisse. Elle parle de projets pour ses enfants. Poursuite du suivi tous les quinze jours.',
];

/** Her sessions and, for some, the group and a psychiatric referral. */
export async function replayPsy(r: ChamsReplay, s: Survivor): Promise<void> {
  if (s.plan === null || s.index === CHAMS_STORY.acute) return;
  const { ctx } = r.core;
  const psychologist = r.staff('psy', s.site);
  const siteId = r.actors.siteIds[s.site];
  const firstSeen = daysBetween(s.firstSeen, r.today);
  // The first session about a week after the first visit, then every two weeks, never today.
  for (const [k, note] of NOTES.entries()) {
    const daysAgo = firstSeen - 7 - k * 14;
    if (daysAgo < 1) break;
    const heldAt = r.at(daysAgo, '11:00');
    await callAs(ctx, psychologist, 'psySupport.saveSession', {
      personId: s.personId,
      siteId,
      heldAt: heldAt.toISOString(),
      kind: 'individual',
      durationMin: 50,
      privateNote: note,
    });
  }
  if (s.index % 3 === 0 && firstSeen > 20) {
    const heldAt = r.at(firstSeen - 20, '15:00');
    await callAs(ctx, psychologist, 'psySupport.saveSession', {
      personId: s.personId,
      siteId,
      heldAt: heldAt.toISOString(),
      kind: 'group',
      groupLabel: 'Groupe de parole du jeudi',
      durationMin: 90,
      privateNote: null,
    });
  }
  const referredDaysAgo = firstSeen - 25;
  if (s.index % 7 === 2 && referredDaysAgo > 7) {
    r.at(referredDaysAgo, '12:00');
    let referral = await callAs(ctx, psychologist, 'psySupport.refer', {
      personId: s.personId,
      siteId,
      entryId: r.entries.psychiatrist,
      reason: 'Symptômes de stress post-traumatique persistants : avis psychiatrique et traitement.',
      // Her consent to external referrals was left for later: the psychologist writes why.
      ...(s.index % 4 === 3 ? { overrideReason: 'Accord oral de la personne, à faire signer' } : {}),
    });
    // The appointment, taken the next day, is five days later; she kept it.
    const appointment = r.at(referredDaysAgo - 6, '09:30');
    r.at(referredDaysAgo - 1, '10:00');
    referral = await callAs(ctx, psychologist, 'psySupport.updateReferral', {
      personId: s.personId,
      id: referral.id,
      version: referral.version,
      status: 'appointment',
      appointmentAt: appointment.toISOString(),
    });
    r.at(referredDaysAgo - 6, '17:00');
    await callAs(ctx, psychologist, 'psySupport.updateReferral', {
      personId: s.personId,
      id: referral.id,
      version: referral.version,
      status: 'attended',
      feedback: 'Vue par le Dr Alaoui : traitement instauré, revue dans un mois.',
    });
  }
}
