/**
 * Every refusal the core can send has a text in both languages. The codes and reasons are read
 * from the code itself, so a reason added to a service fails this test until it has its texts:
 * - the stable error codes (`ERROR_CODES` of the envelope) → `errors.<code>`;
 * - the reasons services give (`invalid(field, 'reason')`, `reason: '…'` in the details of a
 *   `new DomainError(…)` under electron/core) and the formats the contract names
 *   (`{ message: 'reason' }` in shared/contract, sent as `details.reason`) → `validation.reason.<reason>`
 *   or `validation.<reason>` (`reasonTextKeys`, the lookup the renderer's error-text.ts uses);
 * - the consent scope a `consent_required` names (`scope: '…'`) → `consents.scopes.<scope>`;
 * - every zod issue code the dispatcher may pass on as `details.issue` → `validation.<issue>`;
 * - why the store cannot be opened (`StoreProblem`, any `details.problem` of `store_unavailable`)
 *   → `unavailable.problems.<problem>.title` and `.body`;
 * - any literal `details: { reason | issue | problem | scope }` written under electron/ (the
 *   transports and the Electron main too).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { setupChannels } from '../../shared/contract/setup';
import { ERROR_CODES } from '../../shared/contract/envelope';
import { catalogueOf, DEFAULT_NAMESPACE, NAMESPACES, reasonTextKeys } from '../../shared/i18n/catalogues';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Tree = { readonly [key: string]: unknown };

function texts(lang: 'fr' | 'en'): Map<string, string> {
  const catalogue = catalogueOf(lang) as unknown as Record<string, Tree>;
  const out = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') out.set(name, value);
      else if (value && typeof value === 'object') walk(value as Tree, name);
    }
  };
  for (const ns of NAMESPACES) walk(catalogue[ns] ?? {}, ns === DEFAULT_NAMESPACE ? '' : ns);
  return out;
}
const CATALOGUES = { fr: texts('fr'), en: texts('en') };

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The text of a call starting at `open` (the index of its `(`), strings skipped, up to its `)`. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = source.indexOf(c, i + 1);
      i = end < 0 ? source.length : end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

export interface Found {
  reasons: Map<string, string>; // reason → where
  scopes: Map<string, string>;
  issues: Map<string, string>; // details.issue literals (other than zod's, e.g. the HTTP transport's)
  problems: Map<string, string>; // details.problem literals of store_unavailable
  codes: Map<string, string>;
  unreadable: string[]; // calls whose reason is not a literal
}

/** The reasons, scopes and codes a piece of core source can send. */
export function scanCore(file: string, source: string, found: Found): void {
  for (const m of source.matchAll(/\binvalid\(/g)) {
    if (source.slice(Math.max(0, m.index - 9), m.index).includes('function')) continue;
    const call = callText(source, m.index + 'invalid'.length);
    const reason = /,\s*'([a-z0-9_]+)'\s*(?:,[^]*)?\)$/.exec(call.replace(/\s+/g, ' '));
    if (reason?.[1]) found.reasons.set(reason[1], file);
    else found.unreadable.push(`${file}: invalid${call}`);
  }
  for (const m of source.matchAll(/\bnew DomainError\(/g)) {
    const call = callText(source, m.index + 'new DomainError'.length);
    const code = /^\(\s*'([a-z_]+)'/.exec(call);
    // Re-creating an error another process sent (`new DomainError(e.code, e.message, e.field,
    // e.details)`) passes its code and reason on: they were read where that error was thrown.
    const passOn = /^\(\s*(\w+)\.code,\s*\1\.message,\s*\1\.field,\s*\1\.details\s*\)$/.test(call);
    if (code?.[1]) found.codes.set(code[1], file);
    else if (!passOn) found.unreadable.push(`${file}: new DomainError${call.slice(0, 60)}`);
    for (const r of call.matchAll(/\breason:\s*'([a-z0-9_]+)'/g)) found.reasons.set(r[1] ?? '', file);
    if (!passOn && /\breason:\s*[^'\s]/.test(call))
      found.unreadable.push(`${file}: a reason that is not a literal`);
    for (const s of call.matchAll(/\bscope:\s*'([a-z_]+)'/g)) found.scopes.set(s[1] ?? '', file);
  }
}

/** `details: { … }` written anywhere in electron/ (the transports too): its literal codes. */
export function scanDetails(file: string, source: string, found: Found): void {
  for (const m of source.matchAll(/\bdetails:\s*\{/g)) {
    const open = source.indexOf('{', m.index);
    let depth = 0;
    let end = open;
    for (; end < source.length; end++) {
      if (source[end] === '{') depth++;
      else if (source[end] === '}' && --depth === 0) break;
    }
    const object = source.slice(open, end + 1);
    for (const r of object.matchAll(/\breason:\s*'([a-z0-9_]+)'/g)) found.reasons.set(r[1] ?? '', file);
    for (const r of object.matchAll(/\bissue:\s*'([a-z0-9_]+)'/g)) found.issues.set(r[1] ?? '', file);
    for (const r of object.matchAll(/\bproblem:\s*'([a-z0-9_]+)'/g)) found.problems.set(r[1] ?? '', file);
    for (const r of object.matchAll(/\bscope:\s*'([a-z0-9_]+)'/g)) found.scopes.set(r[1] ?? '', file);
  }
}

/** Formats the contract names: `{ message: 'reason' }` reaches the page as `details.reason`. */
function scanContract(file: string, source: string, found: Found): void {
  for (const m of source.matchAll(/\bmessage:\s*'([a-z_]+)'/g)) found.reasons.set(m[1] ?? '', file);
}

function scanAll(): Found {
  const found: Found = {
    reasons: new Map(),
    scopes: new Map(),
    issues: new Map(),
    problems: new Map(),
    codes: new Map(),
    unreadable: [],
  };
  for (const file of sourceFiles('electron/core'))
    scanCore(file, readFileSync(join(ROOT, file), 'utf8'), found);
  for (const file of sourceFiles('electron'))
    scanDetails(file, readFileSync(join(ROOT, file), 'utf8'), found);
  for (const file of sourceFiles('shared/contract'))
    scanContract(file, readFileSync(join(ROOT, file), 'utf8'), found);
  return found;
}

/** Why a store cannot open: the `StoreProblem` union of the core and the status channel's enum. */
function storeProblems(): string[] {
  const source = readFileSync(join(ROOT, 'electron/core/db/errors.ts'), 'utf8');
  const union = /export type StoreProblem =([^;]*);/.exec(source)?.[1] ?? '';
  const fromCore = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '');
  const fromContract = setupChannels['setup.status'].output.shape.problem.unwrap().options;
  return [...new Set([...fromCore, ...fromContract])].sort();
}

/** Every zod issue code: a code zod adds is a compile error here until it is listed. */
const ZOD_ISSUES: Record<z.core.$ZodIssueCode, true> = {
  invalid_type: true,
  too_big: true,
  too_small: true,
  invalid_format: true,
  not_multiple_of: true,
  unrecognized_keys: true,
  invalid_union: true,
  invalid_key: true,
  invalid_element: true,
  invalid_value: true,
  custom: true,
};

/** `key candidates → in which language no candidate has a text`, as readable lines. */
function missing(what: string, candidates: string[]): string[] {
  return (['fr', 'en'] as const)
    .filter((lang) => !candidates.some((key) => (CATALOGUES[lang].get(key) ?? '').trim() !== ''))
    .map((lang) => `${what}: no ${lang} text at ${candidates.join(' or ')}`);
}

describe('every error the core can return has a text in French and English', () => {
  const found = scanAll();

  it('finds the reasons in the code (the scan works)', () => {
    expect(found.reasons.size).toBeGreaterThan(20);
    expect(found.reasons.get('username_taken')).toBeDefined();
    expect(found.reasons.get('current_password_wrong')).toBeDefined();
    expect(found.reasons.get('username_charset')).toBeDefined();
    expect(found.scopes.get('external_referral')).toBeDefined();
    expect(found.issues.get('invalid_json')).toBeDefined();
  });

  it('reasons are literals, so that this test can read them', () => {
    expect(found.unreadable).toEqual([]);
  });

  it('every stable error code, and every code a DomainError is thrown with', () => {
    expect([...found.codes.keys()].filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual(
      [],
    );
    expect(ERROR_CODES.flatMap((code) => missing(`code ${code}`, [`errors.${code}`]))).toEqual([]);
  });

  it('every reason a service or the contract gives', () => {
    const problems = [...found.reasons].flatMap(([reason, file]) =>
      missing(`reason ${reason} (${file})`, reasonTextKeys(reason)),
    );
    expect(problems).toEqual([]);
  });

  it('every consent scope a refusal names', () => {
    const problems = [...found.scopes].flatMap(([scope, file]) =>
      missing(`scope ${scope} (${file})`, [`consents.scopes.${scope}`]),
    );
    expect(problems).toEqual([]);
  });

  it('every zod issue the dispatcher passes on', () => {
    const problems = Object.keys(ZOD_ISSUES).flatMap((issue) =>
      missing(`issue ${issue}`, [`validation.${issue}`]),
    );
    expect(problems).toEqual([]);
  });

  it('every reason the store cannot be opened', () => {
    const all = [...new Set([...storeProblems(), ...found.problems.keys()])];
    expect(all.length).toBeGreaterThanOrEqual(5);
    const problems = all.flatMap((p) => [
      ...missing(`store problem ${p}`, [`unavailable.problems.${p}.title`]),
      ...missing(`store problem ${p}`, [`unavailable.problems.${p}.body`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('the check can fail: a new reason without texts is reported with its file', () => {
    const probe: Found = {
      reasons: new Map(),
      scopes: new Map(),
      issues: new Map(),
      problems: new Map(),
      codes: new Map(),
      unreadable: [],
    };
    scanCore(
      'probe.ts',
      "throw invalid('x', 'no_such_reason_yet');\nthrow new DomainError('validation', 'm', 'f', { issue: 'custom', reason: 'another_one' });\nthrow invalid('y', someVariable);",
      probe,
    );
    expect([...probe.reasons.keys()]).toEqual(['no_such_reason_yet', 'another_one']);
    expect(probe.unreadable).toHaveLength(1);
    scanDetails(
      'probe.ts',
      "return fail('store_unavailable', 'm', { details: { problem: 'new_problem' } });",
      probe,
    );
    expect([...probe.problems.keys()]).toEqual(['new_problem']);
    expect(missing('reason no_such_reason_yet', reasonTextKeys('no_such_reason_yet'))).toHaveLength(2);
  });
});
