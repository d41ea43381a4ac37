/**
 * A person's dossier: who they are and how to reach them, where they are today (visit, next
 * appointment, PEP alert), then one tab per part of the file. Each part is drawn as the core's
 * gate decided — shown, partly shown or plainly marked hidden — never silently missing.
 */
import { Alert, Badge, Button, Card, Group, Loader, Menu, Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, SectionView } from '../../../../shared/contract/dossier';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import type { Section } from '../../../../shared/domain/roles';
import { DOSSIER_PANELS, DOSSIER_TABS } from '../../../app/dossier-registry';
import { interviewStepOpen } from '../../interviews/start-interview';
import { QueryError } from '../../../app/QueryError';
import { currentLanguage } from '../../../i18n/setup';
import { useDossier } from '../api';
import { CheckInModal } from '../../visits/CheckInModal';
import { formatTime } from '../format';
import { interviewLink } from '../../interviews/links';
import { personLinks } from '../links';
import { isDossierTab, type DossierTab } from '../routes';
import { useSignedIn } from '../use-signed-in';
import { BreakGlassModal } from './BreakGlassModal';
import { ContactPreferences } from './ContactPreferences';
import { MergedBanner } from './MergedBanner';
import { MergeModal } from './MergeModal';
import { openingReader, openingTab } from './opening-tab';
import { PathwayStatus } from './PathwayStatus';
import { SectionMark, SectionNotice } from './SectionNotice';

export function DossierPage({ id, tab }: { id: string; tab: DossierTab | null }) {
  const dossier = useDossier(id);
  if (dossier.isPending) return <Loader />;
  if (dossier.isError) return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  return <DossierView dossier={dossier.data} tab={tab} />;
}

type Dialog = 'checkIn' | 'breakGlass' | 'merge' | null;

function DossierView({ dossier, tab }: { dossier: Dossier; tab: DossierTab | null }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const session = useSignedIn();
  const { user } = session.state;
  // Decided once, when the dossier opens: a refresh (the visit moved on) never switches the tab
  // under the reader. A tab in the address (a deep link, a click) always wins.
  const [opening] = useState(() => openingTab(DOSSIER_TABS, openingReader(user, dossier)));
  const shownTab = tab ?? opening;
  const [dialog, setDialog] = useState<Dialog>(null);
  const navigate = useNavigate();
  const { person } = dossier;
  const merged = person.mergedInto !== null;
  const view = (section: Section): SectionView | undefined =>
    dossier.sections.find((s) => s.section === section);
  // Breaking the glass is offered only when it would show something.
  const hiddenForConsent = dossier.sections.some(
    (s) => (s.status === 'hidden_consent' || s.status === 'own_only') && s.hiddenCount > 0,
  );
  const canEdit = !merged && sectionAccess(user.roles, 'identity') === 'write';
  const canMerge = !merged && user.permissions.includes('persons.merge');
  const canInterview = !merged && sectionAccess(user.roles, 'interview') === 'write';

  return (
    <Stack maw={1200}>
      {merged && person.mergedInto && <MergedBanner survivorId={person.mergedInto} />}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm" align="baseline">
            <Title order={1}>{person.nameUsed}</Title>
            {person.pronouns && (
              <Text c="dimmed" size="lg">
                ({person.pronouns})
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Text ff="monospace">{person.fileNumber}</Text>
            <Badge maw="none" variant="outline" color="gray" tt="none">
              {dossier.siteCode}
            </Badge>
            {dossier.breakGlassUntil && (
              <Badge maw="none" color="red" variant="light" tt="none">
                {t('dossier.breakGlass.until', { time: formatTime(dossier.breakGlassUntil, lng) })}
              </Badge>
            )}
          </Group>
          <ContactPreferences person={person} compact />
        </Stack>
        <Group gap="xs">
          {canInterview && !interviewStepOpen(dossier) && (
            <Button variant="light" onClick={() => void navigate(interviewLink(person.id))}>
              {t('interviews.new')}
            </Button>
          )}
          {canEdit && (
            <Button variant="default" onClick={() => void navigate(personLinks.edit(person.id))}>
              {t('app.edit')}
            </Button>
          )}
          {canMerge && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default">{t('dossier.more')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog('merge')}>{t('dossier.merge.action')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>

      <PathwayStatus dossier={dossier} onCheckIn={() => setDialog('checkIn')} />

      {hiddenForConsent && !dossier.breakGlassUntil && (
        <Alert color="yellow" variant="light">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('dossier.breakGlass.prompt')}</Text>
            <Button color="red" variant="outline" size="xs" onClick={() => setDialog('breakGlass')}>
              {t('dossier.breakGlass.action')}
            </Button>
          </Group>
        </Alert>
      )}

      <Card withBorder padding="md">
        <Tabs
          value={shownTab}
          onChange={(value) => isDossierTab(value) && void navigate(personLinks.dossier(person.id, value))}
          keepMounted={false}
        >
          <Tabs.List>
            {DOSSIER_TABS.map((def) => (
              <Tabs.Tab key={def.key} value={def.key}>
                {t(def.labelKey)}
                {def.section && <SectionMark view={view(def.section)} />}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {DOSSIER_TABS.map((def) => (
            <Tabs.Panel key={def.key} value={def.key} pt="md">
              <Stack>
                {def.section && <SectionNotice view={view(def.section)} />}
                <def.Component
                  dossier={dossier}
                  view={def.section ? view(def.section) : undefined}
                  readOnly={merged}
                />
                {DOSSIER_PANELS.filter((panel) => panel.tab === def.key).map((panel) => (
                  <panel.Component
                    key={panel.key}
                    dossier={dossier}
                    view={view(panel.section)}
                    readOnly={merged}
                  />
                ))}
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>

      {dialog === 'checkIn' && <CheckInModal person={person} onClose={() => setDialog(null)} />}
      {dialog === 'breakGlass' && <BreakGlassModal personId={person.id} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeModal current={person} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
