/**
 * "Protocoles 72 h en cours" on "À faire" (the `violence.openProtocols` list): the running
 * protocols of the reader's sites, soonest deadline first, each line opening the Violences tab.
 */
import { useTranslation } from 'react-i18next';
import { wholeHours } from '../persons/format';
import type { OpenProtocolRow } from '../../../shared/contract/violence';
import { callOrThrow } from '../../api/client';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function OpenProtocolsPanel({ siteIds }: WorklistPanelProps) {
  const { t } = useTranslation();
  const pages = useKeysetPages(
    ['violence', 'openProtocols', siteIds ?? null],
    (cursor: { protocolDeadline: string; id: string } | undefined) =>
      callOrThrow('violence.openProtocols', {
        list: 'open',
        ...sites(siteIds),
        ...(cursor ? { cursor } : {}),
      }),
  );
  return (
    <WorklistLines
      pages={pages}
      tab="violence"
      lineOf={(row: OpenProtocolRow) => ({
        key: row.incidentId,
        personId: row.personId,
        nameUsed: row.nameUsed,
        fileNumber: row.fileNumber,
        siteId: row.siteId,
        detail: t(row.timeKnown ? 'violence.worklist.line' : 'violence.worklist.lineUnknownTime', {
          hours: wholeHours(row.hoursLeft, 'left'),
        }),
      })}
    />
  );
}

const counts: WorklistCountSource = {
  owner: 'violence',
  fetch: (siteIds) => callOrThrow('violence.openProtocolsCounts', sites(siteIds)),
};

export const violenceWorklistPanels: readonly WorklistPanelDef[] = [
  {
    id: 'violence.open',
    owner: 'violence',
    labelKey: 'violence.worklist.title',
    // The writers of violence act on it; the psychologist reads incidents but has no protocol step to do.
    roles: ['social_worker', 'doctor', 'legal'],
    section: 'violence',
    // First on the screen: the 72 hours run.
    order: 1,
    counts,
    countKey: 'open',
    Panel: OpenProtocolsPanel,
  },
];
