/**
 * Vaccinations' panels of "À faire": doses due this week and doses overdue (the
 * `vaccinations.worklist` lists), each line opening the Vaccins tab.
 */
import { useTranslation } from 'react-i18next';
import type { VaccineWorklist, VaccineWorklistRow } from '../../../shared/contract/vaccinations';
import { callOrThrow } from '../../api/client';
import { formatDay } from '../waiting-lists/format';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function VaccinationsWorklistPanel({ list, siteIds }: WorklistPanelProps & { list: VaccineWorklist }) {
  const { t } = useTranslation();
  const pages = useKeysetPages(
    ['vaccinations', list, siteIds ?? null],
    (cursor: { nextDueOn: string; id: string } | undefined) =>
      callOrThrow('vaccinations.worklist', { list, ...sites(siteIds), ...(cursor ? { cursor } : {}) }),
  );
  return (
    <WorklistLines
      pages={pages}
      tab="vaccines"
      lineOf={(row: VaccineWorklistRow) => ({
        key: row.courseId,
        personId: row.personId,
        nameUsed: row.nameUsed,
        fileNumber: row.fileNumber,
        siteId: row.siteId,
        detail: row.booster
          ? t('worklists.vaccinations.booster', {
              vaccine: t(`clinicalCatalogues.vaccines.${row.vaccineCode}`),
              date: formatDay(row.nextDueOn),
            })
          : t('worklists.vaccinations.dose', {
              vaccine: t(`clinicalCatalogues.vaccines.${row.vaccineCode}`),
              dose: row.nextDose ?? '',
              date: formatDay(row.nextDueOn),
            }),
      })}
    />
  );
}

const counts: WorklistCountSource = {
  owner: 'vaccinations',
  fetch: (siteIds) => callOrThrow('vaccinations.worklistCounts', sites(siteIds)),
};

const panel = (list: VaccineWorklist, order: number): WorklistPanelDef => ({
  id: `vaccinations.${list}`,
  owner: 'vaccinations',
  labelKey: `worklists.vaccinations.lists.${list}`,
  roles: ['nurse'],
  section: 'vaccines',
  order,
  counts,
  countKey: list,
  Panel: (props) => <VaccinationsWorklistPanel list={list} {...props} />,
});

export const vaccinationsWorklistPanels: readonly WorklistPanelDef[] = [
  panel('due', 50),
  panel('overdue', 51),
];
