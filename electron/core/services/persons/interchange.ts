import type { RecordOf } from '../../../../shared/contract/interchange';
import { invalid } from '../../errors';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { SiteEntity } from '../centre/entities';
import { ConsentEntity, PersonEntity, type ConsentRow, type PersonRow } from './entities';
import { nextFileNumber, reserveFileNumber } from './file-numbers';
import { checkPersonFields, fieldsToRow } from './persons-service';
import { indexPerson } from './search-index';

function personRecord(p: PersonRow): RecordOf<'person'> {
  return {
    type: 'person',
    id: p.id,
    fileNumber: p.fileNumber,
    siteId: p.siteId,
    nameUsed: p.nameUsed,
    legalName: p.legalName,
    pronouns: p.pronouns,
    genderIdentity: p.genderIdentity,
    sexAtBirth: p.sexAtBirth,
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    languages: p.languages,
    countryOfBirth: p.countryOfBirth,
    keyPopulations: p.keyPopulations,
    healthCoverage: p.healthCoverage,
    contact: {
      phone: p.phone,
      email: p.email,
      channels: p.contactChannels,
      wording: p.contactWording,
      neverContact: p.neverContact,
    },
    entryDoor: p.entryDoor,
    mergedInto: p.mergedInto,
    createdAt: p.createdAt,
  };
}

/** Persons: file numbers kept as given (and reserved), generated when absent; search index kept in step. */
export const personAdapter = entityAdapter({
  type: 'person',
  entity: PersonEntity,
  toRecord: personRecord,
  references: (r) => refs(['siteId', 'site', r.siteId], ['mergedInto', 'person', r.mergedInto]),
  async beforeWrite(em, r, existing) {
    // Historical records may predate today's rules on visits, but never on the person's own fields.
    await checkPersonFields(em, r, new Date(), existing?.id);
    if (r.fileNumber) {
      const other = await em.getRepository(PersonEntity).findOneBy({ fileNumber: r.fileNumber });
      if (other && other.id !== r.id) throw invalid('fileNumber', 'file_number_taken');
      await reserveFileNumber(em, r.siteId, r.fileNumber);
    } else if (!existing) {
      const site = await em.getRepository(SiteEntity).findOneByOrFail({ id: r.siteId });
      r.fileNumber = await nextFileNumber(em, site.id, site.code, new Date().getUTCFullYear());
    }
  },
  toRow: (r, now, existing) => ({
    id: r.id,
    fileNumber: r.fileNumber ?? existing?.fileNumber ?? '',
    mergedInto: r.mergedInto,
    createdBy: existing?.createdBy ?? null,
    ...fieldsToRow(r),
    ...versioned(existing, now),
    createdAt: r.createdAt ?? existing?.createdAt ?? now,
  }),
  async afterWrite(em, row) {
    if (row.mergedInto) await em.query('DELETE FROM person_search WHERE person_id = ?', [row.id]);
    else await indexPerson(em, row);
  },
});

export const consentAdapter = entityAdapter({
  type: 'consent',
  entity: ConsentEntity,
  toRecord: (c: ConsentRow): RecordOf<'consent'> => ({
    type: 'consent',
    id: c.id,
    personId: c.personId,
    scope: c.scope,
    given: c.given,
    recordedAt: c.recordedAt,
    recordedBy: c.recordedBy,
    note: c.note,
  }),
  references: (r) => refs(['personId', 'person', r.personId], ['recordedBy', 'user', r.recordedBy]),
  toRow: (r) => ({
    id: r.id,
    personId: r.personId,
    scope: r.scope,
    given: r.given,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
    note: r.note,
  }),
});
