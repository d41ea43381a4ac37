/**
 * "Mes actions (7 jours)" on "À faire" (the `casePlans.myActions` list): the reader's open actions
 * due within the week (overdue first by date), each line opening the plan tab. Only persons who
 * share with the social and legal team, or whose action the reader owns or wrote.
 */
import { useTranslation } from 'react-i18next';
import type { ActionLine } from '../../../shared/contract/case-plans';
import { callOrThrow } from '../../api/client';
import { formatDay } from '../prep/dates';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function MyActionsPanel({ siteIds }: WorklistPanelProps) {
  const { t } = useTranslation();
  const pages = useKeysetPages(
    ['casePlans', 'myActions', siteIds ?? null],
    (cursor: { dueOn: string; id: string } | undefined) =>
      callOrThrow('casePlans.myActions', {
        list: 'week',
        ...sites(siteIds),
        ...(cursor ? { cursor } : {}),
      }),
  );
  return (
    <WorklistLines
      pages={pages}
      tab="case-plan"
      lineOf={(row: ActionLine) => ({
        key: row.actionId,
        personId: row.personId,
        nameUsed: row.nameUsed,
        fileNumber: row.fileNumber,
        siteId: row.siteId,
        detail: `${row.title} · ${t(`casePlans.axes.${row.axis}`)} · ${t('casePlans.action.due', {
          date: formatDay(row.dueOn),
        })}`,
      })}
    />
  );
}

const counts: WorklistCountSource = {
  owner: 'casePlans',
  fetch: (siteIds) => callOrThrow('casePlans.actionsCounts', sites(siteIds)),
};

export const casePlansWorklistPanels: readonly WorklistPanelDef[] = [
  {
    id: 'casePlans.mine',
    owner: 'casePlans',
    labelKey: 'casePlans.worklist.mine',
    // Every role that may own an action (owners must read plans).
    roles: ['social_worker', 'psychologist', 'legal', 'doctor'],
    section: 'case_plan',
    // After the 72-hour protocols, before the clinical lists.
    order: 2,
    counts,
    countKey: 'mineThisWeek',
    Panel: MyActionsPanel,
  },
];
