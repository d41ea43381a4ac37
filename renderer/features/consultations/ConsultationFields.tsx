/**
 * The doctor's consultation form: the notes, the coded diagnoses, the tests ordered (one box per
 * test, one per anatomical site for CT/NG) and the prescription, each drug pre-filled from the
 * treatments catalogue and editable. Every field shows the refusal of its rule next to it.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CatalogueContent, TreatmentDefault } from '../../../shared/domain/clinical-catalogues';
import { ADMINISTRATION_ROUTES, TEST_CODES } from '../../../shared/domain/clinical-catalogues';
import { MAX_PRESCRIPTION_LINES } from '../../../shared/contract/consultations';
import { diagnosisLabel } from '../clinical-catalogues/labels';
import { lineFromTreatment, testBox, type ConsultationFormValues } from './consultation-values';

type Form = UseFormReturnType<ConsultationFormValues>;
type Drug = Extract<TreatmentDefault, { kind: 'drug' }>;

export interface ConsultationCatalogues {
  tests: CatalogueContent['tests'];
  treatments: CatalogueContent['treatments'];
  diagnoses: CatalogueContent['diagnoses'];
}

export function ConsultationFields({ form, catalogues }: { form: Form; catalogues: ConsultationCatalogues }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Fieldset legend={t('consultations.title')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('consultations.fields.heldAt')}
              required
              {...form.getInputProps('heldAt')}
            />
          </SimpleGrid>
          <Textarea
            label={t('consultations.fields.reason')}
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Textarea
            label={t('consultations.fields.history')}
            autosize
            minRows={2}
            {...form.getInputProps('history')}
          />
          <Textarea
            label={t('consultations.fields.examination')}
            autosize
            minRows={2}
            {...form.getInputProps('examination')}
          />
          <Textarea
            label={t('consultations.fields.conclusion')}
            autosize
            minRows={2}
            {...form.getInputProps('conclusion')}
          />
        </Stack>
      </Fieldset>
      <DiagnosesField form={form} diagnoses={catalogues.diagnoses} />
      <TestsField form={form} tests={catalogues.tests} />
      <PrescriptionField form={form} treatments={catalogues.treatments} />
    </Stack>
  );
}

function DiagnosesField({ form, diagnoses }: { form: Form; diagnoses: ConsultationCatalogues['diagnoses'] }) {
  const { t } = useTranslation();
  const chosen = new Set(form.values.diagnoses);
  // Offered: the active codes, and any code already on the consultation (even retired since).
  const data = diagnoses
    .filter((d) => d.active !== false || chosen.has(d.code))
    .map((d) => ({ value: d.code, label: `${d.code} — ${diagnosisLabel(t, d)}` }));
  return (
    <MultiSelect
      label={t('consultations.fields.diagnoses')}
      placeholder={t('consultations.fields.diagnosesPlaceholder')}
      data={data}
      searchable
      clearable
      {...form.getInputProps('diagnoses')}
    />
  );
}

function TestsField({ form, tests }: { form: Form; tests: ConsultationCatalogues['tests'] }) {
  const { t } = useTranslation();
  const offered = TEST_CODES.map((code) => tests[code]).filter((d) => d && d.active !== false);
  return (
    <Fieldset legend={t('consultations.fields.orderTests')}>
      <Checkbox.Group {...form.getInputProps('tests')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
          {offered.map((def) =>
            def.sites.length === 0 ? (
              <Checkbox
                key={def.code}
                value={testBox(def.code)}
                label={t(`clinicalCatalogues.tests.${def.code}`)}
              />
            ) : (
              <div key={def.code} role="group" aria-label={t(`clinicalCatalogues.tests.${def.code}`)}>
                <Text size="sm">{t(`clinicalCatalogues.tests.${def.code}`)}</Text>
                <Group gap="sm" mt={4}>
                  {def.sites.map((site) => (
                    <Checkbox
                      key={site}
                      size="xs"
                      value={testBox(def.code, site)}
                      label={t(`consultations.sites.${site}`)}
                      aria-label={`${t(`clinicalCatalogues.tests.${def.code}`)} — ${t(`consultations.sites.${site}`)}`}
                    />
                  ))}
                </Group>
              </div>
            ),
          )}
        </SimpleGrid>
      </Checkbox.Group>
    </Fieldset>
  );
}

function PrescriptionField({
  form,
  treatments,
}: {
  form: Form;
  treatments: ConsultationCatalogues['treatments'];
}) {
  const { t } = useTranslation();
  const drugs = [
    ...new Map(
      Object.values(treatments)
        .filter((d): d is Drug => d?.kind === 'drug')
        .map((d) => [d.drug, d]),
    ).values(),
  ];
  const full = form.values.lines.length >= MAX_PRESCRIPTION_LINES;
  const words = {
    once: t('consultations.prescription.once'),
    timesPerDay: (count: number) => t('consultations.prescription.timesPerDay', { count }),
    days: (count: number) => t('consultations.prescription.days', { count }),
  };
  const routes = ADMINISTRATION_ROUTES.map((r) => ({ value: r, label: t(`consultations.routes.${r}`) }));
  const linesError = form.errors.lines;
  return (
    <Fieldset legend={t('consultations.prescription.title')}>
      <Stack>
        {form.values.lines.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('consultations.prescription.none')}
          </Text>
        )}
        {form.values.lines.map((_line, i) => (
          <Group key={i} align="flex-start" wrap="wrap" gap="xs" data-testid="prescription-line">
            <TextInput
              label={t('consultations.prescription.drug')}
              required
              w={200}
              {...form.getInputProps(`lines.${i}.drug`)}
            />
            <TextInput
              label={t('consultations.prescription.dose')}
              required
              w={110}
              {...form.getInputProps(`lines.${i}.dose`)}
            />
            <Select
              label={t('consultations.prescription.route')}
              placeholder={t('consultations.noRoute')}
              data={routes}
              clearable
              w={160}
              {...form.getInputProps(`lines.${i}.route`)}
              value={form.values.lines[i]?.route || null}
              onChange={(v) => form.setFieldValue(`lines.${i}.route`, v ?? '')}
            />
            <TextInput
              label={t('consultations.prescription.frequency')}
              required
              w={170}
              {...form.getInputProps(`lines.${i}.frequency`)}
            />
            <TextInput
              label={t('consultations.prescription.duration')}
              required
              w={110}
              {...form.getInputProps(`lines.${i}.duration`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('consultations.prescription.remove')}
              onClick={() => form.removeListItem('lines', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {typeof linesError === 'string' && <Input.Error>{linesError}</Input.Error>}
        <Group gap="xs">
          <Button
            variant="light"
            size="xs"
            disabled={full}
            onClick={() =>
              form.insertListItem('lines', { drug: '', dose: '', route: '', frequency: '', duration: '' })
            }
          >
            {t('consultations.prescription.add')}
          </Button>
          {drugs.map((d) => (
            <Button
              key={d.drug}
              variant="default"
              size="xs"
              disabled={full}
              onClick={() => form.insertListItem('lines', lineFromTreatment(d, words))}
            >
              {t('consultations.prescription.addFromCatalogue', { drug: d.drug })}
            </Button>
          ))}
        </Group>
        {form.values.lines.length > 0 && (
          <NumberInput
            label={t('consultations.prescription.renewals')}
            description={t('consultations.prescription.renewalsHelp')}
            // Kept as typed: "-1" or "13" is refused next to the field, never clamped.
            clampBehavior="none"
            allowDecimal={false}
            w={200}
            {...form.getInputProps('renewals')}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
