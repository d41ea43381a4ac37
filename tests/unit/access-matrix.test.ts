/**
 * The access matrix, written by hand from the domain (spec/domain.md "Roles" and "Consent and
 * sharing") — not generated from the policy table — and checked cell by cell against the gate.
 * docs/access-matrix.md must show exactly the same table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAK_GLASS_MINUTES, breakGlass, hasActiveGrant } from '../../electron/core/access/break-glass';
import { decide, type Actor, type DossierSubject } from '../../electron/core/access/gate';
import { DomainError } from '../../electron/core/errors';
import {
  CONSENT_SCOPES,
  ROLES,
  SECTIONS,
  type ConsentScope,
  type Role,
  type Section,
} from '../../shared/domain/roles';
import { setUpCentre } from './helpers/core';

// W: read and write · R: read only · -: nothing. "consent": the scope that must be given to share it.
const MATRIX = `
| section | consent | community_worker | nurse | doctor | specialist | psychologist | social_worker | legal | coordinator |
|---|---|---|---|---|---|---|---|---|---|
| identity | none | W | W | W | R | R | W | R | R |
| consent | none | W | W | W | R | R | W | R | - |
| pathway | none | W | W | W | W | W | W | R | - |
| interview | care_team | W | R | R | R | - | R | - | - |
| medical | care_team | - | R | W | R | - | - | - | - |
| tests | care_team | R | W | W | R | - | - | - | - |
| prep | care_team | R | W | W | R | - | - | - | - |
| vaccines | care_team | R | W | W | R | - | - | - | - |
| specialist | care_team | - | R | R | W | - | - | - | - |
| referrals | care_team | W | W | W | W | W | W | W | - |
| psy | psy | - | - | R | - | W | R | - | - |
| social | social_legal | - | - | - | - | R | W | R | - |
| violence | social_legal | - | - | W | - | R | W | W | - |
| case_plan | social_legal | - | - | W | - | W | W | W | - |
| legal | social_legal | - | - | - | - | - | W | W | - |
`;

type Cell = 'W' | 'R' | '-';
interface Row {
  scope: ConsentScope | null;
  cells: Record<Role, Cell>;
}

/** Parses the first markdown table whose first header cell is "section". */
function parseMatrix(text: string): Map<Section, Row> {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => /^\|\s*section\s*\|/.test(l));
  if (start < 0) throw new Error('no access table found');
  const split = (l: string) =>
    l
      .slice(1, l.endsWith('|') ? -1 : undefined)
      .split('|')
      .map((c) => c.trim());
  const header = split(lines[start]);
  expect(header.slice(0, 2)).toEqual(['section', 'consent']);
  const roles = header.slice(2);
  expect([...roles].sort()).toEqual([...ROLES].sort());
  const rows = new Map<Section, Row>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [section, scope, ...cells] = split(line);
    expect(SECTIONS as readonly string[], `unknown section ${section}`).toContain(section);
    expect(rows.has(section as Section), `section ${section} twice`).toBe(false);
    expect(cells).toHaveLength(roles.length);
    for (const c of cells) expect(['W', 'R', '-'], `cell "${c}" of ${section}`).toContain(c);
    expect(['none', ...CONSENT_SCOPES], `scope of ${section}`).toContain(scope);
    rows.set(section as Section, {
      scope: scope === 'none' ? null : (scope as ConsentScope),
      cells: Object.fromEntries(roles.map((r, i) => [r, cells[i] as Cell])) as Record<Role, Cell>,
    });
  }
  return rows;
}

const TABLE = parseMatrix(MATRIX);
const cell = (role: Role, section: Section): Cell => TABLE.get(section)!.cells[role];
const RANK: Record<Cell, number> = { '-': 0, R: 1, W: 2 };

const actor = (...roles: Role[]): Actor => ({ userId: 'u-actor', roles });
const ALL_CONSENTS: ReadonlySet<ConsentScope> = new Set(CONSENT_SCOPES);
const subject = (extra: Partial<DossierSubject> = {}): DossierSubject => ({
  personId: 'p-1',
  consents: ALL_CONSENTS,
  ...extra,
});
const allBut = (scope: ConsentScope): ReadonlySet<ConsentScope> =>
  new Set(CONSENT_SCOPES.filter((s) => s !== scope));

describe('the access matrix, role × section, against the gate', () => {
  it('lists every section once and every role once', () => {
    expect([...TABLE.keys()].sort()).toEqual([...SECTIONS].sort());
  });

  it('with full consent, every cell is what the gate decides for read and for write', () => {
    const mismatches: string[] = [];
    for (const section of SECTIONS) {
      for (const role of ROLES) {
        const read = decide(actor(role), 'read', section, subject());
        const write = decide(actor(role), 'write', section, subject());
        const expected = cell(role, section);
        if (read.allowed !== (expected !== '-'))
          mismatches.push(`${role} read ${section}: expected ${expected}`);
        if (write.allowed !== (expected === 'W'))
          mismatches.push(`${role} write ${section}: expected ${expected}`);
        if (!read.allowed) expect(read).toEqual({ allowed: false, code: 'forbidden' });
        if (!write.allowed) expect(write).toEqual({ allowed: false, code: 'forbidden' });
        if (read.allowed) expect(read.via).toBe('role');
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a person with several roles gets the widest access of them, section by section', () => {
    for (const a of ROLES) {
      for (const b of ROLES) {
        for (const section of SECTIONS) {
          const best = RANK[cell(a, section)] >= RANK[cell(b, section)] ? cell(a, section) : cell(b, section);
          expect(decide(actor(a, b), 'read', section, subject()).allowed, `${a}+${b} read ${section}`).toBe(
            best !== '-',
          );
          expect(decide(actor(a, b), 'write', section, subject()).allowed, `${a}+${b} write ${section}`).toBe(
            best === 'W',
          );
        }
      }
    }
  });

  it('without the section’s consent scope the answer is consent_required naming that scope', () => {
    for (const section of SECTIONS) {
      const { scope } = TABLE.get(section)!;
      for (const role of ROLES) {
        const access = cell(role, section);
        if (access === '-') continue;
        if (scope === null) {
          // Identity, consent and pathway need no sharing consent at all.
          expect(
            decide(actor(role), 'read', section, subject({ consents: new Set() })).allowed,
            `${role} ${section}`,
          ).toBe(true);
          continue;
        }
        const withoutScope = subject({ consents: allBut(scope) });
        const onlyScope = subject({ consents: new Set([scope]) });
        const holdsOwnNotes = role === 'psychologist' && scope === 'psy';
        for (const action of access === 'W' ? (['read', 'write'] as const) : (['read'] as const)) {
          const decision = decide(actor(role), action, section, withoutScope);
          if (holdsOwnNotes)
            expect(decision, `${role} ${action} ${section}`).toEqual({ allowed: true, via: 'role' });
          else
            expect(decision, `${role} ${action} ${section}`).toEqual({
              allowed: false,
              code: 'consent_required',
              scope,
            });
          // That one scope is enough.
          expect(
            decide(actor(role), action, section, onlyScope).allowed,
            `${role} ${action} ${section} with ${scope}`,
          ).toBe(true);
        }
      }
    }
  });

  it('psychological notes: psychologists need no consent; doctors and social workers need the psy consent', () => {
    const noPsy = subject({ consents: allBut('psy') });
    expect(decide(actor('psychologist'), 'write', 'psy', noPsy)).toEqual({ allowed: true, via: 'role' });
    expect(decide(actor('doctor'), 'read', 'psy', noPsy)).toEqual({
      allowed: false,
      code: 'consent_required',
      scope: 'psy',
    });
    expect(decide(actor('social_worker'), 'read', 'psy', noPsy)).toEqual({
      allowed: false,
      code: 'consent_required',
      scope: 'psy',
    });
    expect(decide(actor('social_worker', 'psychologist'), 'read', 'psy', noPsy).allowed).toBe(true);
    // Holding psy notes gives nothing else without consent.
    expect(
      decide(actor('psychologist'), 'read', 'social', subject({ consents: allBut('social_legal') })),
    ).toEqual({ allowed: false, code: 'consent_required', scope: 'social_legal' });
  });

  it('authors read what they wrote without consent, even outside their roles, but never write beyond their roles', () => {
    for (const section of SECTIONS) {
      for (const role of ROLES) {
        const asAuthor = subject({ consents: new Set(), authorIds: new Set(['u-actor']) });
        const read = decide(actor(role), 'read', section, asAuthor);
        expect(read.allowed, `${role} reads own ${section}`).toBe(true);
        if (cell(role, section) !== 'W')
          expect(decide(actor(role), 'write', section, asAuthor), `${role} writes own ${section}`).toEqual({
            allowed: false,
            code: 'forbidden',
          });
        // Someone else's authorship gives nothing.
        const otherAuthor = subject({ consents: new Set(), authorIds: new Set(['u-other']) });
        if (cell(role, section) === '-')
          expect(decide(actor(role), 'read', section, otherAuthor).allowed).toBe(false);
      }
    }
  });

  it('breaking the glass lifts the consent check only: never beyond the role', () => {
    for (const section of SECTIONS) {
      for (const role of ROLES) {
        const glass = subject({ consents: new Set(), breakGlass: true });
        const access = cell(role, section);
        const read = decide(actor(role), 'read', section, glass);
        const write = decide(actor(role), 'write', section, glass);
        expect(read.allowed, `${role} read ${section}`).toBe(access !== '-');
        expect(write.allowed, `${role} write ${section}`).toBe(access === 'W');
        if (
          access !== '-' &&
          TABLE.get(section)!.scope !== null &&
          !(role === 'psychologist' && section === 'psy')
        )
          expect(read).toEqual({ allowed: true, via: 'break_glass' });
        if (access === '-') expect(read).toEqual({ allowed: false, code: 'forbidden' });
      }
    }
  });

  it('coordinators get no clinical section: identity only, whatever the consent or the glass', () => {
    const everything = subject({ breakGlass: true });
    for (const section of SECTIONS) {
      expect(decide(actor('coordinator'), 'read', section, everything).allowed, section).toBe(
        section === 'identity',
      );
      expect(decide(actor('coordinator'), 'write', section, everything).allowed, section).toBe(false);
    }
  });

  it('docs/access-matrix.md shows the same table as this test', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../docs/access-matrix.md'), 'utf8');
    expect(parseMatrix(doc)).toEqual(TABLE);
    for (const rule of ['break the glass', 'consent required', 'author', 'coordinator'])
      expect(doc.toLowerCase()).toContain(rule);
  });
});

describe('breaking the glass', () => {
  async function centreWithStore() {
    const t = await setUpCentre();
    const me = await t.must('auth.session', {}, t.token);
    return { t, userId: me.user.id, store: t.core.ctx.vault.requireStore() };
  }

  it('refuses a reason shorter than 10 characters (spaces do not count) and writes nothing', async () => {
    const { t, userId, store } = await centreWithStore();
    // Counted in the store: reading the log through `audit.list` is itself an audited read.
    const entries = () =>
      store.exclusive(async () => {
        const [row] = await store.manager.query<Array<{ n: number }>>('SELECT count(*) AS n FROM audit_log');
        return Number(row.n);
      });
    const auditBefore = await entries();
    for (const reason of ['', 'urgent', '   urgence  ', '123456789']) {
      const err = await store
        .transaction((em) => breakGlass(em, userId, 'person-1', reason, t.clock.now()))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({
        code: 'validation',
        field: 'reason',
        details: { reason: 'reason_too_short' },
      });
    }
    expect(
      await store.exclusive(() => hasActiveGrant(store.manager, userId, 'person-1', t.clock.now())),
    ).toBe(false);
    expect(await entries()).toBe(auditBefore);
  });

  it('grants 60 minutes of access to one person, audited with action break_glass and the reason', async () => {
    const { t, userId, store } = await centreWithStore();
    const reason = 'Urgence vitale : patient inconscient à l’accueil';
    const grant = await store.transaction((em) =>
      breakGlass(em, userId, 'person-1', `  ${reason}  `, t.clock.now()),
    );
    expect(grant.reason).toBe(reason);
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)).toBe(BREAK_GLASS_MINUTES * 60_000);

    const audit = await t.must('audit.list', { page: 1, pageSize: 50, action: 'break_glass' }, t.token);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'break_glass',
      actorId: userId,
      personId: 'person-1',
      reason,
      targetId: grant.id,
    });
    expect((await t.must('audit.verify', {}, t.token)).intact).toBe(true);

    const active = (personId: string, uid = userId) =>
      store.exclusive(() => hasActiveGrant(store.manager, uid, personId, t.clock.now()));
    expect(await active('person-1')).toBe(true);
    expect(await active('person-2')).toBe(false); // one person only
    expect(await active('person-1', 'someone-else')).toBe(false); // one user only
    t.clock.advance(59 * 60_000);
    expect(await active('person-1')).toBe(true);
    t.clock.advance(60_000);
    expect(await active('person-1')).toBe(false);
  });
});
