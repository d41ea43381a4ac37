/**
 * The ordered registry of schema versions. A new version is a new file `NNNN-name.ts` appended
 * here; a file is never edited once released. A database whose version is higher than the last
 * entry was written by a newer Parcours and is refused.
 */
import { migration0001 } from './0001-foundation';
import { migration0002 } from './0002-reception-and-dossier';
import { migration0003 } from './0003-schema-matches-entities';
import { migration0004 } from './0004-keyed-audit-chain';
import { migration0005 } from './0005-search-index-by-row';
import { migration0006 } from './0006-unusual-reading';
import { migration0007 } from './0007-break-glass-review';
import { migration0008 } from './0008-phone-prefix';
import { migration0009 } from './0009-usual-site';
import { migration0010 } from './0010-name-year-key';
import { migration0011 } from './0011-clinical-catalogues';
import { migration0012 } from './0012-screenings';
import { migration0013 } from './0013-consultations';
import { migration0014 } from './0014-treatments';
import { migration0015 } from './0015-lab-import';
import { migration0016 } from './0016-prep';
import { migration0017 } from './0017-vaccinations';
import { migration0018 } from './0018-waiting-lists';
import { migration0019 } from './0019-clinical-gaps';
import { migration0020 } from './0020-violence';
import { migration0021 } from './0021-case-plans';
import { migration0022 } from './0022-injury-certificate';
import { migration0023 } from './0023-legal';
import { migration0024 } from './0024-meetings';
import { migration0025 } from './0025-attachments';
import { migration0026 } from './0026-social-support';
import { migration0027 } from './0027-economic-autonomy';
import { migration0028 } from './0028-psy-support';
import { migration0029 } from './0029-case-plan-sites';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export type { Migration } from './migration';
