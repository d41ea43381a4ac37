/**
 * The message catalogues are complete in both languages: the renderer's (`shared/i18n/fr.ts`,
 * `shared/i18n/en.ts`) and the command line's (`shared/i18n/cli.ts`). Same keys, no empty text,
 * the same `{{variables}}` on both sides, and a translation for every stable error code and for
 * every enum value the screens show (roles, dossier sections, audit actions and problems).
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditVerificationSchema } from '../../shared/contract/audit';
import { ERROR_CODES } from '../../shared/contract/envelope';
import { ROLES, SECTIONS } from '../../shared/domain/roles';
import { cliMessages } from '../../shared/i18n/cli';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';

type Tree = { readonly [key: string]: unknown };

/** Every leaf as `a.b.c → text`; a leaf that is not a string is reported as such. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of flatten(value as Tree, name)) out.set(k, v);
    else out.set(name, value);
  }
  return out;
}

function variables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)(?:\s*,[^}]*)?\s*\}\}/g)].map((m) => m[1]))].sort();
}

/** The problems between two catalogues, as readable lines (empty: they match). */
function compare(nameA: string, a: Map<string, unknown>, nameB: string, b: Map<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of a.keys()) if (!b.has(key)) problems.push(`${key}: in ${nameA}, missing in ${nameB}`);
  for (const key of b.keys()) if (!a.has(key)) problems.push(`${key}: in ${nameB}, missing in ${nameA}`);
  for (const [catalogue, entries] of [
    [nameA, a],
    [nameB, b],
  ] as const) {
    for (const [key, value] of entries) {
      if (typeof value !== 'string') problems.push(`${key} in ${catalogue}: not a string (${typeof value})`);
      else if (value.trim() === '') problems.push(`${key} in ${catalogue}: empty`);
    }
  }
  for (const [key, va] of a) {
    const vb = b.get(key);
    if (typeof va !== 'string' || typeof vb !== 'string') continue;
    const [left, right] = [variables(va), variables(vb)];
    if (left.join() !== right.join())
      problems.push(
        `${key}: variables {${left.join(', ')}} in ${nameA} but {${right.join(', ')}} in ${nameB}`,
      );
  }
  return problems;
}

function missingUnder(catalogue: Map<string, unknown>, prefix: string, values: readonly string[]): string[] {
  return values
    .filter((v) => typeof catalogue.get(`${prefix}.${v}`) !== 'string')
    .map((v) => `${prefix}.${v}`);
}

const FR = flatten(fr);
const EN = flatten(en);

describe('renderer catalogues (shared/i18n/fr.ts, en.ts)', () => {
  it('have exactly the same keys, no empty text, and the same {{variables}} key by key', () => {
    expect(FR.size).toBeGreaterThan(50);
    expect(compare('fr', FR, 'en', EN)).toEqual([]);
  });

  it('translate every stable error code of the envelope', () => {
    expect(missingUnder(FR, 'errors', ERROR_CODES)).toEqual([]);
    expect(missingUnder(EN, 'errors', ERROR_CODES)).toEqual([]);
  });

  it('name every role, dossier section, audit action and audit verification problem', () => {
    const problems = auditVerificationSchema.shape.problem.unwrap().options;
    for (const catalogue of [FR, EN]) {
      expect(missingUnder(catalogue, 'roles', ROLES)).toEqual([]);
      expect(missingUnder(catalogue, 'sections', SECTIONS)).toEqual([]);
      expect(missingUnder(catalogue, 'audit.actions', AUDIT_ACTIONS)).toEqual([]);
      expect(missingUnder(catalogue, 'audit.problems', problems)).toEqual([]);
    }
  });

  it('the checks above can fail: a missing key, an empty text and a lost variable are all reported', () => {
    const broken = new Map(EN);
    const [first] = [...broken.keys()];
    broken.delete(first);
    broken.set('errors.validation', ' ');
    const withVar = [...FR].find(([, v]) => typeof v === 'string' && variables(v).length > 0);
    expect(withVar).toBeDefined();
    if (withVar) broken.set(withVar[0], 'no variable left');
    const report = compare('fr', FR, 'en', broken);
    expect(report).toContain(`${first}: in fr, missing in en`);
    expect(report).toContain('errors.validation in en: empty');
    expect(report.some((line) => line.startsWith(`${withVar?.[0]}: variables`))).toBe(true);
  });
});

describe('command-line catalogue (shared/i18n/cli.ts)', () => {
  const CLI_FR = flatten(cliMessages.fr);
  const CLI_EN = flatten(cliMessages.en);

  it('offers exactly French and English', () => {
    expect(Object.keys(cliMessages).sort()).toEqual(['en', 'fr']);
  });

  it('has exactly the same keys, no empty text, and the same {{variables}} key by key', () => {
    expect(CLI_FR.size).toBeGreaterThan(10);
    expect(compare('cli.fr', CLI_FR, 'cli.en', CLI_EN)).toEqual([]);
  });

  it('the usage text lists every command in both languages', () => {
    for (const text of [cliMessages.fr.usage, cliMessages.en.usage]) {
      for (const command of [
        'init',
        'serve',
        'demo',
        'backup',
        'restore',
        'export',
        'import',
        'audit verify',
        'recover',
      ])
        expect(text).toContain(`  ${command} `);
    }
  });
});
