/**
 * Looking is an attempt: a call on a concealed section (violence, case plan, legal, social, psy)
 * refused by role or consent leaves a `denied` entry in the audit log — who, on whom, through which
 * channel, why — while the refused call itself writes nothing. Refusals on other sections are not
 * audited (nothing was read). Run through the dispatcher's own dossier path with a declaration on
 * each kind of section, as every capability's route is.
 */
import { describe, expect, it } from 'vitest';
import { personField, type DossierDeclaration } from '../../electron/core/api/access';
import { runOnDossier } from '../../electron/core/api/dispatch';
import type { ChannelName } from '../../shared/contract';
import type { Role, Section } from '../../shared/domain/roles';
import { consentingPerson } from './helpers/clinical';
import { reception, staff, type Centre } from './helpers/reception';

// Any dossier channel whose input names `personId` serves as the carrier of the declaration.
const CHANNEL = 'persons.dossier' as ChannelName;

interface Entry {
  action: string;
  section: string | null;
  personId: string | null;
  actorId: string | null;
  detail: string | null;
}

async function auditOf(t: Centre, personId: string): Promise<Entry[]> {
  const store = t.core.ctx.vault.requireStore();
  return store.exclusive(() =>
    store.manager.query(
      `SELECT action, section, person_id AS personId, actor_id AS actorId, detail FROM audit_log
       WHERE person_id = ? ORDER BY seq`,
      [personId],
    ),
  );
}

function declaration(
  section: Section,
  action: 'read' | 'write',
  partial = false,
): DossierDeclaration<ChannelName> {
  return {
    section,
    action,
    person: personField('personId' as never),
    ...(partial ? { partial: true as const } : {}),
  };
}

async function attempt(
  t: Centre,
  actor: { id: string; roles: Role[] },
  decl: DossierDeclaration<ChannelName>,
  personId: string,
  handler: () => Promise<unknown> = () => Promise.resolve({ view: { status: 'hidden_consent' } }),
) {
  return runOnDossier(
    CHANNEL,
    decl,
    handler,
    { personId },
    {
      ctx: t.core.ctx,
      actor: { userId: actor.id, roles: actor.roles },
      client: 'local',
    },
  ).then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string }) => ({ ok: false as const, code: error.code }),
  );
}

describe('refused attempts on concealed sections', () => {
  it('a nurse (no role on violence) refused: one denied entry naming channel and code, nothing else written', async () => {
    const t = await reception();
    const nurse = await staff(t, 'nina', ['nurse']);
    const personId = await consentingPerson(t, t.worker.token);
    const before = await auditOf(t, personId);
    let ran = false;
    const r = await attempt(
      t,
      { id: nurse.id, roles: ['nurse'] },
      declaration('violence', 'read'),
      personId,
      () => {
        ran = true;
        return Promise.resolve({});
      },
    );
    expect(r).toEqual({ ok: false, code: 'forbidden' });
    expect(ran).toBe(false);
    const after = await auditOf(t, personId);
    expect(after.slice(before.length)).toEqual([
      {
        action: 'denied',
        section: 'violence',
        personId,
        actorId: nurse.id,
        detail: JSON.stringify({ channel: CHANNEL, code: 'forbidden' }),
      },
    ]);
  });

  it('a social worker without the social_legal consent: denied with consent_required, for a write too', async () => {
    const t = await reception();
    const social = await staff(t, 'sami', ['social_worker']);
    const personId = await consentingPerson(t, t.worker.token);
    const before = (await auditOf(t, personId)).length;
    const r = await attempt(
      t,
      { id: social.id, roles: ['social_worker'] },
      declaration('legal', 'write'),
      personId,
    );
    expect(r).toEqual({ ok: false, code: 'consent_required' });
    const added = (await auditOf(t, personId)).slice(before);
    expect(
      added.map((e) => [e.action, e.section, (JSON.parse(e.detail ?? '{}') as { code?: string }).code]),
    ).toEqual([['denied', 'legal', 'consent_required']]);
  });

  it('a partial read that showed nothing of a concealed section is an attempt; one that showed own records is a read', async () => {
    const t = await reception();
    const psychologist = await staff(t, 'paule', ['psychologist']);
    const personId = await consentingPerson(t, t.worker.token);
    const actor = { id: psychologist.id, roles: ['psychologist'] as Role[] };
    const decl = declaration('social', 'read', true);
    const before = (await auditOf(t, personId)).length;
    const nothing = await attempt(t, actor, decl, personId);
    expect(nothing.ok).toBe(true);
    const own = await attempt(t, actor, decl, personId, () =>
      Promise.resolve({ view: { status: 'own_only' } }),
    );
    expect(own.ok).toBe(true);
    const added = (await auditOf(t, personId)).slice(before);
    expect(added.map((e) => [e.action, e.section, e.detail && (JSON.parse(e.detail) as unknown)])).toEqual([
      ['denied', 'social', { channel: CHANNEL, code: 'consent_required' }],
      ['read', 'social', { via: 'author' }],
    ]);
  });

  it('a refusal on a care-team section is not audited: nothing was read, and it is no secret', async () => {
    const t = await reception();
    const lawyer = await staff(t, 'lou', ['legal']);
    const personId = await consentingPerson(t, t.worker.token);
    const before = (await auditOf(t, personId)).length;
    const r = await attempt(t, { id: lawyer.id, roles: ['legal'] }, declaration('tests', 'read'), personId);
    expect(r).toEqual({ ok: false, code: 'forbidden' });
    expect((await auditOf(t, personId)).length).toBe(before);
  });

  it('the audit viewer lists the attempts under their own action', async () => {
    const t = await reception();
    const nurse = await staff(t, 'nina', ['nurse']);
    const personId = await consentingPerson(t, t.worker.token);
    await attempt(t, { id: nurse.id, roles: ['nurse'] }, declaration('case_plan', 'read'), personId);
    const page = await t.must('audit.list', { action: 'denied' }, t.token);
    expect(page.items.map((e) => [e.action, e.section, e.personId])).toEqual([
      ['denied', 'case_plan', personId],
    ]);
  });

  it('the person\'s "who looked at my file" report leaves the attempts out: nothing was looked at', async () => {
    const t = await reception();
    const nurse = await staff(t, 'nina', ['nurse']);
    const personId = await consentingPerson(t, t.worker.token);
    await attempt(t, { id: nurse.id, roles: ['nurse'] }, declaration('violence', 'read'), personId);
    expect((await auditOf(t, personId)).some((e) => e.action === 'denied')).toBe(true);
    const log = await t.must('persons.accessLog', { personId }, t.worker.token);
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries.filter((e) => e.action === 'denied' || e.userName === 'nina (test)')).toEqual([]);
  });
});
