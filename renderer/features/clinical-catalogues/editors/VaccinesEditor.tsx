/**
 * Vaccine schedules: each dose's offset from the first (months and days), for mpox the doses
 * needed after a smallpox vaccination, and for every vaccine the optional rules a centre may set:
 * the shortest gap between two doses, and a booster so many months after a complete course (left
 * empty: none). The first dose is the start (0); a dose before the previous one is refused under
 * that dose.
 */
import { Fieldset, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../../../shared/contract/clinical-catalogues';
import { VACCINE_CODES } from '../../../../shared/domain/clinical-catalogues';
import { CatalogueFormFrame, useCatalogueForm } from '../CatalogueForm';

export function VaccinesEditor({
  view,
  onReload,
}: {
  view: CatalogueView<'vaccines'>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useCatalogueForm(view);
  // A number left empty is no value (no offset, no rule): kept out of the content rather than sent as text.
  const offsetInput = (path: string) => {
    const props = form.getInputProps(path);
    return {
      ...props,
      value: (props.value as number | undefined) ?? '',
      onChange: (value: number | string) => form.setFieldValue(path, value === '' ? undefined : value),
    };
  };
  return (
    <CatalogueFormFrame view={view} form={form} onReload={onReload}>
      <Stack>
        {VACCINE_CODES.map((code) => {
          const schedule = form.values.content[code];
          const vaccine = t(`clinicalCatalogues.vaccines.${code}`);
          return (
            <Fieldset key={code} legend={vaccine}>
              <Stack gap="xs">
                {schedule.doses.map((_dose, i) => {
                  const path = `content.${code}.doses.${i}`;
                  const dose = t('clinicalCatalogues.vaccine.dose', { n: i + 1 });
                  const rowError = form.errors[path];
                  return (
                    <div key={i}>
                      <Group align="flex-end">
                        <Text w={80}>{dose}</Text>
                        <NumberInput
                          label={t('clinicalCatalogues.vaccine.months')}
                          aria-label={`${vaccine} · ${dose} · ${t('clinicalCatalogues.vaccine.months')}`}
                          allowDecimal={false}
                          w={200}
                          {...offsetInput(`${path}.months`)}
                        />
                        <NumberInput
                          label={t('clinicalCatalogues.vaccine.days')}
                          aria-label={`${vaccine} · ${dose} · ${t('clinicalCatalogues.vaccine.days')}`}
                          allowDecimal={false}
                          w={200}
                          {...offsetInput(`${path}.days`)}
                        />
                      </Group>
                      {rowError && (
                        <Text c="red" size="sm" role="alert">
                          {rowError}
                        </Text>
                      )}
                    </div>
                  );
                })}
                <Group align="flex-end">
                  <NumberInput
                    label={t('clinicalCatalogues.vaccine.minIntervalDays')}
                    aria-label={`${vaccine} · ${t('clinicalCatalogues.vaccine.minIntervalDays')}`}
                    allowDecimal={false}
                    w={300}
                    {...offsetInput(`content.${code}.minIntervalDays`)}
                  />
                  <NumberInput
                    label={t('clinicalCatalogues.vaccine.boosterAfterMonths')}
                    aria-label={`${vaccine} · ${t('clinicalCatalogues.vaccine.boosterAfterMonths')}`}
                    description={t('clinicalCatalogues.vaccine.boosterHint')}
                    allowDecimal={false}
                    w={300}
                    {...offsetInput(`content.${code}.boosterAfterMonths`)}
                  />
                </Group>
                {schedule.dosesIfSmallpoxVaccinated !== undefined && (
                  <NumberInput
                    label={t('clinicalCatalogues.vaccine.dosesIfSmallpoxVaccinated')}
                    allowDecimal={false}
                    w={300}
                    {...form.getInputProps(`content.${code}.dosesIfSmallpoxVaccinated`)}
                  />
                )}
              </Stack>
            </Fieldset>
          );
        })}
      </Stack>
    </CatalogueFormFrame>
  );
}
