/**
 * Attachment benchmarks (issue 11 item 8, docs/violence-care.md sections 5 and 10), on a store of
 * the ten-year scale (the 10× persons file imported by `parcours import`: 15,740 persons, 62,530
 * visits…), one social worker on the old site:
 *
 * - `write`: a 2 MiB PDF staged (`attachments.stageBegin`, 13 × `attachments.stageChunk`) and
 *   committed (`violence.attach`) through `dispatch`, against raw SQL doing the same work on the
 *   same connection (the chunks decoded from base64, the SHA-256 and the type checked, the
 *   `attachment` row and its 13 `attachment_chunk` rows and the same audit entry in one
 *   transaction), and raw + seal (the audit head sealed as the app's store does). Each document
 *   is deleted after its sample, unmeasured, so that every sample writes into the same store.
 * - `open`: `violence.openAttachment` of a 2 MiB PDF (its base64) against the raw reads of the
 *   row and its chunks, the base64 and the same read audit entry (and + seal).
 * - `secure_delete` ON vs OFF, the app on both sides (the pragma toggled on the store's
 *   connection before each block: it is per connection): `violence.deleteAttachment` of a 2 MiB
 *   document (written beforehand by raw SQL, unmeasured; the store's checkpoint after the purge
 *   included on both sides), and a typical record update (`violence.saveIncident` changing one
 *   field of an incident, its version carried).
 *
 * Every figure: ≥ 200 samples per side after 30 warm-up calls of every side, blocks of 25 in an
 * order that changes each round, wall-clock and CPU time (stats.ts `alternate`, here with an
 * unmeasured set-up and clean-up around each sample).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ATTACHMENT_CHUNK_BYTES, sniffMediaType, splitInChunks } from '../../shared/domain/attachments';
import {
  ADMIN,
  SITE,
  auditPerCall,
  auditWriter,
  generate,
  openBench,
  rawSealer,
  runChild,
  type Bench,
} from './scale';
import { ms, ratio, sample, seconds, summarise, table, type Sample, type Summary } from './stats';

export interface AttachmentBenchOptions {
  samples: number;
  block: number;
  warm: number;
  log: (line: string) => void;
}

/**
 * Targets (docs/violence-care.md section 10): a write within 3× the raw side, an open's p95 within
 * 300 ms, and `secure_delete` costing other writes (a record update) at most 5 %.
 */
export const ATTACHMENT_TARGETS = { writeRatio: 3, openP95Ms: 300, secureDeleteCost: 1.05 } as const;

/** The ten-year scale; a smaller one only to develop the bench. */
const SCALE = Number(process.env.PARCOURS_BENCH_ATTACHMENTS_SCALE ?? 10);
const DOCUMENT_BYTES = 2 * 1024 * 1024;

/** A 2 MiB PDF whose bytes differ from one sample to the next (no page ever repeats another's). */
function pdf(index: number): Buffer {
  const bytes = Buffer.alloc(DOCUMENT_BYTES);
  let seed = 0x5eed ^ (index * 2654435761);
  for (let i = 0; i < bytes.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes.writeUInt32LE(seed, i);
  }
  Buffer.from(`%PDF-1.7\n%bench ${index}\n`).copy(bytes, 0);
  return bytes;
}

interface Side {
  /** Unmeasured, before the sample. */
  before?(i: number): Promise<void> | void;
  run(i: number): Promise<unknown>;
  /** Unmeasured, after the sample. */
  after?(i: number): Promise<void> | void;
}

/**
 * stats.ts `alternate` with an unmeasured set-up and clean-up around each call: the same warm-up,
 * blocks and changing order of the sides.
 */
async function alternateAround<K extends string>(
  sides: Record<K, Side>,
  o: Pick<AttachmentBenchOptions, 'samples' | 'block' | 'warm'>,
): Promise<Record<K, Sample[]>> {
  const keys = Object.keys(sides) as K[];
  const next = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const out = Object.fromEntries(keys.map((k) => [k, [] as Sample[]])) as Record<K, Sample[]>;
  const once = async (k: K, measured: boolean) => {
    const i = next[k]++;
    await sides[k].before?.(i);
    const s = await sample(() => sides[k].run(i));
    await sides[k].after?.(i);
    if (measured) out[k].push(s);
  };
  for (const k of keys) for (let i = 0; i < o.warm; i++) await once(k, false);
  const rounds = Math.ceil(o.samples / o.block);
  for (let r = 0; r < rounds; r++) {
    const shift = r % keys.length;
    const order = [...keys.slice(shift), ...keys.slice(0, shift)];
    if (keys.length > 2 && Math.floor(r / keys.length) % 2 === 1) order.reverse();
    for (const k of order) {
      const n = Math.min(o.block, o.samples - out[k].length);
      for (let i = 0; i < n; i++) await once(k, true);
    }
  }
  return out;
}

export interface AttachmentFigures {
  scale: number;
  persons: number;
  storeMiB: number;
  importedMs: number;
  write: { app: Summary; raw: Summary; rawSeal: Summary; auditPerCall: Record<string, number> };
  open: { app: Summary; raw: Summary; rawSeal: Summary; auditPerCall: Record<string, number> };
  deleteOnOff: { on: Summary; off: Summary };
  updateOnOff: { on: Summary; off: Summary };
}

interface Fixture {
  b: Bench;
  personId: string;
  incidentId: string;
  siteId: string;
}

/** The raw side's writes and reads, hand-written on the store's own connection. */
function rawSide(f: Fixture) {
  const db = f.b.core.ctx.vault.requireStore().handle;
  const audit = auditWriter(f.b);
  const insertRow = db.prepare(
    `INSERT INTO attachment (id, person_id, section, owner_type, owner_id, kind, file_name, media_type, size_bytes, sha256, chunk_count, rotation, description, created_by, created_at, updated_at, version)
     VALUES (?, ?, 'violence', 'violence_incident', ?, 'certificate', ?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, 1)`,
  );
  const insertChunk = db.prepare('INSERT INTO attachment_chunk (attachment_id, seq, bytes) VALUES (?, ?, ?)');
  const row = db.prepare('SELECT person_id, owner_type, media_type, rotation FROM attachment WHERE id = ?');
  const chunks = db.prepare('SELECT bytes FROM attachment_chunk WHERE attachment_id = ? ORDER BY seq');
  const dropChunks = db.prepare('DELETE FROM attachment_chunk WHERE attachment_id = ?');
  const dropRow = db.prepare('DELETE FROM attachment WHERE id = ?');
  const entry = (action: string, id: string) => ({
    action,
    section: 'violence',
    personId: f.personId,
    targetType: 'attachment',
    targetId: id,
    siteId: null,
    reason: null,
    detail: null,
  });
  return {
    /** The same work as stage + commit, from the same base64 chunks; the head it left. */
    write(id: string, base64Chunks: readonly string[], announcedSha: string) {
      const bytes = Buffer.concat(base64Chunks.map((c) => Buffer.from(c, 'base64')));
      if (createHash('sha256').update(bytes).digest('hex') !== announcedSha) throw new Error('sha256');
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) throw new Error('type');
      const at = new Date().toISOString();
      return audit([entry('create', id)], () => {
        insertRow.run(
          id,
          f.personId,
          f.incidentId,
          'certificat.pdf',
          mediaType,
          bytes.length,
          announcedSha,
          base64Chunks.length,
          f.b.userId,
          at,
          at,
        );
        for (const [seq, chunk] of splitInChunks(bytes).entries()) insertChunk.run(id, seq, chunk);
      });
    },
    /** The same reads as `violence.openAttachment`, the base64 and its read audit entry. */
    open(id: string) {
      let base64 = '';
      const head = audit([entry('read', id)], () => {
        const meta = row.get(id) as { person_id: string } | undefined;
        if (!meta || meta.person_id !== f.personId) throw new Error('unknown attachment');
        base64 = Buffer.concat((chunks.all(id) as Array<{ bytes: Buffer }>).map((c) => c.bytes)).toString(
          'base64',
        );
      });
      return { head, base64 };
    },
    /** Unmeasured clean-up and set-up: a document in or out without the app's checks. */
    drop(id: string) {
      db.transaction(() => {
        dropChunks.run(id);
        dropRow.run(id);
      })();
    },
  };
}

/** What the renderer sends for a document: its size, SHA-256 and base64 chunks. */
interface Upload {
  size: number;
  sha256: string;
  chunks: string[];
}

function upload(bytes: Buffer): Upload {
  return {
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    chunks: splitInChunks(bytes).map((c) => Buffer.from(c).toString('base64')),
  };
}

async function stageAndAttach(f: Fixture, u: Upload): Promise<{ id: string; version: number }> {
  const { uploadId } = (await f.b.local('attachments.stageBegin', {
    fileName: 'certificat.pdf',
    size: u.size,
    sha256: u.sha256,
  })) as { uploadId: string };
  for (const [seq, base64] of u.chunks.entries())
    await f.b.local('attachments.stageChunk', { uploadId, seq, base64 });
  return (await f.b.local('violence.attach', {
    personId: f.personId,
    incidentId: f.incidentId,
    uploadId,
    kind: 'certificate',
  })) as { id: string; version: number };
}

async function buildStore(
  work: string,
  o: AttachmentBenchOptions,
): Promise<{ dir: string; persons: number; importedMs: number }> {
  const file = path.join(work, 'persons.jsonl');
  const { records } = generate(file, SCALE);
  const dir = path.join(work, 'centre');
  const t0 = performance.now();
  await runChild(['import', dir, file], {
    PARCOURS_ADMIN_USER: ADMIN.username,
    PARCOURS_ADMIN_PASSWORD: ADMIN.password,
  });
  const importedMs = performance.now() - t0;
  rmSync(file, { force: true });
  o.log(
    `  store built: ${records.person} persons, ${records.visit} visits imported in ${seconds(importedMs)}`,
  );
  return { dir, persons: records.person ?? 0, importedMs };
}

export async function benchAttachments(o: AttachmentBenchOptions): Promise<AttachmentFigures> {
  const work = mkdtempSync(path.join(tmpdir(), 'parcours-bench-attachments-'));
  try {
    const { dir, persons, importedMs } = await buildStore(work, o);
    const b = await openBench(dir, { roles: ['social_worker'], siteIds: [SITE] });
    try {
      const store = b.core.ctx.vault.requireStore();
      const db = store.handle;
      const { id: personId, site_id: siteId } = db
        .prepare('SELECT id, site_id FROM person WHERE merged_into IS NULL ORDER BY id LIMIT 1')
        .get() as { id: string; site_id: string };
      const incident = (await b.local('violence.saveIncident', {
        personId,
        occurredOn: '2026-03-01',
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      })) as { id: string; version: number };
      const f: Fixture = { b, personId, incidentId: incident.id, siteId };
      const raw = rawSide(f);
      const seal = rawSealer(b);
      const storeMiB =
        (
          db
            .prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()')
            .get() as { n: number }
        ).n /
        2 ** 20;
      const opts = { samples: o.samples, block: o.block, warm: o.warm };

      // ——— write: stage + commit vs raw ———
      o.log('  write (2 MiB PDF): app / raw / raw + seal');
      // Each sample's input made beforehand (unmeasured): the base64 chunks and the SHA-256 the
      // renderer sends; each document dropped afterwards (unmeasured) so the store stays the same.
      const prepared = new Map<string, Upload>();
      const written = new Map<string, string>();
      const writeSide = (name: string, write: (u: Upload) => Promise<string>): Side => ({
        before: (i) => void prepared.set(`${name}:${i}`, upload(pdf(i))),
        run: async (i) => written.set(`${name}:${i}`, await write(prepared.get(`${name}:${i}`) as Upload)),
        after: (i) => {
          raw.drop(written.get(`${name}:${i}`) as string);
          prepared.delete(`${name}:${i}`);
        },
      });
      const writeSides = {
        app: writeSide('app', async (u) => (await stageAndAttach(f, u)).id),
        raw: writeSide('raw', (u) => {
          const id = randomUUID();
          raw.write(id, u.chunks, u.sha256);
          return Promise.resolve(id);
        }),
        rawSeal: writeSide('rawSeal', async (u) => {
          const id = randomUUID();
          await seal(raw.write(id, u.chunks, u.sha256));
          return id;
        }),
      };
      const writeSamples = await alternateAround(writeSides, opts);
      const whole = (side: Side) => async (i: number) => {
        await side.before?.(10_000 + i);
        await side.run(10_000 + i);
        await side.after?.(10_000 + i);
      };
      const writeAudit = await auditPerCall(b, { app: whole(writeSides.app), raw: whole(writeSides.raw) }, 3);

      // ——— open ———
      o.log('  open (2 MiB PDF): app / raw / raw + seal');
      const opened = await stageAndAttach(f, upload(pdf(424242)));
      const openSides = {
        app: () => b.local('violence.openAttachment', { personId, attachmentId: opened.id }),
        raw: () => Promise.resolve(raw.open(opened.id)),
        rawSeal: async () => seal(raw.open(opened.id).head),
      };
      const openSamples = await alternateAround(
        {
          app: { run: openSides.app },
          raw: { run: openSides.raw },
          rawSeal: { run: openSides.rawSeal },
        },
        opts,
      );
      const openAudit = await auditPerCall(b, { app: openSides.app, raw: openSides.raw }, 3);

      // ——— secure_delete ON vs OFF: deletion of a 2 MiB document, a record update ———
      const setPragma = (on: boolean) =>
        store.exclusive(() => db.pragma(`secure_delete = ${on ? 'ON' : 'OFF'}`));
      o.log('  secure_delete ON vs OFF: violence.deleteAttachment (2 MiB)');
      const toDelete = new Map<string, string>();
      const deleteSide = (on: boolean): Side => ({
        before: async (i) => {
          await setPragma(on);
          const id = randomUUID();
          const u = upload(pdf(100_000 + i));
          raw.write(id, u.chunks, u.sha256);
          toDelete.set(`${on}:${i}`, id);
        },
        run: (i) =>
          b.local('violence.deleteAttachment', {
            personId,
            attachmentId: toDelete.get(`${on}:${i}`),
            version: 1,
          }),
        after: (i) => void toDelete.delete(`${on}:${i}`),
      });
      const deleteSamples = await alternateAround({ on: deleteSide(true), off: deleteSide(false) }, opts);

      o.log('  secure_delete ON vs OFF: violence.saveIncident (an update)');
      let version = incident.version;
      const updateSide = (on: boolean): Side => ({
        before: async () => void (await setPragma(on)),
        run: async (i) => {
          const saved = (await b.local('violence.saveIncident', {
            id: incident.id,
            version,
            personId,
            occurredOn: '2026-03-01',
            placeKind: i % 2 ? 'public_space' : 'home',
            seedTypes: ['physical_assault'],
            gbvimsType: 'physical_assault',
          })) as { version: number };
          version = saved.version;
        },
      });
      const updateSamples = await alternateAround({ on: updateSide(true), off: updateSide(false) }, opts);
      await setPragma(true);

      return {
        scale: SCALE,
        persons,
        storeMiB,
        importedMs,
        write: {
          app: summarise(writeSamples.app),
          raw: summarise(writeSamples.raw),
          rawSeal: summarise(writeSamples.rawSeal),
          auditPerCall: writeAudit,
        },
        open: {
          app: summarise(openSamples.app),
          raw: summarise(openSamples.raw),
          rawSeal: summarise(openSamples.rawSeal),
          auditPerCall: openAudit,
        },
        deleteOnOff: { on: summarise(deleteSamples.on), off: summarise(deleteSamples.off) },
        updateOnOff: { on: summarise(updateSamples.on), off: summarise(updateSamples.off) },
      };
    } finally {
      await b.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const row = (label: string, s: Summary, base?: Summary): string[] => [
  label,
  ms(s.p50),
  ms(s.p95),
  ms(s.cpuP50),
  base ? ratio(s.p50 / base.p50) : '',
  base ? ratio(s.cpuP50 / base.cpuP50) : '',
];

export function formatAttachments(r: AttachmentFigures): string {
  const header = ['side', 'p50', 'p95', 'cpu p50', 'p50 ratio', 'cpu ratio'];
  return [
    `Attachments at ${r.scale}× (${r.persons.toLocaleString('en')} persons, store ${r.storeMiB.toFixed(0)} MiB after the import of ${seconds(r.importedMs)}); a 2 MiB PDF in ${Math.ceil(DOCUMENT_BYTES / ATTACHMENT_CHUNK_BYTES)} chunks; ${r.write.app.n} samples per side`,
    '  write: stage + commit through dispatch vs raw SQL (ratios to raw + seal)',
    table(header, [
      row('app (dispatch)', r.write.app, r.write.rawSeal),
      row('raw', r.write.raw),
      row('raw + seal', r.write.rawSeal),
    ]),
    `  audit entries per call: ${JSON.stringify(r.write.auditPerCall)}`,
    '  open: violence.openAttachment vs raw reads + base64 (ratios to raw + seal)',
    table(header, [
      row('app (dispatch)', r.open.app, r.open.rawSeal),
      row('raw', r.open.raw),
      row('raw + seal', r.open.rawSeal),
    ]),
    `  audit entries per call: ${JSON.stringify(r.open.auditPerCall)}`,
    '  secure_delete ON vs OFF (the app on both sides; ratios ON / OFF)',
    table(header, [
      row('delete 2 MiB, OFF', r.deleteOnOff.off),
      row('delete 2 MiB, ON', r.deleteOnOff.on, r.deleteOnOff.off),
      row('incident update, OFF', r.updateOnOff.off),
      row('incident update, ON', r.updateOnOff.on, r.updateOnOff.off),
    ]),
  ].join('\n');
}

export function attachmentTargets(r: AttachmentFigures): string[][] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const writeRatio = r.write.app.p50 / r.write.rawSeal.p50;
  const deleteCost = r.deleteOnOff.on.cpuP50 / r.deleteOnOff.off.cpuP50;
  const updateCost = r.updateOnOff.on.cpuP50 / r.updateOnOff.off.cpuP50;
  return [
    [
      `attachment write 2 MiB, p50 vs raw + seal (cpu ${ratio(r.write.app.cpuP50 / r.write.rawSeal.cpuP50)})`,
      ratio(writeRatio),
      `≤ ${ratio(ATTACHMENT_TARGETS.writeRatio)}`,
      verdict(writeRatio <= ATTACHMENT_TARGETS.writeRatio),
    ],
    [
      'attachment open 2 MiB, p95',
      ms(r.open.app.p95),
      `≤ ${ms(ATTACHMENT_TARGETS.openP95Ms)}`,
      verdict(r.open.app.p95 <= ATTACHMENT_TARGETS.openP95Ms),
    ],
    [
      // The purge's own price (zeroing the document's pages), not a cost on other writes: shown, not judged.
      `secure_delete on a 2 MiB delete, cpu p50 ON/OFF (wall ${ratio(r.deleteOnOff.on.p50 / r.deleteOnOff.off.p50)}; p95 ON ${ms(r.deleteOnOff.on.p95)})`,
      ratio(deleteCost),
      'shown',
      '—',
    ],
    [
      `secure_delete cost on a record update, cpu p50 ON/OFF (wall ${ratio(r.updateOnOff.on.p50 / r.updateOnOff.off.p50)})`,
      ratio(updateCost),
      `≤ ${ratio(ATTACHMENT_TARGETS.secureDeleteCost)}`,
      verdict(updateCost <= ATTACHMENT_TARGETS.secureDeleteCost),
    ],
  ];
}
