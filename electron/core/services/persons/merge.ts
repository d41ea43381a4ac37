/**
 * Merging two files of the same person (coordination only, audited). Every record of every
 * registered dossier table moves to the kept file; the kept file takes, field by field, the value
 * of the file the coordinator chose (its own by default); the merged file stays, pointing to it,
 * out of the search. One transaction: both versions checked, records moved, fields taken, the
 * kept file's rules checked again, both index entries updated, both audit entries written — or
 * nothing at all.
 */
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import { MERGE_FIELDS, type MergeChoices, type MergeField } from '../../../../shared/contract/merge';
import type { Person } from '../../../../shared/contract/persons';
import type { Actor } from '../../access/gate';
import { appendAudits } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { DOSSIER_SECTIONS } from '../../dossier/registry';
import { conflict, invalid } from '../../errors';
import { bothHavePlans } from '../case-plans/repository';
import { checkPersonFields } from './persons-service';
import { toPerson } from './person-view';
import { loadPerson, updatePersonRow, type PersonRow } from './repository';
import { indexPerson, unindexPerson } from './search-index';

/** The columns of the person row each choosable field stands for. */
const FIELD_COLUMNS: Record<MergeField, readonly (keyof PersonRow)[]> = {
  nameUsed: ['nameUsed'],
  legalName: ['legalName'],
  pronouns: ['pronouns'],
  genderIdentity: ['genderIdentity'],
  sexAtBirth: ['sexAtBirth'],
  birth: ['birthDate', 'birthYear'],
  languages: ['languages'],
  countryOfBirth: ['countryOfBirth'],
  keyPopulations: ['keyPopulations'],
  healthCoverage: ['healthCoverage'],
  phone: ['phone'],
  email: ['email'],
  contactPreferences: ['contactChannels', 'contactWording', 'neverContact'],
  entryDoor: ['entryDoor'],
};

/** Nothing recorded: no value, an empty list, "never contact" off, a health coverage "unknown". */
function isEmptyValue(column: keyof PersonRow, value: unknown): boolean {
  if (column === 'healthCoverage') return value === 'unknown';
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A field holds nothing on this file: an empty value never overwrites the kept file's. */
export function isEmptyField(row: PersonRow, field: MergeField): boolean {
  return FIELD_COLUMNS[field].every((column) => isEmptyValue(column, row[column]));
}

/**
 * The values the kept file takes from the other file: for each field chosen on the merged side,
 * every column of the field, read from the stored row (never from the caller), unless that file
 * holds nothing there.
 */
export function takenValues(
  merged: PersonRow,
  choices: MergeChoices,
): { changes: Partial<PersonRow>; taken: MergeField[] } {
  const changes: Partial<PersonRow> = {};
  const taken: MergeField[] = [];
  for (const field of MERGE_FIELDS) {
    if (choices[field] !== 'merged' || isEmptyField(merged, field)) continue;
    for (const column of FIELD_COLUMNS[field]) Object.assign(changes, { [column]: merged[column] });
    taken.push(field);
  }
  return { changes, taken };
}

/** The person form's fields of a stored row: the kept file is checked by the same rules as an edit. */
function fieldsOf(row: PersonRow): In<'persons.update'> {
  const { fileNumber: _number, mergedInto: _merged, createdAt: _created, ...fields } = toPerson(row);
  return fields;
}

async function moveRecords(em: EntityManager, fromId: string, toId: string): Promise<Record<string, number>> {
  // Every table of every registered dossier section: a new capability is never forgotten.
  const moved: Record<string, number> = {};
  for (const table of DOSSIER_SECTIONS.flatMap((s) => s.linked))
    moved[table.name] = await table.move(em, fromId, toId);
  return moved;
}

/** Moves every record of the merged file to the survivor, which takes the values chosen. */
export async function mergePersons(
  ctx: CoreContext,
  actor: Actor,
  input: In<'persons.merge'>,
): Promise<Person> {
  if (input.survivorId === input.mergedId) throw invalid('mergedId', 'same_person');
  return ctx.vault.requireStore().transaction(async (em) => {
    const now = ctx.clock();
    const survivor = await loadPerson(em, input.survivorId);
    const merged = await loadPerson(em, input.mergedId);
    if (survivor.mergedInto) throw invalid('survivorId', 'person_merged');
    if (merged.mergedInto) throw invalid('mergedId', 'person_merged');
    if (survivor.version !== input.survivorVersion || merged.version !== input.mergedVersion)
      throw conflict('person');
    // One case plan per person (a unique key): two plans are not merged silently.
    if (await bothHavePlans(em, [survivor.id, merged.id])) throw invalid('mergedId', 'case_plan_exists');
    const moved = await moveRecords(em, merged.id, survivor.id);
    const { changes, taken } = takenValues(merged, input.choices);
    const kept: PersonRow = {
      ...survivor,
      ...changes,
      updatedAt: now.toISOString(),
      version: survivor.version + 1,
    };
    // The kept file obeys the person rules with what it took (a channel needs its coordinate; a
    // birth date no later than the first visit, now counting the visits moved in).
    await checkPersonFields(em, fieldsOf(kept), now, kept.id);
    await updatePersonRow(em, merged.id, {
      mergedInto: survivor.id,
      updatedAt: now.toISOString(),
      version: merged.version + 1,
    });
    await updatePersonRow(em, survivor.id, {
      ...changes,
      updatedAt: kept.updatedAt,
      version: kept.version,
    });
    await unindexPerson(em, merged.id);
    await indexPerson(em, kept);
    await appendAudits(
      em,
      [
        // The merged file changed too (it now points to the survivor): its own entry, so its own
        // history says so. The records moved and the fields taken (names, never values) are in
        // the survivor's entry.
        {
          actorId: actor.userId,
          action: 'merge',
          section: 'identity',
          personId: merged.id,
          targetType: 'person',
          targetId: merged.id,
          detail: { mergedInto: survivor.id },
        },
        {
          actorId: actor.userId,
          action: 'merge',
          section: 'identity',
          personId: survivor.id,
          targetType: 'person',
          targetId: merged.id,
          detail: { ...moved, fieldsTaken: taken.join(',') },
        },
      ],
      now,
    );
    return toPerson(await loadPerson(em, survivor.id));
  });
}
