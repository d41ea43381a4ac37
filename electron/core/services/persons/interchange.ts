import { invalid } from '../../errors';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { requireSite } from '../centre/repository';
import { ConsentEntity, PersonEntity } from './entities';
import { nextFileNumber, personByFileNumber, reserveFileNumber } from './repository';
import { toPerson } from './person-view';
import { checkPersonFields, fieldsToRow } from './persons-service';
import { indexPerson, unindexPerson } from './search-index';

/** Persons: file numbers kept as given (and reserved), generated when absent; search index kept in step. */
export const personAdapter = entityAdapter({
  type: 'person',
  entity: PersonEntity,
  view: (rows) => rows.map(toPerson),
  references: (r) => refs(['siteId', 'site', r.siteId], ['mergedInto', 'person', r.mergedInto]),
  async beforeWrite(em, r, existing) {
    // Historical records may predate today's rules on visits, but never on the person's own fields.
    await checkPersonFields(em, r, new Date(), existing?.id);
    if (r.fileNumber) {
      const other = await personByFileNumber(em, r.fileNumber);
      if (other && other.id !== r.id) throw invalid('fileNumber', 'file_number_taken');
      await reserveFileNumber(em, r.siteId, r.fileNumber);
    } else if (!existing) {
      const site = await requireSite(em, r.siteId);
      r.fileNumber = await nextFileNumber(em, site.id, site.code, new Date().getUTCFullYear());
    }
  },
  // The way in is the screens' own (fieldsToRow: empty texts to null, birth year from the date).
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
    if (row.mergedInto) await unindexPerson(em, row.id);
    else await indexPerson(em, row);
  },
});

export const consentAdapter = entityAdapter({
  type: 'consent',
  entity: ConsentEntity,
  // A consent's row is its record (no screen shows it with its person's id): the row is the view.
  view: (rows) => rows,
  references: (r) => refs(['personId', 'person', r.personId], ['recordedBy', 'user', r.recordedBy]),
  // A decision dated in the future would stay "the latest" and block every later withdrawal.
  beforeWrite(_em, r) {
    if (Date.parse(r.recordedAt) > Date.now() + FUTURE_TOLERANCE_MS) throw invalid('recordedAt', 'in_future');
    return Promise.resolve();
  },
});

/** Clocks of two machines differ a little: a record a few minutes ahead is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
