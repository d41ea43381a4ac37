/**
 * The message catalogues are complete in both languages: the namespaces of the screens and the
 * PDFs (`shared/i18n/<namespace>/fr.ts`, `en.ts`, listed in `shared/i18n/namespaces.ts`) and the
 * command line's (`shared/i18n/cli.ts`). Same keys, no empty text, the same `{{variables}}` on
 * both sides, a translation for every stable error code and for every enum value the screens
 * show (roles, dossier sections, audit actions and problems, catalogues), and a registry that
 * matches the folders. The error reasons have their own test (error-reasons-texts.test.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditVerificationSchema } from '../../shared/contract/audit';
import { ERROR_CODES } from '../../shared/contract/envelope';
import * as domain from '../../shared/domain/catalogues';
import { CONSENT_SCOPES, ROLES, SECTIONS } from '../../shared/domain/roles';
import { catalogueOf, DEFAULT_NAMESPACE, NAMESPACES } from '../../shared/i18n/catalogues';
import { cliMessages } from '../../shared/i18n/cli';
import * as registry from '../../shared/i18n/namespaces';

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

/** All namespaces of one language, keyed as code writes them: `app.save`, `persons.form.createTitle`. */
function allTexts(lang: 'fr' | 'en'): Map<string, unknown> {
  const catalogue = catalogueOf(lang) as unknown as Record<string, Tree>;
  const out = new Map<string, unknown>();
  for (const ns of NAMESPACES)
    for (const [k, v] of flatten(catalogue[ns] ?? {}, ns === DEFAULT_NAMESPACE ? '' : ns)) out.set(k, v);
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

const FR = allTexts('fr');
const EN = allTexts('en');

describe('namespaces (shared/i18n/namespaces.ts)', () => {
  const folders = readdirSync(new URL('../../shared/i18n/', import.meta.url)).filter((name) =>
    statSync(new URL(`../../shared/i18n/${name}`, import.meta.url)).isDirectory(),
  );

  it('the registry lists every namespace folder, and only those, with common first', () => {
    expect([...NAMESPACES].sort()).toEqual([...folders].sort());
    expect(Object.keys(registry).sort()).toEqual([...folders].sort());
    expect(NAMESPACES[0]).toBe('common');
  });

  it('every namespace has French and English, with the same keys, no empty text and the same {{variables}}', () => {
    for (const ns of NAMESPACES) {
      const { fr, en } = registry[ns] as { fr: Tree; en: Tree };
      const [nsFr, nsEn] = [flatten(fr), flatten(en)];
      expect(nsFr.size, ns).toBeGreaterThan(0);
      expect(compare(`${ns}/fr`, nsFr, `${ns}/en`, nsEn)).toEqual([]);
    }
  });

  it('no key of common starts with a namespace name (it would resolve in that namespace instead)', () => {
    const common = Object.keys(registry.common.fr);
    expect(common.filter((key) => (NAMESPACES as readonly string[]).includes(key))).toEqual([]);
  });
});

describe('screen and PDF catalogues, all namespaces together', () => {
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
      expect(missingUnder(catalogue, 'consents.scopes', CONSENT_SCOPES)).toEqual([]);
    }
  });

  it('name every value of the domain catalogues (what `catalogueKey` relies on)', () => {
    const lists: [string, readonly string[]][] = [
      ['catalogue.keyPopulations', domain.KEY_POPULATIONS],
      ['catalogue.healthCoverages', domain.HEALTH_COVERAGES],
      ['catalogue.contactChannels', domain.CONTACT_CHANNELS],
      ['catalogue.entryDoors', domain.ENTRY_DOORS],
      ['catalogue.sexAtBirth', domain.SEX_AT_BIRTH],
      ['catalogue.visitSteps', domain.VISIT_STEPS],
      ['catalogue.priorities', domain.VISIT_PRIORITIES],
      ['catalogue.appointmentTypes', domain.APPOINTMENT_TYPES],
      ['appointments.statuses', domain.APPOINTMENT_STATUSES],
      ['catalogue.exposures', domain.EXPOSURE_TYPES],
      ['catalogue.prevention', domain.PREVENTION_TOOLS],
      ['catalogue.substances', domain.SUBSTANCES],
      ['catalogue.violenceScreening', domain.VIOLENCE_SCREENING],
      ['catalogue.needs', domain.INTERVIEW_NEEDS],
      ['catalogue.directoryCategories', domain.DIRECTORY_CATEGORIES],
      ['catalogue.friendliness', domain.FRIENDLINESS],
      ['catalogue.referralStatuses', domain.REFERRAL_STATUSES],
    ];
    for (const catalogue of [FR, EN])
      for (const [prefix, values] of lists) expect(missingUnder(catalogue, prefix, values)).toEqual([]);
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
