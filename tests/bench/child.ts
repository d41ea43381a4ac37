/**
 * One measured piece of work in its own process, so that its peak RSS is its own: the scale
 * benchmark (scale.ts) runs this file once per import, raw write and export, and reads back one
 * JSON line on file descriptor 3 (wall time, CPU time of all threads, peak RSS).
 *
 *   tsx tests/bench/child.ts import DIR FILE   `parcours import` into an empty folder (the CLI's own
 *                                              code: main() of electron/server/cli.ts)
 *   tsx tests/bench/child.ts export DIR OUT    `parcours export`
 *   tsx tests/bench/child.ts raw DIR FILE      the raw writer: the same rows, prepared INSERTs, in the
 *                                              same encrypted schema founded the same way
 *   tsx tests/bench/child.ts idle              loads the same modules and does nothing (the baseline)
 *
 * Everything is imported before the clock starts: module loading and TypeScript transpiling are
 * not counted. Credentials come from the environment, as for the CLI.
 */
import { createReadStream, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { main } from '../../electron/server/cli';
import { createCore } from '../../electron/core';
import { createCentre } from '../../electron/core/services/setup/setup-service';
import { digitsOnly, normalizeText } from '../../electron/core/services/persons/normalize';
import { appendAudit } from '../../electron/core/audit/audit-log';

export interface ChildReport {
  wallMs: number;
  cpuMs: number;
  /** Peak resident set size of the whole process (KiB → MiB), module loading included. */
  maxRssMiB: number;
  /** Resident set size once the modules were loaded, before the work. */
  startRssMiB: number;
  exitCode: number;
  rows?: number;
}

type Rec = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v ?? []);
const bool = (v: unknown, fallback: boolean) => ((v ?? fallback) ? 1 : 0);

/**
 * Writes the file's records with one prepared INSERT per table inside one transaction, and the
 * search index rows (row table + FTS5 trigram index) of every person: what the import writes,
 * without parsing against the contract, checking references or rules, or going through TypeORM.
 * The centre is founded by the same function the import calls (two scrypt wraps at N=2^17).
 */
async function rawWrite(dir: string, file: string): Promise<number> {
  const core = await createCore({ dataDir: dir, log: () => undefined });
  try {
    const input = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    const head: Rec[] = [];
    let db: ReturnType<typeof core.ctx.vault.requireStore>['handle'] | null = null;
    let rows = 0;
    const now = new Date().toISOString();
    let insert: Record<string, (r: Rec) => void> = {};
    const prepare = () => {
      const h = core.ctx.vault.requireStore().handle;
      const person = h.prepare(
        `INSERT INTO person (id, file_number, site_id, name_used, legal_name, birth_year, phone, contact_channels, never_contact, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      // Name rows carry the birth year (the duplicate check's key, search-index.ts).
      const searchRow = h.prepare(
        'INSERT INTO person_search_row (person_id, field, text, birth_year) VALUES (?, ?, ?, ?)',
      );
      const trigrams = h.prepare('INSERT INTO person_search (rowid, text) VALUES (?, ?)');
      const index = (id: string, field: string, text: string, year: unknown = null) => {
        if (text) trigrams.run(searchRow.run(id, field, text, year).lastInsertRowid, text);
      };
      const consent = h.prepare(
        'INSERT INTO person_consent (id, person_id, scope, given, recorded_at, recorded_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const visit = h.prepare(
        `INSERT INTO visit (id, person_id, site_id, opened_at, closed_at, origin, step, step_since, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'walk_in', 'done', ?, ?, ?)`,
      );
      const interview = h.prepare(
        `INSERT INTO interview (id, person_id, visit_id, held_at, reason, exposures, prevention, needs, summary, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const appointment = h.prepare(
        `INSERT INTO appointment (id, person_id, site_id, professional_id, type, starts_at, ends_at, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const referral = h.prepare(
        `INSERT INTO referral (id, person_id, entry_id, reason, referred_at, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const entry = h.prepare(
        `INSERT INTO directory_entry (id, name, kind, category, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      const user = h.prepare(
        `INSERT INTO staff_user (id, username, display_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      );
      const userRole = h.prepare('INSERT INTO staff_user_role (user_id, role) VALUES (?, ?)');
      const userSite = h.prepare('INSERT INTO staff_user_site (user_id, site_id) VALUES (?, ?)');
      insert = {
        person: (r) => {
          const contact = (r.contact ?? {}) as Rec;
          person.run(
            r.id,
            r.fileNumber,
            r.siteId,
            r.nameUsed,
            r.legalName ?? null,
            r.birthYear ?? null,
            contact.phone ?? null,
            json(contact.channels),
            bool(contact.neverContact, false),
            now,
            now,
          );
          const id = r.id as string;
          index(id, 'name_used', normalizeText(r.nameUsed as string), r.birthYear ?? null);
          index(id, 'file_number', normalizeText(r.fileNumber as string));
          if (r.legalName) index(id, 'legal_name', normalizeText(r.legalName as string), r.birthYear ?? null);
          if (contact.phone) index(id, 'phone', digitsOnly(contact.phone as string));
        },
        consent: (r) =>
          consent.run(
            r.id,
            r.personId,
            r.scope,
            bool(r.given, false),
            r.recordedAt,
            r.recordedBy ?? null,
            r.note ?? null,
          ),
        visit: (r) =>
          visit.run(r.id, r.personId, r.siteId, r.openedAt, r.closedAt, r.closedAt ?? r.openedAt, now, now),
        interview: (r) =>
          interview.run(
            r.id,
            r.personId,
            r.visitId ?? null,
            r.heldAt,
            r.reason ?? null,
            json(r.exposures),
            json(r.prevention),
            json(r.needs),
            r.summary ?? null,
            r.notes ?? null,
            now,
            now,
          ),
        appointment: (r) =>
          appointment.run(
            r.id,
            r.personId ?? null,
            r.siteId,
            r.professionalId,
            r.appointmentType,
            r.startsAt,
            r.endsAt,
            r.status ?? 'booked',
            now,
            now,
          ),
        referral: (r) =>
          referral.run(r.id, r.personId, r.entryId, r.reason, r.referredAt, r.status ?? 'proposed', now, now),
        directory_entry: (r) => entry.run(r.id, r.name, r.kind, r.category, now, now),
        user: (r) => {
          user.run(r.id, (r.username as string).toLowerCase(), r.displayName, now, now);
          for (const role of r.roles as string[]) userRole.run(r.id, role);
          for (const site of r.siteIds as string[]) userSite.run(r.id, site);
        },
      };
      return h;
    };
    for await (const line of input) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as Rec;
      if (!db) {
        if (r.type !== 'site') {
          head.push(r);
          continue;
        }
        const centre = head.find((h) => h.type === 'centre');
        await createCentre(core.ctx, {
          centreName: (centre?.name as string) ?? 'Raw',
          locale: 'fr',
          sites: [
            {
              id: r.id as string,
              code: r.code as string,
              name: r.name as string,
              timezone: (r.timezone as string | undefined) ?? 'Europe/Paris',
            },
          ],
          admin: {
            username: process.env.PARCOURS_ADMIN_USER ?? 'coord',
            displayName: 'Coord',
            password: process.env.PARCOURS_ADMIN_PASSWORD ?? 'Bench-password-2026',
          },
        });
        db = prepare();
        db.exec('BEGIN');
        continue;
      }
      const write = insert[r.type as string];
      if (!write) throw new Error(`raw writer: no table for ${String(r.type)}`);
      write(r);
      rows += 1;
    }
    if (!db) throw new Error('raw writer: no site in the file');
    db.exec('COMMIT');
    // The import's one audit entry, as the import writes it.
    await core.ctx.vault
      .requireStore()
      .transaction((em) =>
        appendAudit(em, { actorId: null, action: 'import', detail: { rows } }, new Date()),
      );
    return rows;
  } finally {
    await core.close();
  }
}

async function work(args: string[]): Promise<{ exitCode: number; rows?: number }> {
  const [mode, dir, file] = args;
  if (mode === 'idle') return { exitCode: 0 };
  if (mode === 'import') return { exitCode: await main(['import', '--data', dir, file]) };
  if (mode === 'export') return { exitCode: await main(['export', '--data', dir, '--out', file]) };
  if (mode === 'raw') return { exitCode: 0, rows: await rawWrite(dir, file) };
  throw new Error(`unknown mode ${mode}`);
}

async function measured(): Promise<void> {
  const startRss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { exitCode, rows } = await work(process.argv.slice(2));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const report: ChildReport = {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    startRssMiB: startRss / 1024 / 1024,
    exitCode,
    rows,
  };
  writeSync(3, `${JSON.stringify(report)}\n`);
  process.exitCode = exitCode;
}

measured().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
