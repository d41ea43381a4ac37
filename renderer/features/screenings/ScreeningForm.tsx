/**
 * The nurse's screening: the tests sampled now, ticked from the centre's catalogue (CT/NG once per
 * anatomical site: throat, anus, urine, vagina), and the tests a consultation ordered, ticked when
 * sampled. Saved together, taken now, in today's screening of the person.
 */
import { Checkbox, Fieldset, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Sample } from '../../../shared/contract/screenings';
import {
  ANATOMICAL_SITES,
  TEST_CODES,
  type AnatomicalSite,
  type TestCode,
} from '../../../shared/domain/clinical-catalogues';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useSaveSamples, type ScreeningCatalogue } from './api';
import { sampleLabel } from './labels';

interface ScreeningFormValues {
  /** `code` or `code:site` for a test sampled per site. */
  tests: string[];
  take: string[];
}

const isTest = oneOf(TEST_CODES);
const isSite = oneOf(ANATOMICAL_SITES);

function box(code: TestCode, site?: AnatomicalSite): string {
  return site ? `${code}:${site}` : code;
}

export function ordersOf(
  boxes: readonly string[],
): Array<{ testCode: TestCode; anatomicalSite?: AnatomicalSite }> {
  return boxes.flatMap((b) => {
    const [code, site] = b.split(':');
    if (!isTest(code)) return [];
    return [site && isSite(site) ? { testCode: code, anatomicalSite: site } : { testCode: code }];
  });
}

export function ScreeningForm({
  personId,
  siteId,
  visitId,
  ordered,
  catalogue,
  onDone,
}: {
  personId: string;
  siteId: string;
  visitId: string | null;
  ordered: readonly Sample[];
  catalogue: ScreeningCatalogue;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSamples();
  const form = useForm<ScreeningFormValues>({ initialValues: { tests: [], take: [] } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    f === 'add' || f === 'take' ? 'tests' : null,
  );
  const offered = TEST_CODES.map((code) => catalogue.tests[code]).filter((d) => d && d.active !== false);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const add = ordersOf(values.tests);
    const take = ordered
      .filter((s) => values.take.includes(s.id))
      .map((s) => ({ id: s.id, version: s.version }));
    if (add.length + take.length === 0) {
      form.setFieldError('tests', t('screenings.screeningForm.nothing'));
      return;
    }
    save.mutate(
      // Taken now: the core stamps the time with its own clock.
      { personId, siteId, visitId, add, take },
      {
        onSuccess: ({ samples }) => {
          notifications.show({
            color: 'teal',
            message: t('screenings.screeningForm.saved', { count: samples.length }),
          });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('screenings.screeningForm.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          {ordered.length > 0 && (
            <Fieldset legend={t('screenings.screeningForm.ordered')}>
              <Text size="sm" c="dimmed" mb="xs">
                {t('screenings.screeningForm.orderedHint')}
              </Text>
              <Checkbox.Group {...form.getInputProps('take')}>
                <Stack gap={6}>
                  {ordered.map((s) => (
                    <Checkbox key={s.id} value={s.id} label={sampleLabel(t, s)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Fieldset>
          )}
          <Fieldset legend={t('screenings.screeningForm.tests')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('screenings.screeningForm.intro')}
            </Text>
            <Checkbox.Group {...form.getInputProps('tests')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
                {offered.map((def, i) =>
                  def.sites.length === 0 ? (
                    <Checkbox
                      key={def.code}
                      value={box(def.code)}
                      label={t(`clinicalCatalogues.tests.${def.code}`)}
                      data-autofocus={i === 0 && ordered.length === 0 ? true : undefined}
                    />
                  ) : (
                    <div key={def.code} role="group" aria-label={t(`clinicalCatalogues.tests.${def.code}`)}>
                      <Text size="sm">{t(`clinicalCatalogues.tests.${def.code}`)}</Text>
                      <Group gap="sm" mt={4}>
                        {def.sites.map((site) => (
                          <Checkbox
                            key={site}
                            size="xs"
                            value={box(def.code, site)}
                            label={t(`screenings.sites.${site}`)}
                            aria-label={sampleLabel(t, { testCode: def.code, anatomicalSite: site })}
                          />
                        ))}
                      </Group>
                    </div>
                  ),
                )}
              </SimpleGrid>
            </Checkbox.Group>
          </Fieldset>
          <FormActions
            submitLabel={t('screenings.screeningForm.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
