/**
 * PrEP's panels of "À faire": persons due this week, overdue, lost to follow-up (the
 * `prep.worklist` lists), each line opening the PrEP tab.
 */
import { useTranslation } from 'react-i18next';
import type { PrepWorklistRow } from '../../../shared/contract/prep';
import type { PrepWorklist } from '../../../shared/domain/prep';
import { callOrThrow } from '../../api/client';
import { formatDay } from '../waiting-lists/format';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function PrepWorklistPanel({ list, siteIds }: WorklistPanelProps & { list: PrepWorklist }) {
  const { t } = useTranslation();
  const pages = useKeysetPages(
    ['prep', list, siteIds ?? null],
    (cursor: { dueOn: string; id: string } | undefined) =>
      callOrThrow('prep.worklist', { list, ...sites(siteIds), ...(cursor ? { cursor } : {}) }),
  );
  return (
    <WorklistLines
      pages={pages}
      tab="prep"
      lineOf={(row: PrepWorklistRow) => ({
        key: row.episodeId,
        personId: row.personId,
        nameUsed: row.nameUsed,
        fileNumber: row.fileNumber,
        siteId: row.siteId,
        detail: t('worklists.prep.dueOn', { date: formatDay(row.nextDueOn) }),
      })}
    />
  );
}

const counts: WorklistCountSource = {
  owner: 'prep',
  fetch: (siteIds) => callOrThrow('prep.worklistCounts', sites(siteIds)),
};

const panel = (list: PrepWorklist, order: number, roles: WorklistPanelDef['roles']): WorklistPanelDef => ({
  id: `prep.${list}`,
  owner: 'prep',
  labelKey: `worklists.prep.lists.${list}`,
  roles,
  section: 'prep',
  order,
  counts,
  countKey: list,
  Panel: (props) => <PrepWorklistPanel list={list} {...props} />,
});

export const prepWorklistPanels: readonly WorklistPanelDef[] = [
  panel('due_this_week', 40, ['nurse']),
  panel('overdue', 41, ['nurse', 'doctor']),
  panel('lost_to_follow_up', 42, ['nurse', 'doctor']),
];
