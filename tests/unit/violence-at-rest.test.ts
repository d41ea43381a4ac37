/**
 * Issue 11's proof for attachments (docs/violence-care.md, section 5): a marker written in an
 * incident's narrative and inside an attached PDF appears in no file of the data folder, no file
 * written under the temp folder or the working folder meanwhile, and no log or console line —
 * while the store is open and after it is closed. Once the document is deleted and the store
 * closed (checkpointed, no WAL left), its marker is gone from a copy of the store decrypted with
 * the right key, while the narrative's marker is still there (the check can see a marker).
 *
 * The decrypted copy is made with `PRAGMA rekey = ''`, which SQLite3MultipleCiphers runs as a
 * VACUUM, so it shows live content only. The page-level proof is the second test: the driver has
 * no `sqlite_dbpage`, but `db.serialize()` (sqlite3_serialize) reads every page of the live
 * connection through the pager — decrypted, free pages included, into memory, nothing on disk —
 * so after a deletion and the store's checkpoint it shows what the main file's pages hold. It is
 * shown to fail on the same connection with `secure_delete` off.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Keyring } from '../../electron/core/db/keyring';
import { unwrapKey } from '../../electron/core/db/keywrap';
import { purgePending } from '../../electron/core/db/purge';
import { databasePath, Store } from '../../electron/core/db/store';
import { splitInChunks } from '../../shared/domain/attachments';
import { ADMIN, startCore, tempDir, type TestCore } from './helpers/core';
import { personInput, reception, staff, type Centre } from './helpers/reception';
import { allFiles, filesContaining, filesModifiedSince } from './helpers/torture-fs';

const ROOT = path.resolve(__dirname, '../..');

/** Everything written to stdout / stderr during a test, besides the core's own log lines. */
let output: string[] = [];
beforeEach(() => {
  output = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return original(chunk, ...rest);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

const skipHeavy = (p: string): boolean => /[/\\](node_modules|\.git|dist|out)$/.test(p);

function logLeaks(t: TestCore, marker: string): string[] {
  return [...t.logs, ...output].filter(
    (line) => line.includes(marker) || Buffer.from(line, 'utf8').includes(Buffer.from(marker, 'utf16le')),
  );
}

/** A PDF (over two chunks) whose text carries the marker, in UTF-8 and UTF-16 as PDFs may. */
function markedPdf(marker: string): Buffer {
  const text = Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${marker}) >> endobj\n`),
    Buffer.from(`Victime ${marker}`, 'utf16le'),
  ]);
  const filler = Buffer.alloc(400 * 1024, 0x20);
  return Buffer.concat([text, filler, Buffer.from(`\n(${marker}) Tj\n%%EOF\n`)]);
}

/** A plain copy of the closed store, decrypted with the coordinator's key (live content: see the header). */
async function decryptedCopy(dataDir: string): Promise<Buffer> {
  const keyring = Keyring.load(dataDir);
  const account = keyring?.account(ADMIN.username);
  if (!keyring || !account) throw new Error('no keyring account for the coordinator');
  const key = await unwrapKey(account.wrapped, ADMIN.password);
  if (!key) throw new Error('the keyring did not give the key back');
  const copy = path.join(tempDir('parcours-plain-'), 'plain.db');
  copyFileSync(databasePath(dataDir), copy);
  const db = new Database(copy);
  try {
    db.pragma(`cipher = '${keyring.cipher}'`);
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.pragma("rekey = ''");
  } finally {
    db.close();
  }
  return readFileSync(copy);
}

const holds = (bytes: Buffer, marker: string) =>
  bytes.includes(Buffer.from(marker, 'utf8')) || bytes.includes(Buffer.from(marker, 'utf16le'));

describe('violence records and their documents at rest', () => {
  it('a marker in a narrative and in an attached PDF is in no file, temp file or log line; deleted, it is gone from the decrypted store', async () => {
    const started = Date.now() - 2000;
    const narrativeMarker = `zqnarr${randomBytes(8).toString('hex')}`;
    const documentMarker = `zqdoc${randomBytes(8).toString('hex')}`;
    const t = await reception();
    const social = await staff(t, 'sara', ['social_worker']);
    const person = await t.must('persons.create', personInput(t, { nameUsed: 'Salma' }), social.token);
    const personId = person.id;
    const incident = await t.must(
      'violence.saveIncident',
      {
        personId,
        occurredOn: '2026-03-01',
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      },
      social.token,
    );
    await t.must(
      'violence.saveNarrative',
      { personId, incidentId: incident.id, text: `Elle raconte : ${narrativeMarker}` },
      social.token,
    );
    const pdf = markedPdf(documentMarker);
    const { uploadId } = await t.must(
      'attachments.stageBegin',
      {
        fileName: `certificat_${documentMarker}.pdf`,
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
      social.token,
    );
    for (const [seq, chunk] of splitInChunks(pdf).entries())
      await t.must(
        'attachments.stageChunk',
        { uploadId, seq, base64: Buffer.from(chunk).toString('base64') },
        social.token,
      );
    const meta = await t.must(
      'violence.attach',
      { personId, incidentId: incident.id, uploadId, kind: 'certificate' },
      social.token,
    );
    const opened = await t.must('violence.openAttachment', { personId, attachmentId: meta.id }, social.token);
    expect(Buffer.from(opened.base64, 'base64').equals(pdf)).toBe(true);

    const markers = [narrativeMarker, documentMarker];
    const db = databasePath(t.dataDir);
    // While open: the write-ahead log holds the recent writes, encrypted like the file.
    expect(existsSync(`${db}-wal`)).toBe(true);
    for (const marker of markers) expect(filesContaining(allFiles(t.dataDir), marker)).toEqual([]);

    // The proof can see the marker when it is there: before the deletion the decrypted pages hold both.
    await t.core.close();
    const before = await decryptedCopy(t.dataDir);
    expect(holds(before, narrativeMarker)).toBe(true);
    expect(holds(before, documentMarker)).toBe(true);
    for (const marker of markers) expect(filesContaining(allFiles(t.dataDir), marker)).toEqual([]);

    // Reopened on the same folder: the document is deleted for good.
    const again = await startCore(t.dataDir, t.clock);
    const token = (
      await again.must('auth.login', { username: 'sara', password: 'Nouveau-Mot-de-passe-2026' })
    ).token;
    await again.must(
      'violence.deleteAttachment',
      { personId, attachmentId: meta.id, version: meta.version },
      token,
    );
    await again.core.close();
    expect(existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).length : 0).toBe(0);
    const after = await decryptedCopy(t.dataDir);
    expect(holds(after, narrativeMarker)).toBe(true);
    expect(holds(after, documentMarker)).toBe(false);

    // Nowhere in plain: data folder, temp folder, working folder, logs and console.
    for (const marker of markers) {
      expect(filesContaining(allFiles(t.dataDir), marker)).toEqual([]);
      const temp = filesModifiedSince(
        tmpdir(),
        started,
        (p) => skipHeavy(p) || p.includes('parcours-plain-'),
      );
      expect(filesContaining(temp, marker)).toEqual([]);
      expect(filesContaining(filesModifiedSince(ROOT, started, skipHeavy), marker)).toEqual([]);
      expect(logLeaks(t, marker)).toEqual([]);
      expect(logLeaks(again, marker)).toEqual([]);
    }
  });

  it('page level: once deleted, no page of the live store — free pages included, decrypted — holds the document; with secure_delete off they would', async () => {
    const t = await reception();
    const social = await staff(t, 'sara', ['social_worker']);
    const person = await t.must('persons.create', personInput(t, { nameUsed: 'Salma' }), social.token);
    const incident = await t.must(
      'violence.saveIncident',
      {
        personId: person.id,
        occurredOn: '2026-03-01',
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      },
      social.token,
    );
    const secure = `zqsecure${randomBytes(8).toString('hex')}`;
    const control = `zqcontrol${randomBytes(8).toString('hex')}`;
    const securePdf = await attachMarked(t, social.token, person.id, incident.id, secure);
    const controlPdf = await attachMarked(t, social.token, person.id, incident.id, control);
    const store = t.core.ctx.vault.requireStore();
    const wal = `${databasePath(t.dataDir)}-wal`;
    // Every page as the pager reads it (decrypted), free ones included, in memory only.
    const pages = () => store.exclusive(() => store.handle.serialize());
    const remove = (meta: { id: string; version: number }) =>
      t.must(
        'violence.deleteAttachment',
        { personId: person.id, attachmentId: meta.id, version: meta.version },
        social.token,
      );

    const before = await pages();
    expect(holds(before, secure)).toBe(true);
    expect(holds(before, control)).toBe(true);

    await remove(securePdf);
    // The store checkpointed after the purge, while open: the old pages left the log.
    expect(statSync(wal).size).toBe(0);
    const after = await pages();
    expect(holds(after, secure)).toBe(false);
    expect(holds(after, control)).toBe(true);
    // The document's pages are free, not gone from the file: the proof read them.
    const free = await store.exclusive(() => store.handle.pragma('freelist_count', { simple: true }));
    expect(free).toBeGreaterThan(0);
    expect(after.length).toBe(before.length);

    // Control on the same connection: without secure_delete the freed pages keep the document.
    await store.exclusive(() => store.handle.pragma('secure_delete = OFF'));
    await remove(controlPdf);
    expect(statSync(wal).size).toBe(0);
    expect(holds(await pages(), control)).toBe(true);
  });
});

describe('the checkpoint after a purge', () => {
  it('a reader holding an older snapshot leaves the checkpoint pending; the next unit of work completes it', async () => {
    const t = await reception();
    const social = await staff(t, 'sara', ['social_worker']);
    const person = await t.must('persons.create', personInput(t, { nameUsed: 'Salma' }), social.token);
    const incident = await t.must(
      'violence.saveIncident',
      {
        personId: person.id,
        occurredOn: '2026-03-01',
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      },
      social.token,
    );
    const marker = `zqpending${randomBytes(8).toString('hex')}`;
    const meta = await attachMarked(t, social.token, person.id, incident.id, marker);
    const store = t.core.ctx.vault.requireStore();
    const wal = `${databasePath(t.dataDir)}-wal`;
    // A second connection (as the long-read worker's) in the middle of a read.
    const reader = await Store.openReadOnly({
      dataDir: t.dataDir,
      key: t.core.ctx.vault.requireDataKey(),
      cipher: t.core.ctx.vault.getKeyring().cipher,
    });
    try {
      reader.handle.exec('BEGIN');
      reader.handle.prepare('SELECT count(*) FROM attachment_chunk').get();
      await t.must(
        'violence.deleteAttachment',
        { personId: person.id, attachmentId: meta.id, version: meta.version },
        social.token,
      );
      expect(purgePending(store.ds)).toBe(true);
      expect(statSync(wal).size).toBeGreaterThan(0);
      reader.handle.exec('COMMIT');
      // The next unit of work, whatever it is (here an empty one, as the store's close runs), completes it.
      await store.exclusive(() => undefined);
      expect(purgePending(store.ds)).toBe(false);
      expect(statSync(wal).size).toBe(0);
      expect(holds(await store.exclusive(() => store.handle.serialize()), marker)).toBe(false);
    } finally {
      await reader.close();
    }
  });
});

/** Stages and attaches a PDF carrying the marker to the incident; its metadata. */
async function attachMarked(
  t: Centre,
  token: string,
  personId: string,
  incidentId: string,
  marker: string,
): Promise<{ id: string; version: number }> {
  const pdf = markedPdf(marker);
  const { uploadId } = await t.must(
    'attachments.stageBegin',
    { fileName: 'certificat.pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
    token,
  );
  for (const [seq, chunk] of splitInChunks(pdf).entries())
    await t.must(
      'attachments.stageChunk',
      { uploadId, seq, base64: Buffer.from(chunk).toString('base64') },
      token,
    );
  return t.must('violence.attach', { personId, incidentId, uploadId, kind: 'certificate' }, token);
}
