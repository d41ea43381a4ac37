/**
 * Every channel rejects malformed payloads: for each channel of the contract, at least 1,000
 * random inputs that its schema refuses (fast-check) are dispatched with a valid coordinator
 * token. Each must come back as a `validation` error envelope — no crash, no other code — and
 * nothing may be written: the store's fingerprint (every table's rows), the audit log, the files
 * of the data folder and the open sessions are the same after the run, and no prototype was
 * polluted.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CHANNEL_NAMES,
  CONTRACT,
  apiErrorSchema,
  type ChannelName,
  type Result,
} from '../../shared/contract';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { setUpCentre, type TestCore } from './helpers/core';
import { snapshotDir } from './helpers/torture-fs';

const RUNS_PER_CHANNEL = 1000;

type Centre = TestCore & { token: string };
let t: Centre;

// The helpers close every core after each test: each test gets its own centre.
beforeEach(async () => {
  t = await setUpCentre();
});

/** What can change when something is written: every table, the data folder's files, the sessions. */
function stateOf(c: Centre): unknown {
  const store = c.core.ctx.vault.requireStore();
  const audit = store.handle.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
  return {
    tables: fingerprint(store.handle),
    auditRows: audit.n,
    files: snapshotDir(c.dataDir),
    sessions: c.core.ctx.sessions.count(),
  };
}

const PROTOTYPES: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const pristine = new Map(
  PROTOTYPES.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(',')]),
);

function assertNoPollution(): void {
  for (const [name, proto] of PROTOTYPES)
    expect(Reflect.ownKeys(proto).map(String).sort().join(','), name).toBe(pristine.get(name));
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
}

function assertValidationError(result: Result<unknown>, where: string): void {
  if (result.ok) throw new Error(`${where}: a malformed payload was accepted`);
  expect(result.error.code, where).toBe('validation');
  expect(apiErrorSchema.safeParse(result.error).success, where).toBe(true);
}

/** Keys an attacker would try, besides random ones. */
const dangerousKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
);
const anyKey = fc.oneof(fc.string({ maxLength: 12 }), dangerousKey);

const junk = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  key: anyKey,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Longer than every limit of the contract (200 is the largest string max). */
const hugeString = fc
  .tuple(fc.integer({ min: 201, max: 200_000 }), fc.constantFrom('a', 'é', ' ', '\u0000', '🙂', 'A1'))
  .map(([n, unit]) => unit.repeat(n));

/** Values of roughly the right shape (so some fields pass and the validators further in are reached). */
const plausible = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'camille',
    'MTP',
    'coordinator',
    'nurse',
    'care_team',
    'fr',
    'en',
    '2026-03-02T09:00:00Z',
    '2026-03-02',
    'not-a-date',
    '../../etc/passwd',
    "' OR 1=1 --",
  ),
  fc.uuid(),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, -0),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

const fieldValue = fc.oneof(
  { arbitrary: plausible, weight: 6 },
  { arbitrary: junk, weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

/** Own properties even for "__proto__" (as JSON.parse creates them), never a prototype change. */
function objectFrom(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
  return out;
}

/** Payloads as the HTTP transport would parse them from a hostile body. */
const pollutionPayloads = fc.constantFrom(
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"username":"camille","password":"x","__proto__":{"polluted":"yes"}}',
  '{"sites":[{"__proto__":{"polluted":"yes"},"code":"AA","name":"x"}],"admin":{"__proto__":{"isAdmin":true}}}',
  '{"page":1,"pageSize":10,"__proto__":{"pageSize":100000}}',
  '[{"__proto__":{"polluted":"yes"}}]',
);

function shapeKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Objects built on the channel's own keys: some missing, some wrong, sometimes an extra key. */
function mutatedShape(keys: string[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.subarray(keys),
      fc.array(fieldValue, { minLength: keys.length, maxLength: keys.length }),
      fc.option(fc.tuple(anyKey, fieldValue), { freq: 3 }),
    )
    .map(([chosen, values, extra]) => {
      const entries: Array<readonly [string, unknown]> = chosen.map((k, i) => [k, values[i]] as const);
      if (extra) entries.push(extra);
      return objectFrom(entries);
    });
}

function payloadsFor(channel: ChannelName): fc.Arbitrary<unknown> {
  const schema = CONTRACT[channel].input as z.ZodType;
  const keys = shapeKeys(schema);
  const arbs: Array<fc.Arbitrary<unknown>> = [
    junk,
    pollutionPayloads.map((s) => JSON.parse(s) as unknown),
    hugeString,
    fc.dictionary(anyKey, fieldValue, { minKeys: 1, maxKeys: 4 }),
  ];
  if (keys.length > 0) arbs.push(mutatedShape(keys), mutatedShape(keys));
  // The dispatcher reads an absent input (undefined / null) as {}: judge payloads as it does.
  return fc.oneof(...arbs).filter((x) => !schema.safeParse(x ?? {}).success);
}

describe('every channel rejects malformed payloads without crashing or writing', () => {
  it('covers the whole contract', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(10);
    for (const channel of CHANNEL_NAMES) expect(CONTRACT[channel].input, channel).toBeInstanceOf(z.ZodObject);
  });

  for (const channel of CHANNEL_NAMES) {
    it(`${channel}: ${RUNS_PER_CHANNEL} malformed payloads → validation, nothing written`, async () => {
      const before = stateOf(t);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(payloadsFor(channel), async (payload) => {
          runs += 1;
          const result = await t.core.dispatch(channel, payload, { token: t.token, transport: 'http' });
          assertValidationError(result, channel);
          assertNoPollution();
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
      expect(runs).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL);
      expect(stateOf(t)).toEqual(before);
      // The coordinator's session still works normally afterwards.
      expect((await t.call('auth.session', {}, t.token)).ok).toBe(true);
    });
  }

  it('non-object inputs are refused on every channel', async () => {
    const before = stateOf(t);
    const inputs: unknown[] = [
      0,
      1,
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      'x',
      '{}',
      true,
      false,
      [],
      [{}],
      10n,
      Symbol('x'),
      () => ({}),
      new Date(0),
      new Map(),
      new Set(),
      new Uint8Array(4),
      Object.create(null) as object,
    ];
    for (const channel of CHANNEL_NAMES) {
      for (const input of inputs) {
        const schemaAccepts = CONTRACT[channel].input.safeParse(input).success;
        if (schemaAccepts) continue; // an empty null-prototype object is a valid "{}"
        assertValidationError(
          await t.core.dispatch(channel, input, { token: t.token, transport: 'http' }),
          `${channel} with ${typeof input}`,
        );
      }
    }
    assertNoPollution();
    expect(stateOf(t)).toEqual(before);
  });

  it('unknown channel names are not found, whatever their input, and write nothing', async () => {
    const before = stateOf(t);
    const names = [
      '',
      'nope',
      'setup',
      'auth',
      'auth.',
      '.login',
      'AUTH.LOGIN',
      'auth.login ',
      ' auth.login',
      'auth.login\u0000',
      'parcours:auth.login',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'users.create.extra',
    ];
    for (const name of names) {
      const r = await t.core.dispatch(
        name,
        { username: 'camille', password: 'x' },
        { token: t.token, transport: 'http' },
      );
      expect(r.ok ? null : r.error.code, JSON.stringify(name)).toBe('not_found');
    }
    for (const notAString of [undefined, null, 42, {}, ['auth.login']]) {
      const r = await t.core.dispatch(notAString as string, {}, { token: t.token, transport: 'http' });
      expect(r.ok ? null : r.error.code).toBe('not_found');
    }
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 30 }).filter((s) => !(CHANNEL_NAMES as readonly string[]).includes(s)),
        junk,
        async (name, payload) => {
          const r = await t.core.dispatch(name, payload, { token: t.token, transport: 'http' });
          expect(r.ok ? null : r.error.code).toBe('not_found');
        },
      ),
      { numRuns: RUNS_PER_CHANNEL },
    );
    assertNoPollution();
    expect(stateOf(t)).toEqual(before);
  });

  it('an absent input (undefined or null) is read as {} — and only matters for channels that take no input', async () => {
    for (const channel of CHANNEL_NAMES) {
      const emptyIsValid = CONTRACT[channel].input.safeParse({}).success;
      if (emptyIsValid) continue;
      for (const absent of [undefined, null])
        assertValidationError(
          await t.core.dispatch(channel, absent, { token: t.token, transport: 'http' }),
          `${channel} with ${String(absent)}`,
        );
    }
    const status = await t.core.dispatch('setup.status', null, { transport: 'http' });
    expect(status).toEqual({ ok: true, value: { state: 'ready' } });
  });
});
