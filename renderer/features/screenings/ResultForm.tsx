/**
 * A taken sample's result, typed by its test's `ResultType`: one choice per part (reactivity,
 * detection, each CT/NG target, each HBV marker…) and the numbers a test carries (viral load,
 * titre, creatinine, eGFR), kept as typed. Each part is checked with the core's own schema and
 * refused next to its field before sending; the core's refusal lands on the same field. The
 * reading (positive / negative) and what it reveals are shown as the core will derive them.
 */
import { Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { startOfMinute } from 'date-fns';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Sample } from '../../../shared/contract/screenings';
import {
  DETECTION_VALUES,
  IMMUNITY_VALUES,
  POSITIVITY_VALUES,
  REACTIVITY_VALUES,
  type ResultType,
  type TestDefinition,
} from '../../../shared/domain/clinical-catalogues';
import { readResult } from '../../../shared/domain/screenings';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { fromLocalInput, toLocalInput } from '../../app/form-values';
import { useSaveResult, type ScreeningCatalogue } from './api';
import { sampleLabel } from './labels';
import { emptyParts, valueFromParts, type ResultParts } from './result-values';

interface ResultFormValues {
  parts: ResultParts;
  resultedAt: string;
  source: 'on_site' | 'lab';
}

/** The core names a value's part `value.<part>`; the form keeps the parts under `parts`. */
function formPathOf(field: string): string | null {
  if (field.startsWith('value.') && field !== 'value.type') return `parts.${field.slice('value.'.length)}`;
  return field === 'resultedAt' ? field : null;
}

export function ResultForm({
  sample,
  catalogue,
  onDone,
}: {
  sample: Sample;
  catalogue: ScreeningCatalogue;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveResult();
  const test: TestDefinition = catalogue.tests[sample.testCode];
  const form = useForm<ResultFormValues>({
    initialValues: {
      parts: emptyParts(),
      resultedAt: toLocalInput(new Date()),
      source: test.kind === 'laboratory' ? 'lab' : 'on_site',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, formPathOf);
  const draft = valueFromParts(test.result, form.values.parts, catalogue.egfr);
  const reading = draft.value ? readResult(test, draft.value) : null;

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    const { value, problems } = valueFromParts(test.result, values.parts, catalogue.egfr);
    for (const p of problems)
      errors[formPathOf(p.field) ?? p.field] ??=
        p.reason === 'required' ? t('validation.required') : t(`validation.reason.${p.reason}`);
    const at = fromLocalInput(values.resultedAt);
    if (!at) errors.resultedAt = t('validation.required');
    else if (at.getTime() > Date.now() + 5 * 60_000)
      errors.resultedAt = t('validation.reason.date_in_future');
    else if (sample.takenAt && at < startOfMinute(new Date(sample.takenAt)))
      // The form holds minutes: a result typed in the sample's own minute is not before it (the core agrees).
      errors.resultedAt = t('validation.reason.result_before_sample');
    if (Object.keys(errors).length || !value || !at) {
      form.setErrors(errors);
      return;
    }
    // Sent as typed, even in the sample's own minute: never replaced by the sample's time.
    const resultedAt = at.toISOString();
    save.mutate(
      { personId: sample.personId, sampleId: sample.id, value, resultedAt, source: values.source },
      {
        onSuccess: ({ confirmation }) => {
          notifications.show({ color: 'teal', message: t('screenings.resultForm.saved') });
          if (confirmation)
            notifications.show({
              color: 'orange',
              message: t('screenings.resultForm.confirmationOrdered', {
                test: t(`clinicalCatalogues.tests.${confirmation.testCode}`),
              }),
            });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('screenings.resultForm.title', { test: sampleLabel(t, sample) })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <ValueFields type={test.result} form={form} />
          {reading && (
            <Text size="sm" aria-live="polite" data-testid="result-reading">
              {t('screenings.resultForm.preview', {
                interpretation: t(`screenings.interpretation.${reading.interpretation}`),
              })}
              {reading.infections.length > 0 &&
                ` · ${t('screenings.resultForm.reveals', {
                  infections: reading.infections
                    .map((i) => t(`clinicalCatalogues.infections.${i}`))
                    .join(', '),
                })}`}
            </Text>
          )}
          <TextInput
            type="datetime-local"
            label={t('screenings.resultForm.resultedAt')}
            required
            {...form.getInputProps('resultedAt')}
          />
          <Radio.Group label={t('screenings.resultForm.source')} {...form.getInputProps('source')}>
            <Group mt="xs">
              <Radio value="on_site" label={t('screenings.resultForm.sources.on_site')} />
              <Radio value="lab" label={t('screenings.resultForm.sources.lab')} />
            </Group>
          </Radio.Group>
          <FormActions
            submitLabel={t('screenings.resultForm.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}

type Form = ReturnType<typeof useForm<ResultFormValues>>;

function Choice({
  form,
  path,
  label,
  options,
  autoFocus,
}: {
  form: Form;
  path: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  autoFocus?: boolean;
}) {
  return (
    <Radio.Group label={label} required {...form.getInputProps(path)}>
      <Group mt="xs">
        {options.map((o, i) => (
          <Radio
            key={o.value}
            value={o.value}
            label={o.label}
            data-autofocus={autoFocus && i === 0 ? true : undefined}
          />
        ))}
      </Group>
    </Radio.Group>
  );
}

function ValueFields({ type, form }: { type: ResultType; form: Form }) {
  const { t } = useTranslation();
  const options = (
    group: 'reactivity' | 'detection' | 'positivity' | 'immunity',
    values: readonly string[],
  ) => values.map((v) => ({ value: v, label: t(`screenings.values.${group}.${v}` as never) }));
  const p = form.values.parts;
  switch (type.type) {
    case 'reactivity':
      return (
        <Choice
          form={form}
          path="parts.reactivity"
          label={t('screenings.fields.reactivity')}
          options={options('reactivity', REACTIVITY_VALUES)}
          autoFocus
        />
      );
    case 'detection':
      return (
        <>
          <Choice
            form={form}
            path="parts.detection"
            label={t('screenings.fields.detection')}
            options={options('detection', DETECTION_VALUES)}
            autoFocus
          />
          {type.withValue && p.detection === 'detected' && (
            <TextInput
              label={t('screenings.fields.viralLoad')}
              inputMode="numeric"
              required
              {...form.getInputProps('parts.viralLoad')}
            />
          )}
        </>
      );
    case 'per_target':
      return (
        <>
          {type.targets.map((target, i) => (
            <Choice
              key={target}
              form={form}
              path={`parts.targets.${target}`}
              label={t(`clinicalCatalogues.infections.${target}`)}
              options={options('detection', DETECTION_VALUES)}
              autoFocus={i === 0}
            />
          ))}
        </>
      );
    case 'positivity':
    case 'titre':
      return (
        <>
          <Choice
            form={form}
            path="parts.positivity"
            label={t('screenings.fields.positivity')}
            options={options('positivity', POSITIVITY_VALUES)}
            autoFocus
          />
          {type.type === 'titre' && p.positivity === 'positive' && (
            <TextInput label={t('screenings.fields.titre')} required {...form.getInputProps('parts.titre')} />
          )}
        </>
      );
    case 'markers':
      return (
        <>
          {type.markers.map((marker, i) => (
            <Choice
              key={marker}
              form={form}
              path={`parts.markers.${marker}`}
              label={t(`screenings.values.markers.${marker}`)}
              options={options('positivity', POSITIVITY_VALUES)}
              autoFocus={i === 0}
            />
          ))}
        </>
      );
    case 'immunity':
      return (
        <Choice
          form={form}
          path="parts.immunity"
          label={t('screenings.fields.immunity')}
          options={options('immunity', IMMUNITY_VALUES)}
          autoFocus
        />
      );
    case 'creatinine_egfr':
      return (
        <>
          <TextInput
            label={t('screenings.fields.creatinine')}
            inputMode="decimal"
            required
            data-autofocus
            {...form.getInputProps('parts.creatinine')}
          />
          <TextInput
            label={t('screenings.fields.egfr')}
            inputMode="decimal"
            required
            {...form.getInputProps('parts.egfr')}
          />
        </>
      );
  }
}
