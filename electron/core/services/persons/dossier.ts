/**
 * The dossier as one user may see it: identity, pathway status on top (open visit, next
 * appointment, alerts), every section drawn according to the gate — shown, shown only for what
 * the user wrote, or plainly marked hidden for lack of consent — and a timeline. Every section
 * shown is an audited read.
 */
import type { EntityManager } from 'typeorm';
import type { Dossier, SectionView } from '../../../../shared/contract/dossier';
import { SECTION_SCOPE, sectionAccess } from '../../../../shared/domain/access-policy';
import { PEP_WINDOW_HOURS } from '../../../../shared/domain/catalogues';
import type { Section } from '../../../../shared/domain/roles';
import { decide, type Actor, type DossierSubject } from '../../access/gate';
import type { CoreContext } from '../../context';
import { AppointmentEntity } from '../appointments/entities';
import { toAppointments } from '../appointments/appointments-service';
import { ReferralEntity } from '../directory/entities';
import { toReferrals } from '../directory/directory-service';
import { InterviewEntity } from '../interviews/entities';
import { toInterview } from '../interviews/interviews-service';
import { VisitEntity } from '../visits/entities';
import { toVisit } from '../visits/visits-service';
import { appendAudits } from '../../audit/audit-log';
import { findRows } from '../../db/fast-read';
import { authorize, loadPerson } from './dossier-access';
import { consentHistory, scopesGiven } from './consents';
import { consentViews, staffNames } from './persons-service';
import { toPerson } from './person-view';

interface Authored {
  createdBy: string | null;
}

/** Filters one section's records through the gate, record by record (authors see their own). */
function drawSection<T extends Authored>(
  actor: Actor,
  section: Section,
  subject: DossierSubject,
  rows: T[],
): { view: SectionView; visible: T[] } {
  const scope = SECTION_SCOPE[section];
  if (sectionAccess(actor.roles, section) === 'none') {
    const own = rows.filter((r) => r.createdBy === actor.userId);
    return {
      view: {
        section,
        status: own.length ? 'own_only' : 'forbidden',
        scope,
        via: own.length ? 'author' : null,
        hiddenCount: 0,
      },
      visible: own,
    };
  }
  const general = decide(actor, 'read', section, subject);
  if (general.allowed)
    return { view: { section, status: 'shown', scope, via: general.via, hiddenCount: 0 }, visible: rows };
  const own = rows.filter((r) => r.createdBy === actor.userId);
  return {
    view: {
      section,
      status: own.length ? 'own_only' : 'hidden_consent',
      scope,
      via: own.length ? 'author' : null,
      hiddenCount: rows.length - own.length,
    },
    visible: own,
  };
}

export async function composeDossier(ctx: CoreContext, actor: Actor, personId: string): Promise<Dossier> {
  return ctx.vault.requireStore().transaction(async (em) => compose(em, ctx, actor, personId));
}

async function compose(
  em: EntityManager,
  ctx: CoreContext,
  actor: Actor,
  personId: string,
): Promise<Dossier> {
  const now = ctx.clock();
  const row = await loadPerson(em, personId);
  const [history, grant] = await Promise.all([
    consentHistory(em, personId),
    em.query<Array<{ expiresAt: string }>>(
      'SELECT expires_at AS expiresAt FROM access_grant WHERE user_id = ? AND person_id = ? AND expires_at >= ? ORDER BY expires_at DESC LIMIT 1',
      [actor.userId, personId, now.toISOString()],
    ),
  ]).then(([h, grants]) => [h, grants[0] ?? null] as const);
  const subject: DossierSubject = {
    personId,
    consents: scopesGiven(history),
    breakGlass: grant !== null,
  };
  const identity = authorize(actor, 'read', 'identity', subject);

  const [visitRows, appointmentRows, interviewRows, referralRows, site] = await Promise.all([
    findRows(em, VisitEntity, { personId }, { column: 'openedAt', direction: 'DESC' }),
    findRows(em, AppointmentEntity, { personId }, { column: 'startsAt', direction: 'DESC' }),
    findRows(em, InterviewEntity, { personId }, { column: 'heldAt', direction: 'DESC' }),
    findRows(em, ReferralEntity, { personId }, { column: 'referredAt', direction: 'DESC' }),
    em
      .query<Array<{ code: string }>>('SELECT code FROM site WHERE id = ?', [row.siteId])
      .then((rows) => rows[0] ?? null),
  ]);

  const pathway = drawSection<Authored>(actor, 'pathway', subject, [...visitRows, ...appointmentRows]);
  const pathwayShown = pathway.view.status === 'shown';
  const interviews = drawSection(actor, 'interview', subject, interviewRows);
  const referrals = drawSection(actor, 'referrals', subject, referralRows);
  const consentSection = drawSection(actor, 'consent', subject, [] as Authored[]);
  const sections: SectionView[] = [
    {
      section: 'identity',
      status: 'shown',
      scope: null,
      via: identity.allowed ? identity.via : null,
      hiddenCount: 0,
    },
    consentSection.view,
    pathway.view,
    interviews.view,
    referrals.view,
  ];

  // One look-up of every staff name the dossier shows.
  const names = await staffNames(em, [
    ...visitRows.map((v) => v.withUserId),
    ...interviewRows.map((i) => i.createdBy),
    ...appointmentRows.map((a) => a.professionalId),
    ...referralRows.map((r) => r.createdBy),
    ...history.map((h) => h.recordedBy),
  ]);
  const visits = pathwayShown ? visitRows.map((v) => toVisit(v, names)) : [];
  const appointments = pathwayShown
    ? await toAppointments(em, appointmentRows, { persons: new Map([[row.id, row]]), names })
    : [];
  const interviewViews = interviews.visible.map((i) => toInterview(i, names));
  const referralViews = await toReferrals(em, referrals.visible, names);
  const consents = consentSection.view.status === 'shown' ? consentViews(history, names) : null;

  // Audited reads: one entry per section actually drawn with content.
  await appendAudits(
    em,
    sections
      .filter((s) => s.status === 'shown' || s.status === 'own_only')
      .map((s) => ({
        actorId: actor.userId,
        action: 'read' as const,
        section: s.section,
        personId,
        ...(s.via === 'break_glass' ? { detail: { via: 'break_glass' } } : {}),
      })),
    now,
  );

  const openVisit = visits.find((v) => v.closedAt === null) ?? null;
  const nowIso = now.toISOString();
  const nextAppointment =
    [...appointments].reverse().find((a) => a.status === 'booked' && a.startsAt >= nowIso) ?? null;
  const alerts: Dossier['alerts'] = [];
  const lastRisk = interviewRows
    .map((i) => i.lastRiskAt)
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  if (lastRisk) {
    const hours = (now.getTime() - Date.parse(lastRisk)) / 3600_000;
    if (hours >= 0 && hours < PEP_WINDOW_HOURS)
      alerts.push({
        kind: 'pep_72h',
        at: lastRisk,
        hoursLeft: Math.round((PEP_WINDOW_HOURS - hours) * 10) / 10,
      });
  }
  if (row.neverContact) alerts.push({ kind: 'never_contact', at: null, hoursLeft: null });
  if (pathwayShown && openVisit && openVisit.siteId !== row.siteId)
    alerts.push({ kind: 'open_visit_elsewhere', at: openVisit.openedAt, hoursLeft: null });

  const timeline: Dossier['timeline'] = [
    {
      at: row.createdAt,
      kind: 'created' as const,
      section: 'identity' as const,
      refId: row.id,
      label: 'created',
      detail: row.fileNumber,
    },
    ...visits.map((v) => ({
      at: v.openedAt,
      kind: 'visit' as const,
      section: 'pathway' as const,
      refId: v.id,
      label: v.origin,
      detail: v.step,
    })),
    ...appointments.map((a) => ({
      at: a.startsAt,
      kind: 'appointment' as const,
      section: 'pathway' as const,
      refId: a.id,
      label: a.type,
      detail: a.status,
    })),
    ...interviewViews.map((i) => ({
      at: i.heldAt,
      kind: 'interview' as const,
      section: 'interview' as const,
      refId: i.id,
      label: i.pepAlert ? 'pep_alert' : 'interview',
      detail: i.authorName,
    })),
    ...referralViews.map((r) => ({
      at: r.referredAt,
      kind: 'referral' as const,
      section: 'referrals' as const,
      refId: r.id,
      label: r.status,
      detail: r.entryName,
    })),
    ...(consents?.history ?? []).map((c) => ({
      at: c.recordedAt,
      kind: 'consent' as const,
      section: 'consent' as const,
      refId: c.id,
      label: c.given ? 'given' : 'withdrawn',
      detail: c.scope,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return {
    person: toPerson(row),
    siteCode: site?.code ?? '',
    sections,
    consents: consents?.current ?? [],
    openVisit,
    nextAppointment,
    alerts,
    visits,
    appointments,
    interviews: interviewViews,
    referrals: referralViews,
    timeline,
    breakGlassUntil: grant?.expiresAt ?? null,
  };
}
