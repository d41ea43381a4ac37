/** The catalogues that are a few numbers: PrEP follow-up intervals and eGFR thresholds. */
import { NumberInput, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../../../shared/contract/clinical-catalogues';
import { CatalogueFormFrame, useCatalogueForm } from '../CatalogueForm';

const PREP_FIELDS = ['firstAfterMonths', 'everyMonths', 'lostAfterMonths', 'dueSoonDays'] as const;
const EGFR_FIELDS = ['alertBelow', 'min', 'max'] as const;

export function PrepEditor({ view, onReload }: { view: CatalogueView<'prep'>; onReload: () => void }) {
  const { t } = useTranslation();
  const form = useCatalogueForm(view);
  return (
    <CatalogueFormFrame view={view} form={form} onReload={onReload}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={700}>
        {PREP_FIELDS.map((field) => (
          <NumberInput
            key={field}
            label={t(`clinicalCatalogues.prep.${field}`)}
            allowDecimal={false}
            {...form.getInputProps(`content.${field}`)}
          />
        ))}
      </SimpleGrid>
    </CatalogueFormFrame>
  );
}

export function EgfrEditor({ view, onReload }: { view: CatalogueView<'egfr'>; onReload: () => void }) {
  const { t } = useTranslation();
  const form = useCatalogueForm(view);
  return (
    <CatalogueFormFrame view={view} form={form} onReload={onReload}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={800}>
        {EGFR_FIELDS.map((field) => (
          <NumberInput
            key={field}
            label={t(`clinicalCatalogues.egfr.${field}`)}
            allowDecimal={false}
            {...form.getInputProps(`content.${field}`)}
          />
        ))}
      </SimpleGrid>
    </CatalogueFormFrame>
  );
}
