/**
 * Test and Treat's panels of "À faire": positives to treat (nurses and doctors), hospital
 * referrals not attended (doctors) and partners to notify (community workers), each line opening
 * the Tests tab where the Test and Treat panel is.
 */
import { useTranslation } from 'react-i18next';
import type { ToTreatWorklistRow } from '../../../shared/contract/treatments';
import type { TreatmentWorklist } from '../../../shared/domain/treatments';
import { callOrThrow } from '../../api/client';
import { formatDay } from '../waiting-lists/format';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';
import { TESTS_TAB_KEY } from './dossier';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function TreatmentsWorklistPanel({ list, siteIds }: WorklistPanelProps & { list: TreatmentWorklist }) {
  const { t } = useTranslation();
  const pages = useKeysetPages(
    ['treatments', list, siteIds ?? null],
    (cursor: { on: string; id: string } | undefined) =>
      callOrThrow('treatments.worklist', { list, ...sites(siteIds), ...(cursor ? { cursor } : {}) }),
  );
  return (
    <WorklistLines
      pages={pages}
      tab={TESTS_TAB_KEY}
      lineOf={(row: ToTreatWorklistRow) => ({
        key: row.id,
        personId: row.personId,
        nameUsed: row.nameUsed,
        fileNumber: row.fileNumber,
        siteId: row.siteId,
        detail: t(`worklists.treatments.lines.${list}`, {
          infection: t(`clinicalCatalogues.infections.${row.infection}`),
          date: formatDay(row.on),
          pseudonym: row.pseudonym ?? '',
          appointment: row.appointmentOn ? formatDay(row.appointmentOn) : '—',
        }),
      })}
    />
  );
}

const counts: WorklistCountSource = {
  owner: 'treatments',
  fetch: (siteIds) => callOrThrow('treatments.worklistCounts', sites(siteIds)),
};

const panel = (
  list: TreatmentWorklist,
  order: number,
  roles: WorklistPanelDef['roles'],
): WorklistPanelDef => ({
  id: `treatments.${list}`,
  owner: 'treatments',
  labelKey: `worklists.treatments.lists.${list}`,
  roles,
  section: 'tests',
  order,
  counts,
  countKey: list,
  Panel: (props) => <TreatmentsWorklistPanel list={list} {...props} />,
});

export const treatmentsWorklistPanels: readonly WorklistPanelDef[] = [
  panel('to_treat', 10, ['nurse', 'doctor']),
  panel('referrals_not_attended', 30, ['doctor']),
  panel('partners_to_notify', 60, ['community_worker']),
];
