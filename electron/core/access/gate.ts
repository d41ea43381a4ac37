/**
 * The access gate: the one function that decides whether a user may read or write a section of a
 * person's dossier. Rule (domain.md): one of the user's roles grants the section AND the person's
 * consent covers the section's scope — or the user wrote the record — or the user broke the glass
 * with a written reason. Every handler that touches a dossier asks here; the renderer never decides.
 */
import {
  SCOPE_HOLDERS,
  SECTION_SCOPE,
  permissionsOf,
  sectionAccess,
} from '../../../shared/domain/access-policy';
import type { ConsentScope, Permission, Role, Section } from '../../../shared/domain/roles';

export interface Actor {
  userId: string;
  roles: readonly Role[];
}

/** What the gate needs to know about the person whose dossier is touched. */
export interface DossierSubject {
  personId: string;
  /** Scopes the person currently consents to (withdrawn ones excluded). */
  consents: ReadonlySet<ConsentScope>;
  /** Staff who wrote the records being read, when known: authors may always read their own notes. */
  authorIds?: ReadonlySet<string>;
  /** An active break-the-glass grant of this actor on this person. */
  breakGlass?: boolean;
  /** When that grant ends. */
  breakGlassUntil?: string | null;
}

export type AccessDecision =
  | { allowed: true; via: 'role' | 'author' | 'break_glass' }
  | { allowed: false; code: 'forbidden' }
  | { allowed: false; code: 'consent_required'; scope: ConsentScope };

export function decide(
  actor: Actor,
  action: 'read' | 'write',
  section: Section,
  subject: DossierSubject,
): AccessDecision {
  const granted = sectionAccess(actor.roles, section);
  const isAuthor = subject.authorIds?.has(actor.userId) ?? false;
  const roleAllows = action === 'read' ? granted !== 'none' : granted === 'write';

  if (!roleAllows) {
    // The author of a note may read it again even if their roles changed since; never write.
    return action === 'read' && isAuthor
      ? { allowed: true, via: 'author' }
      : { allowed: false, code: 'forbidden' };
  }
  const scope = SECTION_SCOPE[section];
  if (scope === null || subject.consents.has(scope) || holdsScope(actor.roles, scope))
    return { allowed: true, via: 'role' };
  if (isAuthor) return { allowed: true, via: 'author' };
  if (subject.breakGlass) return { allowed: true, via: 'break_glass' };
  return { allowed: false, code: 'consent_required', scope };
}

function holdsScope(roles: readonly Role[], scope: ConsentScope): boolean {
  const holders = SCOPE_HOLDERS[scope];
  return holders !== undefined && roles.some((r) => holders.includes(r));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor.roles).includes(permission);
}
