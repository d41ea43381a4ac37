/**
 * docs/import-format.md describes every record type of the interchange format with every field,
 * and nothing that is not in the code (shared/contract/interchange.ts): the page cannot drift.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { RECORD_SCHEMAS, RECORD_TYPES } from '../../shared/contract/interchange';
import { cliMessages } from '../../shared/i18n/cli';

const DOC = readFileSync(path.join(__dirname, '../../docs/import-format.md'), 'utf8');

/** The `### \`type\`` sections of the page, in order, with the fields listed in their table. */
function documentedTypes(doc: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of doc.split('\n')) {
    const heading = /^### `([a-z_]+)`\s*$/.exec(line);
    if (heading) {
      current = [];
      sections.set(heading[1], current);
      continue;
    }
    if (/^#{1,3} /.test(line)) current = null;
    const row = /^\| `([A-Za-z][A-Za-z0-9.]*)` \|/.exec(line);
    if (row && current) current.push(row[1]);
  }
  return sections;
}

/** Field names of an object schema, looking through default / optional / nullable wrappers. */
function objectKeys(schema: z.ZodType): string[] | null {
  let s: unknown = schema;
  for (let i = 0; i < 10 && s; i += 1) {
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (shape && typeof shape === 'object') return Object.keys(shape);
    s = (s as { _zod?: { def?: { innerType?: unknown } } })._zod?.def?.innerType;
  }
  return null;
}

function fieldSchema(schema: z.ZodType, name: string): z.ZodType | null {
  let s: unknown = schema;
  for (let i = 0; i < 10 && s; i += 1) {
    const shape = (s as { shape?: Record<string, z.ZodType> }).shape;
    if (shape) return shape[name] ?? null;
    s = (s as { _zod?: { def?: { innerType?: unknown } } })._zod?.def?.innerType;
  }
  return null;
}

const documented = documentedTypes(DOC);

describe('docs/import-format.md', () => {
  it('has one section per record type, in the dependency order of the code', () => {
    expect([...documented.keys()]).toEqual(RECORD_TYPES);
  });

  it.each(RECORD_TYPES)('documents every field of `%s`, and no other', (type) => {
    const schema = RECORD_SCHEMAS[type] as z.ZodType;
    const fields = documented.get(type) ?? [];
    expect(fields.filter((f) => !f.includes('.')).sort()).toEqual([...(objectKeys(schema) ?? [])].sort());
    // Nested fields (`contact.phone`): every sub-field of a documented object, and only those.
    const parents = [...new Set(fields.filter((f) => f.includes('.')).map((f) => f.split('.')[0]))];
    for (const parent of (objectKeys(schema) ?? []).filter((k) => {
      const inner = fieldSchema(schema, k);
      return inner !== null && objectKeys(inner) !== null;
    })) {
      expect(parents, `${type}.${parent} is an object: list its fields`).toContain(parent);
    }
    for (const parent of parents) {
      const inner = fieldSchema(schema, parent);
      expect(inner, `${type}.${parent}`).not.toBeNull();
      const sub = fields.filter((f) => f.startsWith(`${parent}.`)).map((f) => f.slice(parent.length + 1));
      expect(sub.sort()).toEqual([...(objectKeys(inner as z.ZodType) ?? [])].sort());
    }
  });

  it('shows the error lines exactly as the command prints them', () => {
    const example = cliMessages.fr.importLineError
      .replace('{{line}}', '4')
      .replace('{{field}}', 'code')
      .replace('{{reason}}', 'site_code_charset');
    expect(DOC).toContain(example);
    expect(DOC).toContain(cliMessages.fr.importFailed.split('{{count}}')[0]);
  });
});
