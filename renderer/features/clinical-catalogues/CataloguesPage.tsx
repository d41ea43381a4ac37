/**
 * Settings → Catalogues cliniques: one tab per catalogue, each with its editor, its version and
 * its history. Every editor is keyed by the version it shows, so a save (or a reload after a
 * conflict) starts it again from what is stored now.
 */
import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../../shared/contract/clinical-catalogues';
import { CATALOGUE_KEYS, type CatalogueKey } from '../../../shared/domain/clinical-catalogues';
import { QueryError } from '../../app/QueryError';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useCurrentCatalogues } from './api';
import { EgfrEditor, PrepEditor } from './editors/RulesEditor';
import { DiagnosesEditor, SpecialtiesEditor } from './editors/CodeListEditor';
import { TestsEditor } from './editors/TestsEditor';
import { TreatmentsEditor } from './editors/TreatmentsEditor';
import { VaccinesEditor } from './editors/VaccinesEditor';
import { HistoryDrawer } from './HistoryDrawer';

type Views = { [K in CatalogueKey]: CatalogueView<K> };

function Editor({
  catalogue,
  views,
  onReload,
}: {
  catalogue: CatalogueKey;
  views: Views;
  onReload: () => void;
}) {
  switch (catalogue) {
    case 'tests':
      return <TestsEditor key={views.tests.version} view={views.tests} onReload={onReload} />;
    case 'treatments':
      return <TreatmentsEditor key={views.treatments.version} view={views.treatments} onReload={onReload} />;
    case 'prep':
      return <PrepEditor key={views.prep.version} view={views.prep} onReload={onReload} />;
    case 'vaccines':
      return <VaccinesEditor key={views.vaccines.version} view={views.vaccines} onReload={onReload} />;
    case 'diagnoses':
      return <DiagnosesEditor key={views.diagnoses.version} view={views.diagnoses} onReload={onReload} />;
    case 'specialties':
      return (
        <SpecialtiesEditor key={views.specialties.version} view={views.specialties} onReload={onReload} />
      );
    case 'egfr':
      return <EgfrEditor key={views.egfr.version} view={views.egfr} onReload={onReload} />;
  }
}

export function CataloguesPage() {
  const { t } = useTranslation();
  const catalogues = useCurrentCatalogues();
  const [tab, setTab] = useState<CatalogueKey>('tests');
  const [historyOpen, setHistoryOpen] = useState(false);
  const lng = currentLanguage();
  const views = catalogues.data;
  const reload = () => void catalogues.refetch();

  return (
    <Stack maw={1200}>
      <div>
        <Title order={1}>{t('clinicalCatalogues.title')}</Title>
        <Text c="dimmed">{t('clinicalCatalogues.intro')}</Text>
      </div>
      {catalogues.isError && <QueryError error={catalogues.error} onRetry={reload} />}
      {views && (
        <Tabs
          value={tab}
          onChange={(value) => {
            const next = CATALOGUE_KEYS.find((key) => key === value);
            if (next) setTab(next);
          }}
          keepMounted={false}
        >
          <Tabs.List>
            {CATALOGUE_KEYS.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`clinicalCatalogues.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {CATALOGUE_KEYS.map((key) => (
            <Tabs.Panel key={key} value={key} pt="md">
              <Stack>
                <Group justify="space-between">
                  <Text c="dimmed" size="sm">
                    {views[key].version === 0
                      ? t('clinicalCatalogues.shippedDefault')
                      : `${t('clinicalCatalogues.version', { version: views[key].version })} · ${formatDateTime(views[key].updatedAt, lng)}`}
                  </Text>
                  <Button variant="default" size="xs" onClick={() => setHistoryOpen(true)}>
                    {t('clinicalCatalogues.history')}
                  </Button>
                </Group>
                <Editor catalogue={key} views={views} onReload={reload} />
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <HistoryDrawer key={tab} catalogue={tab} opened={historyOpen} onClose={() => setHistoryOpen(false)} />
    </Stack>
  );
}
