/**
 * Screenings' panels of "À faire" (nurses and doctors): results not yet told to the person, and
 * confirmations of a reactive rapid test not yet resulted; each line opens the Tests tab.
 */
import { useTranslation } from 'react-i18next';
import type {
  ScreeningWorklist,
  ScreeningWorklistCursor,
  ScreeningWorklistRow,
} from '../../../shared/contract/screenings-worklist';
import { callOrThrow } from '../../api/client';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function ScreeningsWorklistPanel({ list, siteIds }: WorklistPanelProps & { list: ScreeningWorklist }) {
  const { t } = useTranslation();
  const pages = useKeysetPages(
    ['screenings', list, siteIds ?? null],
    (cursor: ScreeningWorklistCursor | undefined) =>
      callOrThrow('screenings.worklist', { list, ...sites(siteIds), ...(cursor ? { cursor } : {}) }),
  );
  return (
    <WorklistLines
      pages={pages}
      tab="tests"
      lineOf={(row: ScreeningWorklistRow) => ({
        key: row.id,
        personId: row.personId,
        nameUsed: row.nameUsed,
        fileNumber: row.fileNumber,
        siteId: row.siteId,
        detail: t(`worklists.screenings.lines.${list}`, {
          test: t(`clinicalCatalogues.tests.${row.testCode}`),
          reading: row.interpretation ? t(`worklists.screenings.readings.${row.interpretation}`) : '',
          at: formatDateTime(row.at, currentLanguage()),
        }),
      })}
    />
  );
}

const counts: WorklistCountSource = {
  owner: 'screenings',
  fetch: (siteIds) => callOrThrow('screenings.worklistCounts', sites(siteIds)),
};

const panel = (list: ScreeningWorklist, order: number): WorklistPanelDef => ({
  id: `screenings.${list}`,
  owner: 'screenings',
  labelKey: `worklists.screenings.lists.${list}`,
  roles: ['nurse', 'doctor'],
  section: 'tests',
  order,
  counts,
  countKey: list,
  Panel: (props) => <ScreeningsWorklistPanel list={list} {...props} />,
});

export const screeningsWorklistPanels: readonly WorklistPanelDef[] = [
  panel('results_to_give', 5),
  panel('confirmations_pending', 20),
];
