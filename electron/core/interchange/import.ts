/**
 * Import is all or nothing: every line is parsed and checked (schema, duplicates, references)
 * before anything is written, then everything is written in one transaction. Importing the same
 * file twice changes nothing: records are matched by their stable id and left alone when equal.
 */
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { detailText } from '../../../shared/contract/envelope';
import {
  RECORD_SCHEMAS,
  type InterchangeRecord,
  type RecordOf,
  type RecordType,
} from '../../../shared/contract/interchange';
import { hasPermission, type Actor } from '../access/gate';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { DomainError } from '../errors';
import type { OnProgress } from '../progress';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { FileRecords, RuleError } from './adapter';
import { ADAPTERS, adapterFor } from './registry';

export type LineError = RuleError;

export interface ParsedLine {
  line: number;
  record: Exclude<InterchangeRecord, { type: 'header' }>;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export class ImportRefused extends Error {
  constructor(readonly errors: LineError[]) {
    super(`import refused: ${errors.length} error(s)`);
  }
}

const MAX_ERRORS = 200;

/**
 * Records of one type written per chunk: their stored versions are read in one query and the new
 * ones inserted together. A few hundred amortise each query; the ids fit in one statement.
 */
const WRITE_CHUNK = 500;

function zodLineError(line: number, error: z.ZodError): LineError {
  const issue = error.issues[0];
  // An unknown field is named by itself (its path is the object that holds it).
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  return {
    line,
    field: path.map(String).join('.') || null,
    reason: issue.code === 'custom' || /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code,
  };
}

/**
 * The longest line a record may take (characters): the largest record — a person with long notes
 * — is a few kilobytes; this leaves ample room and bounds what one line can cost to parse.
 */
export const MAX_LINE_CHARS = 256 * 1024;

/**
 * Checks the file's shape one line at a time (no store needed): JSON, type, fields, duplicate ids.
 * Fed line by line, so a file is read as a stream and never held whole as one string.
 */
class LineChecker {
  readonly lines: ParsedLine[] = [];
  readonly errors: LineError[] = [];
  private readonly seen = new Map<string, number>();

  add(raw: string, line: number): void {
    if (raw.trim() === '' || this.errors.length >= MAX_ERRORS) return;
    // Refused before parsing: a huge line (nested arrays) would cost seconds and gigabytes to parse.
    if (raw.length > MAX_LINE_CHARS) {
      this.errors.push({ line, field: null, reason: 'line_too_long' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      this.errors.push({ line, field: null, reason: 'invalid_json' });
      return;
    }
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in RECORD_SCHEMAS)) {
      this.errors.push({ line, field: 'type', reason: 'unknown_type' });
      return;
    }
    const parsed = RECORD_SCHEMAS[type as RecordType].safeParse(value);
    if (!parsed.success) {
      this.errors.push(zodLineError(line, parsed.error));
      return;
    }
    const record = parsed.data;
    if (record.type === 'header') return;
    const key = `${record.type}:${record.id}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.errors.push({ line, field: 'id', reason: `duplicate_id_of_line_${first}` });
      return;
    }
    this.seen.set(key, line);
    this.lines.push({ line, record });
  }

  /** The lines in the order they are written: type by type, then as in the file. */
  result(): { lines: ParsedLine[]; errors: LineError[] } {
    const order = new Map(ADAPTERS.map((a, i) => [a.type as string, i]));
    const rank = (l: ParsedLine) => order.get(l.record.type) ?? 0;
    this.lines.sort((a, b) => rank(a) - rank(b) || a.line - b.line);
    return { lines: this.lines, errors: this.errors };
  }
}

/** Parses and checks the shape of a file given as text (no store needed). */
export function parseLines(text: string): { lines: ParsedLine[]; errors: LineError[] } {
  const checker = new LineChecker();
  text.split(/\r?\n/).forEach((raw, index) => checker.add(raw, index + 1));
  return checker.result();
}

/**
 * The same for a file on disk, read as a stream: the text is never in memory whole (a ten-year
 * centre's file is larger than the longest string V8 can hold), only the parsed records.
 */
export async function parseFile(
  file: string,
  onProgress?: OnProgress,
): Promise<{ lines: ParsedLine[]; errors: LineError[] }> {
  const checker = new LineChecker();
  // The first pass counts bytes of the file: how many records it holds is only known at its end.
  const total = statSync(file).size;
  const input = createReadStream(file, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  onProgress?.({ phase: 'validate', done: 0, total });
  for await (const raw of reader) {
    checker.add(raw, ++line);
    // What the stream has read so far (a chunk ahead of the line): monotonic, ends at the size.
    onProgress?.({ phase: 'validate', done: Math.min(input.bytesRead, total), total });
  }
  onProgress?.({ phase: 'validate', done: total, total });
  return checker.result();
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Equal on every field the file gives, recursively (a field the file leaves out keeps its stored
 * value); date-times compare as instants ("…09:00:00Z" is "…09:00:00.000Z").
 */
function sameAs(stored: unknown, given: unknown): boolean {
  if (isPlainObject(given) && isPlainObject(stored))
    return Object.entries(given).every(([key, value]) => sameAs(stored[key], value));
  if (
    typeof given === 'string' &&
    typeof stored === 'string' &&
    ISO_DATE_TIME.test(given) &&
    ISO_DATE_TIME.test(stored)
  )
    return Date.parse(given) === Date.parse(stored);
  return canonical(stored) === canonical(given);
}

/** Checks references against the file and the store. */
async function checkReferences(em: EntityManager, lines: ParsedLine[]): Promise<LineError[]> {
  const known = new Map<string, Set<string>>();
  for (const adapter of ADAPTERS) known.set(adapter.type, await adapter.existingIds(em));
  for (const { record } of lines) known.get(record.type)?.add(record.id);
  const errors: LineError[] = [];
  for (const { line, record } of lines) {
    for (const ref of adapterFor(record.type).references(record)) {
      if (!known.get(ref.type)?.has(ref.id))
        errors.push({ line, field: ref.field, reason: `unknown_${ref.type}` });
    }
  }
  return errors;
}

/**
 * The app's own rules that span records (two open visits of one person, a visit before its
 * person's birth…), per type over the whole file, before the first write: a refused file names
 * every such line and the store is not touched.
 */
async function checkRules(em: EntityManager, lines: ParsedLine[], now: Date): Promise<LineError[]> {
  const byKey = new Map<string, ParsedLine['record']>();
  for (const { record } of lines) byKey.set(`${record.type}:${record.id}`, record);
  const file: FileRecords = { now, find: (type, id) => byKey.get(`${type}:${id}`) as never };
  const errors: LineError[] = [];
  for (const adapter of ADAPTERS) {
    if (!adapter.checkLines) continue;
    const mine = lines.filter((l) => l.record.type === adapter.type);
    if (mine.length) errors.push(...(await adapter.checkLines(em, mine as never, file)));
  }
  return errors.sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS);
}

/** A staff account whose roles an import set or changed (each is audited on its own). */
export interface RoleChange {
  userId: string;
  before: readonly string[];
  after: readonly string[];
}

function roleChangeOf(
  record: RecordOf<RecordType>,
  existing: RecordOf<RecordType> | null,
): RoleChange | null {
  if (record.type !== 'user') return null;
  const before = existing?.type === 'user' ? [...existing.roles].sort() : [];
  const after = [...record.roles].sort();
  return before.join(',') === after.join(',') ? null : { userId: record.id, before, after };
}

/**
 * Writes the parsed lines inside the caller's transaction; throws ImportRefused to roll back.
 * `roleChanged` hears of every account whose roles the file sets or changes, so that the caller
 * audits each one with its before and after (roles decide what a person's file shows).
 */
export async function applyLines(
  em: EntityManager,
  lines: ParsedLine[],
  now: string,
  roleChanged?: (change: RoleChange) => Promise<void>,
  onProgress?: OnProgress,
): Promise<ImportCounts> {
  const total = lines.length;
  onProgress?.({ phase: 'write', done: 0, total });
  const refErrors = await checkReferences(em, lines);
  if (refErrors.length) throw new ImportRefused(refErrors);
  const ruleErrors = await checkRules(em, lines, new Date(now));
  if (ruleErrors.length) throw new ImportRefused(ruleErrors);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const errors: LineError[] = [];
  /** A refusal is reported on its line; false: stop (an earlier line was refused), else throws. */
  const refused = (line: number, err: unknown): boolean => {
    if (err instanceof DomainError) {
      errors.push({ line, field: err.field ?? null, reason: detailText(err.details, 'reason') ?? err.code });
      return true;
    }
    // A later line that fails because an earlier one was refused (e.g. a user on a site that
    // could not be created): report the earlier line, the transaction rolls everything back.
    if (errors.length) return false;
    throw err;
  };
  let done = 0;
  let stopped = false;
  // The lines are ordered by type: each chunk is of one type, its stored records read in one query.
  for (let start = 0; start < lines.length && !stopped;) {
    const adapter = adapterFor(lines[start].record.type);
    let end = start + 1;
    while (end < lines.length && end - start < WRITE_CHUNK && lines[end].record.type === adapter.type) end++;
    const chunk = lines.slice(start, end);
    start = end;
    const ids = chunk.map((l) => l.record.id);
    const stored = adapter.findMany ? await adapter.findMany(em, ids) : null;
    const batch = adapter.createBatch?.(em, now);
    // The lines of the creates kept back, in order: a refusal of one is reported on its line.
    let kept: number[] = [];
    const flush = async () => {
      if (kept.length === 0 || !batch) return;
      const keptLines = kept;
      kept = [];
      try {
        (await batch.flush()).forEach((err, i) => {
          if (err) refused(keptLines[i], err);
        });
      } catch (err) {
        if (!refused(keptLines[0], err)) stopped = true;
      }
    };
    for (const { line, record } of chunk) {
      if (stopped) break;
      if (done > 0) onProgress?.({ phase: 'write', done, total });
      done += 1;
      try {
        const existing = stored ? (stored.get(record.id) ?? null) : await adapter.find(em, record.id);
        const roles = roleChangeOf(record, existing);
        if (roles) await roleChanged?.(roles);
        if (!existing) {
          if (batch?.add(record)) kept.push(line);
          else {
            await flush();
            if (stopped) break;
            await adapter.create(em, record, now);
          }
          counts.created += 1;
        } else if (sameAs(existing, adapter.normalize ? adapter.normalize(record) : record)) {
          counts.unchanged += 1;
        } else {
          await flush();
          if (stopped) break;
          await adapter.update(em, record, now);
          counts.updated += 1;
        }
      } catch (err) {
        if (!refused(line, err)) stopped = true;
      }
    }
    if (!stopped) await flush();
  }
  if (errors.length) throw new ImportRefused(errors);
  onProgress?.({ phase: 'write', done: total, total });
  return counts;
}

export function importText(ctx: CoreContext, actor: Actor, text: string): Promise<ImportCounts> {
  return importParsed(ctx, actor, parseLines(text));
}

/** A file on disk, read as a stream (`parseFile`): the CLI's way in. */
export async function importFile(
  ctx: CoreContext,
  actor: Actor,
  file: string,
  onProgress?: OnProgress,
): Promise<ImportCounts> {
  if (!hasPermission(actor, 'data.import'))
    throw new DomainError('forbidden', 'permission data.import required');
  return importParsed(ctx, actor, await parseFile(file, onProgress), onProgress);
}

async function importParsed(
  ctx: CoreContext,
  actor: Actor,
  { lines, errors }: { lines: ParsedLine[]; errors: LineError[] },
  onProgress?: OnProgress,
): Promise<ImportCounts> {
  if (!hasPermission(actor, 'data.import'))
    throw new DomainError('forbidden', 'permission data.import required');
  if (errors.length) throw new ImportRefused(errors);
  return ctx.vault.requireStore().transaction(async (em) => {
    const counts = await applyLines(
      em,
      lines,
      ctx.clock().toISOString(),
      (change) => auditRoleChange(em, actor.userId, change, ctx.clock()),
      onProgress,
    );
    if (counts.created || counts.updated)
      await appendAudit(em, { actorId: actor.userId, action: 'import', detail: { ...counts } }, ctx.clock());
    return counts;
  });
}

/** One entry per account whose roles changed, naming who changed them and from what to what. */
export async function auditRoleChange(
  em: EntityManager,
  actorId: string | null,
  change: RoleChange,
  at: Date,
): Promise<void> {
  await appendAudit(
    em,
    {
      actorId,
      action: 'update',
      targetType: 'staff_user',
      targetId: change.userId,
      detail: { rolesBefore: change.before.join(','), rolesAfter: change.after.join(',') },
    },
    at,
  );
}
