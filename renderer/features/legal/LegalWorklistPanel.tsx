/**
 * "Audiences (7 jours)" on "À faire" (the `legal.dueThisWeek` list): scheduled hearings at the
 * reader's sites from today to today + 6 days, soonest first, each line opening the Juridique tab.
 * Only persons who share with the social and legal team, or whose hearing the reader recorded.
 */
import { useTranslation } from 'react-i18next';
import type { HearingLine } from '../../../shared/contract/legal';
import { callOrThrow } from '../../api/client';
import { currentLanguage } from '../../i18n/setup';
import { formatDay, formatTime } from '../persons/format';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function HearingsPanel({ siteIds }: WorklistPanelProps) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const pages = useKeysetPages(
    ['legal', 'dueThisWeek', siteIds ?? null],
    (cursor: { startsAt: string; id: string } | undefined) =>
      callOrThrow('legal.dueThisWeek', { list: 'week', ...sites(siteIds), ...(cursor ? { cursor } : {}) }),
  );
  return (
    <WorklistLines
      pages={pages}
      tab="legal"
      lineOf={(row: HearingLine) => ({
        key: row.hearingId,
        personId: row.personId,
        nameUsed: row.nameUsed,
        fileNumber: row.fileNumber,
        siteId: row.siteId,
        detail: t('legal.worklist.line', {
          type: t(`legal.types.${row.procedureType}`),
          date: formatDay(row.startsAt, lng),
          time: formatTime(row.startsAt, lng),
          place: row.place,
        }),
      })}
    />
  );
}

const counts: WorklistCountSource = {
  owner: 'legal',
  fetch: (siteIds) => callOrThrow('legal.hearingsCounts', sites(siteIds)),
};

export const legalWorklistPanels: readonly WorklistPanelDef[] = [
  {
    id: 'legal.dueThisWeek',
    owner: 'legal',
    labelKey: 'legal.worklist.dueThisWeek',
    roles: ['legal', 'social_worker'],
    section: 'legal',
    // After the 72-hour protocols and "my actions".
    order: 3,
    counts,
    countKey: 'dueThisWeek',
    Panel: HearingsPanel,
  },
];
