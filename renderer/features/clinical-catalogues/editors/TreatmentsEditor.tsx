/** Treatment defaults after a positive result: drug, dose, route, frequency and duration, pre-filled when treating. */
import { Fieldset, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../../../shared/contract/clinical-catalogues';
import { ADMINISTRATION_ROUTES, INFECTIONS } from '../../../../shared/domain/clinical-catalogues';
import { CatalogueFormFrame, useCatalogueForm } from '../CatalogueForm';

export function TreatmentsEditor({
  view,
  onReload,
}: {
  view: CatalogueView<'treatments'>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useCatalogueForm(view);
  const routes = ADMINISTRATION_ROUTES.map((route) => ({
    value: route,
    label: t(`clinicalCatalogues.routes.${route}`),
  }));
  return (
    <CatalogueFormFrame view={view} form={form} onReload={onReload}>
      <Stack>
        {INFECTIONS.map((infection) => {
          const entry = form.values.content[infection];
          if (!entry) return null;
          const legend = t(`clinicalCatalogues.infections.${infection}`);
          const path = `content.${infection}`;
          return (
            <Fieldset key={infection} legend={legend}>
              {entry.kind === 'referral' ? (
                <Text>{t('clinicalCatalogues.treatment.referral')}</Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
                  <TextInput
                    label={t('clinicalCatalogues.treatment.drug')}
                    {...form.getInputProps(`${path}.drug`)}
                  />
                  <TextInput
                    label={t('clinicalCatalogues.treatment.dose')}
                    {...form.getInputProps(`${path}.dose`)}
                  />
                  <Select
                    label={t('clinicalCatalogues.treatment.route')}
                    data={routes}
                    allowDeselect={false}
                    {...form.getInputProps(`${path}.route`)}
                  />
                  <NumberInput
                    label={t('clinicalCatalogues.treatment.timesPerDay')}
                    allowDecimal={false}
                    {...form.getInputProps(`${path}.timesPerDay`)}
                  />
                  <NumberInput
                    label={t('clinicalCatalogues.treatment.durationDays')}
                    allowDecimal={false}
                    {...form.getInputProps(`${path}.durationDays`)}
                  />
                </SimpleGrid>
              )}
            </Fieldset>
          );
        })}
      </Stack>
    </CatalogueFormFrame>
  );
}
