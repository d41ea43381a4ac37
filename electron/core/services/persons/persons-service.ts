/**
 * The person registry: create and edit with validation, a file number per site, search, likely
 * duplicates (merges: merge.ts), consent per scope with history, break the glass and
 * "who looked at my file".
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Person, SearchResult } from '../../../../shared/contract/persons';
import { breakGlass as grantBreakGlass } from '../../access/break-glass';
import type { CoreContext } from '../../context';
import { conflict, DomainError, invalid } from '../../errors';
import { CONSENT_SCOPES } from '../../../../shared/domain/roles';
import type { Role } from '../../../../shared/domain/roles';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { requireSite, siteExists } from '../centre/repository';
import { firstVisitOf } from '../visits/repository';
import { consentHistory, currentFrom, insertConsent } from './consents';
import type { DossierCall } from '../../api/routes';
import type { DossierScope } from '../../api/access';
import {
  insertPerson,
  nextFileNumber,
  savePerson,
  unmergedPersonsByIds,
  type ConsentRow,
  type PersonRow,
} from './repository';
import { staffNames } from '../users/staff-names';
import { readAccessLog } from './access-log';
import { nameSimilarity, normalizeText, phoneDigits, type PhonePrefix } from './normalize';
import { birthYearOf, toPerson } from './person-view';
import {
  fragmentCandidates,
  indexPerson,
  nameCandidates,
  nameTokens,
  phonePrefixOf,
  reindexPhones,
  searchIndex,
  tokenCandidates,
  type SearchField,
  type SearchHit,
} from './search-index';

type PersonFields = In<'persons.create'>;

/** The rules on a person's own fields that need only the clock: the refusal of the first broken. */
export function personFieldProblem(input: PersonFields, now: Date): DomainError | null {
  const today = now.toISOString().slice(0, 10);
  if (input.birthDate && input.birthDate > today) return invalid('birthDate', 'in_future');
  if (input.birthYear && input.birthYear > now.getUTCFullYear()) return invalid('birthYear', 'in_future');
  const channels = input.contact.channels;
  if (channels.some((c) => c !== 'email') && !input.contact.phone)
    return invalid('contact.phone', 'required_for_channel');
  if (channels.includes('email') && !input.contact.email)
    return invalid('contact.email', 'required_for_channel');
  return null;
}

/** Checks that need the clock and the store; the contract already checked shapes. */
export async function checkPersonFields(
  em: EntityManager,
  input: PersonFields,
  now: Date,
  personId?: string,
): Promise<void> {
  const problem = personFieldProblem(input, now);
  if (problem) throw problem;
  if (!(await siteExists(em, input.siteId))) throw invalid('siteId', 'unknown_site');
  if (personId && input.birthDate) {
    const first = await firstVisitOf(em, personId);
    if (first && first.openedAt.slice(0, 10) < input.birthDate)
      throw invalid('birthDate', 'after_first_visit');
  }
}

export function fieldsToRow(
  input: PersonFields,
): Omit<PersonRow, 'id' | 'fileNumber' | 'mergedInto' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version'> {
  return {
    siteId: input.siteId,
    nameUsed: input.nameUsed,
    legalName: input.legalName || null,
    pronouns: input.pronouns || null,
    genderIdentity: input.genderIdentity || null,
    sexAtBirth: input.sexAtBirth ?? null,
    birthDate: input.birthDate ?? null,
    birthYear: input.birthDate ? Number(input.birthDate.slice(0, 4)) : (input.birthYear ?? null),
    languages: input.languages,
    countryOfBirth: input.countryOfBirth || null,
    keyPopulations: [...new Set(input.keyPopulations)],
    healthCoverage: input.healthCoverage,
    phone: input.contact.phone || null,
    email: input.contact.email || null,
    contactChannels: [...new Set(input.contact.channels)],
    contactWording: input.contact.wording || null,
    neverContact: input.contact.neverContact,
    entryDoor: input.entryDoor ?? null,
  };
}

export async function createPerson(input: PersonFields, { actor, dossier }: DossierCall): Promise<Person> {
  const { em, now } = dossier;
  await checkPersonFields(em, input, now);
  const site = await requireSite(em, input.siteId);
  const row: PersonRow = {
    id: randomUUID(),
    fileNumber: await nextFileNumber(em, site.id, site.code, now.getUTCFullYear()),
    mergedInto: null,
    createdBy: actor.userId,
    ...fieldsToRow(input),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await insertPerson(em, row);
  await indexPerson(em, row);
  dossier.wrote({ type: 'person', id: row.id, personId: row.id, action: 'create' });
  await recordCreationConsents(input.consents ?? {}, row, { actor, dossier });
  return toPerson(row);
}

/**
 * The sharing answers given at the desk while the file is created, in the creation's transaction:
 * a refused answer refuses the whole creation (no file without its answers). "later" records
 * nothing. Each decision is a consent write of the new person, audited as such by the dispatcher.
 */
async function recordCreationConsents(
  answers: NonNullable<PersonFields['consents']>,
  person: PersonRow,
  { actor, dossier }: Pick<DossierCall, 'actor' | 'dossier'>,
): Promise<void> {
  const decided = CONSENT_SCOPES.flatMap((scope) => {
    const answer = answers[scope];
    return answer && answer !== 'later' ? [{ scope, given: answer === 'given' }] : [];
  });
  if (decided.length === 0) return;
  // Creating a file is an identity write; recording a decision needs the consent section too.
  if (sectionAccess(actor.roles, 'consent') !== 'write')
    throw new DomainError('forbidden', 'no write access to consent', 'consents', { section: 'consent' });
  for (const { scope, given } of decided) {
    if (scope === 'contact' && given && person.neverContact)
      throw invalid('consents.contact', 'contact_consent_never_contact');
    const consent = await insertConsent(dossier.em, {
      personId: person.id,
      scope,
      given,
      recordedAt: dossier.now.toISOString(),
      recordedBy: actor.userId,
      note: null,
    });
    dossier.wrote({
      type: 'consent',
      id: consent.id,
      section: 'consent',
      personId: person.id,
      action: 'create',
    });
  }
}

export async function updatePerson(input: In<'persons.update'>, { dossier }: DossierCall): Promise<Person> {
  const { em, now } = dossier;
  const row = requirePerson(dossier);
  if (row.mergedInto) throw invalid('id', 'person_merged');
  if (row.version !== input.version) throw conflict('person');
  await checkPersonFields(em, input, now, row.id);
  const next: PersonRow = {
    ...row,
    ...fieldsToRow(input),
    updatedAt: now.toISOString(),
    version: row.version + 1,
  };
  await savePerson(em, next);
  await indexPerson(em, next);
  dossier.wrote({ type: 'person', id: row.id });
  return toPerson(next);
}

export function getPerson(_input: In<'persons.get'>, { dossier }: DossierCall): Promise<Person> {
  return Promise.resolve(toPerson(requirePerson(dossier)));
}

/** The centre's phone prefix, which phones are indexed and searched with. */
export function centrePhonePrefix(em: EntityManager): Promise<PhonePrefix> {
  return phonePrefixOf(em);
}

/** The centre changed its phone prefix: every indexed phone takes the new national form. */
export function phonePrefixChanged(em: EntityManager, prefix: PhonePrefix): Promise<number> {
  return reindexPhones(em, prefix);
}

/** One collator for all comparisons: creating one per comparison costs more than the search. */
const FRENCH = new Intl.Collator('fr', { sensitivity: 'base' });

const FIELD_WEIGHT: Record<SearchField, number> = {
  name_used: 1,
  file_number: 0.97,
  legal_name: 0.9,
  phone: 0.9,
};

function matchScore(field: SearchField, text: string, query: string): number {
  let base = 50;
  if (text === query) base = 100;
  else if (text.startsWith(query)) base = 80;
  else if ((field === 'file_number' || field === 'phone') && text.endsWith(query)) base = 85;
  return base * FIELD_WEIGHT[field];
}

/**
 * `roles`: the reader's. Whether someone is in the centre now comes from their visits (the
 * pathway section): a reader who may not read it gets `null`, not a fact derived from it.
 */
export async function searchPersons(
  ctx: CoreContext,
  input: In<'persons.search'>,
  roles: readonly Role[],
): Promise<SearchResult[]> {
  const seesPathway = sectionAccess(roles, 'pathway') !== 'none';
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    // A phone is indexed and looked for in the centre's national form: "+33 6 10…" finds "06 10…".
    const prefix = await phonePrefixOf(em);
    const hits = await searchIndex(em, input.query, 200, prefix);
    const text = normalizeText(input.query);
    const digits = phoneDigits(input.query, prefix);
    const best = new Map<string, { hit: SearchHit; score: number }>();
    for (const hit of hits) {
      const q = hit.field === 'phone' ? digits : text;
      if (!q || !hit.text.includes(q)) continue;
      const score = matchScore(hit.field, hit.text, q);
      const current = best.get(hit.personId);
      if (!current || score > current.score) best.set(hit.personId, { hit, score });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || FRENCH.compare(a.hit.nameUsed, b.hit.nameUsed))
      .slice(0, input.limit)
      .map(({ hit }) => ({
        id: hit.personId,
        fileNumber: hit.fileNumber,
        nameUsed: hit.nameUsed,
        pronouns: hit.pronouns,
        birthYear: birthYearOf(hit),
        siteCode: hit.siteCode,
        matchedOn: hit.field,
        hasOpenVisit: seesPathway ? Number(hit.openVisits) > 0 : null,
      }));
  });
}

export async function findDuplicates(ctx: CoreContext, input: In<'persons.duplicates'>) {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    // A bounded candidate set, every look-up through an index with a LIMIT (never a scan): the
    // same or alphabetically nearby normalised names, trigrams of the probe for names spelt
    // differently ("Amélie" / "Amelia"), the phone's last digits. The scoring below decides.
    // A word of the name with the birth year ("Awa Diallo" / "Awa", same year) is a key of its own.
    const candidates = new Set<string>();
    const prefix = await phonePrefixOf(em);
    const year = input.birthDate ? Number(input.birthDate.slice(0, 4)) : (input.birthYear ?? null);
    for (const probe of [input.nameUsed, input.legalName ?? '', input.phone ?? '']) {
      for (const id of await nameCandidates(em, probe, 50)) candidates.add(id);
      const n = normalizeText(probe);
      for (let i = 0; i + 3 <= n.length && i < 12; i += 2)
        for (const id of await fragmentCandidates(em, n.slice(i, i + 3), 50)) candidates.add(id);
      const d = phoneDigits(probe, prefix);
      if (d.length >= 6) for (const id of await fragmentCandidates(em, d.slice(-8), 20)) candidates.add(id);
    }
    for (const probe of [input.nameUsed, input.legalName ?? ''])
      for (const id of await tokenCandidates(em, probe, year, 20)) candidates.add(id);
    if (input.excludeId) candidates.delete(input.excludeId);
    if (candidates.size === 0) return [];
    const rows = await unmergedPersonsByIds(em, [...candidates]);
    const phone = input.phone ? phoneDigits(input.phone, prefix) : '';
    const probeTokens = new Set(nameTokens(input.nameUsed));
    return rows
      .map((p) => {
        const reasons: Array<'name' | 'legal_name' | 'birth_year' | 'phone'> = [];
        let score = 0;
        const nameSim = Math.max(
          nameSimilarity(input.nameUsed, p.nameUsed),
          p.legalName ? nameSimilarity(input.nameUsed, p.legalName) : 0,
        );
        if (nameSim >= 0.5) {
          reasons.push('name');
          score += nameSim * 0.6;
        } else if (sharesWord(probeTokens, p)) {
          // "Awa" and "Awa Diallo": one name is a word of the other. Weak alone (many people are
          // called Awa), enough with a second reason such as the same birth year.
          reasons.push('name');
          score += 0.3;
        }
        if (input.legalName && p.legalName && nameSimilarity(input.legalName, p.legalName) >= 0.6) {
          reasons.push('legal_name');
          score += 0.3;
        }
        const pYear = birthYearOf(p);
        if (year && pYear === year) {
          reasons.push('birth_year');
          score += 0.25;
        }
        if (phone.length >= 6 && p.phone && phoneDigits(p.phone, prefix).endsWith(phone.slice(-8))) {
          reasons.push('phone');
          score += 0.5;
        }
        return {
          id: p.id,
          fileNumber: p.fileNumber,
          nameUsed: p.nameUsed,
          birthYear: pYear,
          score: Math.round(score * 100) / 100,
          reasons,
        };
      })
      .filter(
        (c) =>
          c.reasons.includes('phone') ||
          (c.reasons.includes('name') && c.score >= 0.45) ||
          c.reasons.length >= 2,
      )
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
  });
}

/**
 * Is one name made of words of the other ("Awa" / "Awa Diallo", "Diallo Awa" / "Awa Diallo"),
 * for the person's name used or legal name? Two different full names that share a first name
 * ("Awa Koné" / "Awa Diallo") are not.
 */
function sharesWord(probeTokens: ReadonlySet<string>, p: PersonRow): boolean {
  if (probeTokens.size === 0) return false;
  return [p.nameUsed, p.legalName].some((name) => {
    if (!name) return false;
    const theirs = new Set(nameTokens(name));
    const within = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((t) => b.has(t));
    return theirs.size > 0 && (within(theirs, probeTokens) || within(probeTokens, theirs));
  });
}

export async function consentsOf(em: EntityManager, personId: string) {
  const history = await consentHistory(em, personId);
  return consentViews(
    history,
    await staffNames(
      em,
      history.map((h) => h.recordedBy),
    ),
  );
}

export function consentViews(history: readonly ConsentRow[], names: ReadonlyMap<string, string>) {
  return {
    current: currentFrom(history, names),
    history: history.map((h) => ({
      id: h.id,
      scope: h.scope,
      given: h.given,
      recordedAt: h.recordedAt,
      recordedByName: h.recordedBy ? (names.get(h.recordedBy) ?? null) : null,
      note: h.note,
    })),
  };
}

export function getConsents(input: In<'persons.consents'>, { dossier }: DossierCall) {
  return consentsOf(dossier.em, input.personId);
}

export async function recordConsent(input: In<'persons.recordConsent'>, { actor, dossier }: DossierCall) {
  const { em, now } = dossier;
  const person = requirePerson(dossier);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const row = await insertConsent(em, {
    personId: person.id,
    scope: input.scope,
    given: input.given,
    recordedAt: now.toISOString(),
    recordedBy: actor.userId,
    note: input.note ?? null,
  });
  dossier.wrote({ type: 'consent', id: row.id, action: 'create' });
  return consentsOf(em, person.id);
}

export async function breakTheGlass(input: In<'persons.breakGlass'>, { actor, dossier }: DossierCall) {
  const grant = await grantBreakGlass(dossier.em, actor.userId, input.personId, input.reason, dossier.now);
  return { expiresAt: grant.expiresAt };
}

/** "Who looked at my file": every staff member who opened or changed each section, and when. */
export async function accessLog(_input: In<'persons.accessLog'>, { dossier }: DossierCall) {
  const log = await readAccessLog(dossier.em, requirePerson(dossier), dossier.canRead);
  // The account id groups the lines; the answer names staff only.
  return { ...log, entries: log.entries.map(({ userId: _userId, ...entry }) => entry) };
}

/** The person the gate found for this call (a dossier channel on an existing person). */
function requirePerson(dossier: DossierScope): PersonRow {
  if (!dossier.person) throw new Error('this channel reads an existing person');
  return dossier.person;
}
