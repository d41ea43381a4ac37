/**
 * "À faire": what the reader does next, one panel per list of their roles (nurse, doctor,
 * community worker, specialist), each declared by the capability that owns the list.
 */
import { Badge, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/list-page';
import { WORKLIST_PANELS } from '../../app/worklist-registry';
import { useSignedIn } from '../persons/use-signed-in';
import { panelsFor, useWorklistTotal } from './worklist-panel';
import { WorklistSection } from './WorklistSection';

export function WorkPage() {
  const { t } = useTranslation();
  const panels = panelsFor(WORKLIST_PANELS, useSignedIn().state.user.roles);
  return (
    <Stack maw={1400}>
      <PageTitle title={t('worklists.title')} intro={t('worklists.intro')} />
      {panels.length === 0 && <Text c="dimmed">{t('worklists.noPanels')}</Text>}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {panels.map((panel) => (
          <WorklistSection key={panel.id} panel={panel} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The navigation's count: the sum of the reader's lists on their sites; nothing when all are empty. */
export function WorklistNavBadge() {
  const { t } = useTranslation();
  const panels = panelsFor(WORKLIST_PANELS, useSignedIn().state.user.roles);
  const total = useWorklistTotal(panels);
  if (total === 0) return null;
  return (
    <>
      <Badge color="teal" size="sm" circle={total < 10} aria-hidden data-testid="worklist-total">
        {total}
      </Badge>
      <VisuallyHidden>{t('worklists.badge', { count: total })}</VisuallyHidden>
    </>
  );
}
