/**
 * The dossier's header as one reader may see it (`persons.dossier`): identity, how each section is
 * drawn for them, the pathway summary and the alerts — each computed by its capability only from
 * the records this reader may see, and each section that contributed audited as a read. The tabs
 * load their records through their own channels.
 */
import type { Dossier, TimelineItem } from '../../../shared/contract/dossier';
import type { SectionView } from '../../../shared/contract/section';
import type { Section } from '../../../shared/domain/roles';
import type { Actor } from '../access/gate';
import { appendEvents, type DossierScope } from '../api/access';
import type { AuditEvent } from '../audit/audit-log';
import { siteCodeOf } from '../services/centre/repository';
import { toPerson } from '../services/persons/person-view';
import { drawSection } from './draw';
import { DOSSIER_SECTIONS } from './registry';
import type { Authored, ContributionContext, LoadedSection, Summary } from './section';

interface Drawn {
  loaded: LoadedSection;
  visible: readonly Authored[];
}

/** Loads every registered section of the person and draws each for the reader. */
async function drawAll(actor: Actor, scope: DossierScope) {
  const { em, person, access } = scope;
  if (!person || !access[0]) throw new Error('the dossier reads one person');
  const subject = access[0].subject;
  const loaded = await Promise.all(DOSSIER_SECTIONS.map((def) => def.load(em, person.id)));
  // Sections shared by several capabilities (pathway: visits and appointments) draw as one.
  const rowsBySection = new Map<Section, Authored[]>();
  DOSSIER_SECTIONS.forEach((def, i) =>
    rowsBySection.set(def.section, [...(rowsBySection.get(def.section) ?? []), ...loaded[i].rows]),
  );
  const views = new Map<Section, SectionView>();
  for (const [section, rows] of rowsBySection)
    views.set(section, drawSection(actor, section, subject, rows).view);
  const drawn: Drawn[] = DOSSIER_SECTIONS.map((def, i) => ({
    loaded: loaded[i],
    visible: drawSection(actor, def.section, subject, loaded[i].rows).visible,
  }));
  const ctx: ContributionContext = {
    em,
    now: scope.now,
    person,
    canRead: (section) => views.get(section)?.status === 'shown',
    readerId: actor.userId,
  };
  return { views, drawn, ctx };
}

function readEntries(
  actor: Actor,
  personId: string,
  sections: Iterable<Section>,
  part: string,
): AuditEvent[] {
  return [...new Set(sections)].map((section) => ({
    actorId: actor.userId,
    action: 'read' as const,
    section,
    personId,
    detail: { part },
  }));
}

export async function composeDossier(actor: Actor, scope: DossierScope): Promise<Dossier> {
  const { views, drawn, ctx } = await drawAll(actor, scope);
  const summary: Summary = {};
  const alerts: Dossier['alerts'] = [];
  const contributed: Section[] = [];
  for (const [i, { loaded, visible }] of drawn.entries()) {
    if (visible.length === 0) continue;
    const part = await loaded.summary(visible, ctx);
    const raised = loaded.alerts(visible, ctx);
    Object.assign(summary, part);
    alerts.push(...raised);
    const section = DOSSIER_SECTIONS[i].section;
    if (section !== 'identity' && (raised.length || Object.values(part).some((v) => v !== null)))
      contributed.push(section);
    contributed.push(...(part.discloses ?? []));
  }
  await appendEvents(scope.em, readEntries(actor, ctx.person.id, contributed, 'summary'), scope.now);
  const siteCode = await siteCodeOf(scope.em, ctx.person.siteId);
  const grant = scope.access[0]?.subject.breakGlassUntil ?? null;
  return {
    person: toPerson(ctx.person),
    siteCode: siteCode ?? '',
    sections: [...views.values()],
    consents: summary.consents ?? [],
    openVisit: summary.openVisit ?? null,
    openVisitInterview: summary.openVisitInterview ?? null,
    nextAppointment: summary.nextAppointment ?? null,
    alerts,
    careReferent: summary.careReferent ?? null,
    breakGlassUntil: grant,
  };
}

/** The timeline (`persons.timeline`): every section's items the reader may see, newest first. */
export async function composeTimeline(actor: Actor, scope: DossierScope): Promise<{ items: TimelineItem[] }> {
  const { drawn, ctx } = await drawAll(actor, scope);
  const items: TimelineItem[] = [];
  const contributed: Section[] = [];
  for (const [i, { loaded, visible }] of drawn.entries()) {
    if (visible.length === 0) continue;
    const part = await loaded.timeline(visible, ctx);
    items.push(...part);
    if (part.length && DOSSIER_SECTIONS[i].section !== 'identity')
      contributed.push(DOSSIER_SECTIONS[i].section);
  }
  await appendEvents(scope.em, readEntries(actor, ctx.person.id, contributed, 'timeline'), scope.now);
  return { items: items.sort((a, b) => b.at.localeCompare(a.at)) };
}
