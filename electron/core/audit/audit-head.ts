/**
 * The sealed head of the audit chain, kept outside the database: `audit-head.json` in the data
 * folder holds the number of entries and the hash of the last one, with an HMAC under K_audit.
 *
 * It is written after the unit of work that appended entries ends (store.ts), so it may lag
 * behind the database by the entries of a unit whose seal did not get written (a crash, a full
 * disk) — never run ahead of what was committed. The rule is therefore "the database CONTAINS the
 * sealed head" (its entry at that sequence number with that hash), not "ends there": a database
 * put back from an older copy, or cut short, does not contain it.
 *
 * When a store opens and its log does not contain the sealed head, the record is left as it is
 * (it is the evidence) and no new head is sealed for as long as that store stays open, so that
 * every `audit verify` keeps reporting `head_mismatch`. The store still opens: care goes on.
 *
 * The anchor is the same idea on paper: a short code of a head (sequence number and a truncated
 * MAC) that a coordinator keeps away from the computer, so that a re-keyed or rewritten history
 * is caught even by someone who could re-seal the head file.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SqliteHandle } from '../db/sqlite';
import { writeFileAtomic } from '../db/files';
import type { AuditKey } from './audit-key';
import { GENESIS_HASH, hashAt, hasKeyedEntries, lastEntry, type HeadExpectation } from './audit-log';

export const AUDIT_HEAD_FILE = 'audit-head.json';

export interface ChainHead {
  /** Number of entries, i.e. the sequence number of the last one (0: empty log). */
  count: number;
  /** Hash of the entry `count` (the genesis hash for an empty log). */
  hash: string;
}

interface HeadFile extends ChainHead {
  format: 'parcours-audit-head';
  version: 1;
  /** Which K_audit sealed it: tells a missing --audit-key-file from a forgery in a report. */
  key: AuditKey['source'];
  at: string;
  mac: string;
}

export function headPath(dataDir: string): string {
  return path.join(dataDir, AUDIT_HEAD_FILE);
}

function headMac(key: Buffer, head: ChainHead, source: AuditKey['source'], at: string): string {
  return createHmac('sha256', key)
    .update(`parcours audit head v1\0${head.count}\0${head.hash}\0${source}\0${at}`)
    .digest('hex');
}

function headFileText(key: AuditKey, head: ChainHead, now: Date): string {
  const at = now.toISOString();
  const file: HeadFile = {
    format: 'parcours-audit-head',
    version: 1,
    count: head.count,
    hash: head.hash,
    key: key.source,
    at,
    mac: headMac(key.key, head, key.source, at),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Seals `head` into the folder's head record (atomic replace). */
export function writeSealedHead(dataDir: string, key: AuditKey, head: ChainHead, now: Date): void {
  writeFileAtomic(headPath(dataDir), headFileText(key, head, now));
}

/**
 * The same, with the writes and fsyncs on libuv's thread pool: sealing after each unit of work
 * must not hold the core's thread (every call of every workstation) for two fsyncs.
 * A crash leaves the old record or the new one (write a sibling, flush, rename, flush the folder).
 */
export async function writeSealedHeadAsync(
  dataDir: string,
  key: AuditKey,
  head: ChainHead,
  now: Date,
): Promise<void> {
  const target = headPath(dataDir);
  // Not `.partial` (files.ts): a copy in flight here is not a keyring copy left behind.
  const tmp = `${target}.${randomBytes(6).toString('hex')}.sealing`;
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(headFileText(key, head, now));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  try {
    const dir = await open(dataDir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; the rename is still atomic there.
  }
}

export function removeSealedHead(dataDir: string): void {
  rmSync(headPath(dataDir), { force: true });
}

/** A process killed while sealing leaves `audit-head.json.<random>.sealing` behind. */
function removeLeftovers(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(`${AUDIT_HEAD_FILE}.`) && (name.endsWith('.sealing') || name.endsWith('.partial')))
      rmSync(path.join(dataDir, name), { force: true });
  }
}

/**
 * The folder's sealed head: null when there is none; 'unsealed' when the file is damaged, foreign,
 * or its MAC does not verify under this K_audit (edited, or sealed under another key).
 */
export function readSealedHead(dataDir: string, key: AuditKey): ChainHead | 'unsealed' | null {
  const file = headPath(dataDir);
  if (!existsSync(file)) return null;
  let data: Partial<HeadFile>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<HeadFile>;
  } catch {
    return 'unsealed';
  }
  if (
    data.format !== 'parcours-audit-head' ||
    data.version !== 1 ||
    !Number.isSafeInteger(data.count) ||
    (data.count ?? -1) < 0 ||
    typeof data.hash !== 'string' ||
    typeof data.at !== 'string' ||
    typeof data.mac !== 'string' ||
    (data.key !== 'file' && data.key !== 'derived')
  )
    return 'unsealed';
  const head = { count: data.count as number, hash: data.hash };
  const expected = Buffer.from(headMac(key.key, head, data.key, data.at), 'hex');
  const given = Buffer.from(data.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'unsealed';
  return head;
}

/** The head as the database holds it now. */
export function currentHead(db: SqliteHandle): ChainHead {
  const last = lastEntry(db);
  return last ? { count: last.seq, hash: last.hash } : { count: 0, hash: GENESIS_HASH };
}

/** Whether the database holds the entry `head.count` with `head.hash`. */
export function containsHead(db: SqliteHandle, head: ChainHead): boolean {
  if (head.count === 0) return head.hash === GENESIS_HASH;
  return hashAt(db, head.count) === head.hash;
}

/**
 * What verification must hold the log to. A missing record is tolerated only while the log has no
 * keyed entry (a store from before the keyed chain, before its first seal): once keyed entries
 * exist a head was sealed before them (`checkHeadAtOpen` seals first), so its absence is a removal.
 */
export function headExpectation(dataDir: string, key: AuditKey, db: SqliteHandle): HeadExpectation {
  const sealed = readSealedHead(dataDir, key);
  if (sealed === null) return hasKeyedEntries(db) ? 'unsealed' : null;
  return sealed;
}

export type HeadCheck =
  | { ok: true; head: ChainHead }
  | { ok: false; reason: 'missing' | 'unsealed' | 'not_contained'; sealed: ChainHead | null };

/**
 * At open: does the database contain the sealed head? If so (or if there is nothing to hold it
 * to yet), seal the current head so the record starts from here; if not, leave the record as the
 * evidence it is and report it.
 */
export function checkHeadAtOpen(dataDir: string, key: AuditKey, db: SqliteHandle, now: Date): HeadCheck {
  removeLeftovers(dataDir);
  const sealed = readSealedHead(dataDir, key);
  let check: HeadCheck;
  if (sealed === null)
    check = hasKeyedEntries(db)
      ? { ok: false, reason: 'missing', sealed: null }
      : { ok: true, head: currentHead(db) };
  else if (sealed === 'unsealed') check = { ok: false, reason: 'unsealed', sealed: null };
  else if (!containsHead(db, sealed)) check = { ok: false, reason: 'not_contained', sealed };
  else check = { ok: true, head: currentHead(db) };
  if (check.ok) {
    // Written only when the head moved: opening a store leaves its folder as it was otherwise.
    const { head } = check;
    if (sealed === null || sealed === 'unsealed' || sealed.count !== head.count || sealed.hash !== head.hash)
      writeSealedHead(dataDir, key, head, now);
  }
  return check;
}

// ── The anchor ──────────────────────────────────────────────────────────────────────────────

/** Crockford's base32: no I, L, O, U, so a code copied by hand reads back the same. */
const ANCHOR_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters = 60 bits of MAC: guessing a code that matches a rewritten history is out of reach. */
const ANCHOR_MAC_CHARS = 12;

function anchorMac(key: Buffer, head: ChainHead): string {
  const mac = createHmac('sha256', key)
    .update(`parcours audit anchor v1\0${head.count}\0${head.hash}`)
    .digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < ANCHOR_MAC_CHARS; i += 1) {
    out += ANCHOR_ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  }
  return out;
}

/** `2323-7K4Q-9XWD-PB2M`: the head's sequence number and 60 bits of its MAC under K_audit. */
export function anchorCode(key: AuditKey, head: ChainHead): string {
  const mac = anchorMac(key.key, head);
  return [String(head.count), mac.slice(0, 4), mac.slice(4, 8), mac.slice(8, 12)].join('-');
}

/** Reads a code typed back by hand; null when it is not one. */
export function parseAnchor(code: string): { count: number; mac: string } | null {
  const m = /^\s*(\d+)\s*-(.*)$/.exec(code);
  if (!m) return null;
  const mac = m[2].toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const count = Number(m[1]);
  if (!Number.isSafeInteger(count) || mac.length !== ANCHOR_MAC_CHARS) return null;
  if ([...mac].some((c) => !ANCHOR_ALPHABET.includes(c))) return null;
  return { count, mac };
}

export type AnchorCheck = 'held' | 'missing_entry' | 'mismatch' | 'invalid_code';

/** Does the log still contain the head the anchor was taken of? */
export function checkAnchor(db: SqliteHandle, key: AuditKey, code: string): AnchorCheck {
  const anchor = parseAnchor(code);
  if (!anchor) return 'invalid_code';
  const hash = anchor.count === 0 ? GENESIS_HASH : hashAt(db, anchor.count);
  if (hash === null) return 'missing_entry';
  const expected = Buffer.from(anchorMac(key.key, { count: anchor.count, hash }));
  const given = Buffer.from(anchor.mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'held' : 'mismatch';
}
