/** The fields of the community interview, in the order the conversation usually goes. */
import {
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { catalogueKey } from '../../i18n/setup';
import {
  EXPOSURE_TYPES,
  INTERVIEW_NEEDS,
  PREVENTION_TOOLS,
  SUBSTANCES,
  VIOLENCE_SCREENING,
} from '../../../shared/domain/catalogues';
import { fromLocalInput, toLocalInput } from '../../app/form-values';
import { hoursSinceRisk, pepWindow, type InterviewFormValues } from './interview-values';
import { PepLiveAlert } from './PepLiveAlert';

type Form = UseFormReturnType<InterviewFormValues>;

function Choices({
  form,
  field,
  label,
  catalogue,
  values,
  cols = 3,
}: {
  form: Form;
  field: 'exposures' | 'prevention' | 'substances' | 'needs';
  label: string;
  catalogue: string;
  values: readonly string[];
  cols?: number;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={label} {...form.getInputProps(field)}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: cols }} mt={6} spacing={6}>
        {values.map((v) => (
          <Checkbox key={v} value={v} label={t(catalogueKey(catalogue, v))} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

export function InterviewFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const pep = pepWindow(form.values);
  const since = hoursSinceRisk(form.values);

  /** "It was N hours ago": the quickest way to give a recent risk at the desk. */
  function setHoursAgo(value: string | number) {
    const held = fromLocalInput(form.values.heldAt) ?? new Date();
    if (value === '' || Number.isNaN(Number(value))) return form.setFieldValue('lastRiskAt', '');
    form.setFieldValue('lastRiskAt', toLocalInput(new Date(held.getTime() - Number(value) * 3_600_000)));
  }

  return (
    <Stack>
      <Fieldset legend={t('interviews.sections.interview')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('interviews.fields.heldAt')}
            required
            {...form.getInputProps('heldAt')}
          />
        </SimpleGrid>
        <Textarea
          mt="md"
          label={t('interviews.fields.reason')}
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
      </Fieldset>

      <Fieldset legend={t('interviews.sections.risk')}>
        <Stack>
          <Group align="flex-start" grow>
            <TextInput
              type="datetime-local"
              label={t('interviews.fields.lastRiskAt')}
              description={t('interviews.fields.lastRiskHelp')}
              {...form.getInputProps('lastRiskAt')}
            />
            <NumberInput
              label={t('interviews.fields.hoursAgo')}
              description={t('interviews.fields.hoursAgoHelp')}
              // Kept as typed: "-5" is refused next to the field, never turned into 5.
              clampBehavior="none"
              allowDecimal={false}
              hideControls
              value={since === null ? '' : Math.round(since)}
              onChange={setHoursAgo}
              error={since !== null && since < 0 ? t('interviews.fields.hoursAgoNegative') : undefined}
            />
          </Group>
          {pep && <PepLiveAlert since={pep.since} left={pep.left} />}
          <Choices
            form={form}
            field="exposures"
            label={t('interviews.fields.exposures')}
            catalogue="exposures"
            values={EXPOSURE_TYPES}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('interviews.sections.practices')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('interviews.fields.practices')}
              autosize
              minRows={2}
              {...form.getInputProps('practices')}
            />
            <NumberInput
              label={t('interviews.fields.partnersCount')}
              description={t('interviews.fields.partnersHelp')}
              min={0}
              max={10000}
              allowNegative={false}
              allowDecimal={false}
              {...form.getInputProps('partnersCount')}
            />
          </SimpleGrid>
          <Choices
            form={form}
            field="prevention"
            label={t('interviews.fields.prevention')}
            catalogue="prevention"
            values={PREVENTION_TOOLS}
            cols={5}
          />
          <Choices
            form={form}
            field="substances"
            label={t('interviews.fields.substances')}
            catalogue="substances"
            values={SUBSTANCES}
            cols={5}
          />
          <Switch
            label={t('interviews.fields.chemsex')}
            {...form.getInputProps('chemsex', { type: 'checkbox' })}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('interviews.sections.violence')}>
        <Radio.Group
          label={t('interviews.fields.violenceScreening')}
          {...form.getInputProps('violenceScreening')}
        >
          <Group mt={6}>
            {VIOLENCE_SCREENING.map((v) => (
              <Radio key={v} value={v} label={t(`catalogue.violenceScreening.${v}`)} />
            ))}
          </Group>
        </Radio.Group>
      </Fieldset>

      <Fieldset legend={t('interviews.sections.needs')}>
        <Choices
          form={form}
          field="needs"
          label={t('interviews.fields.needs')}
          catalogue="needs"
          values={INTERVIEW_NEEDS}
        />
      </Fieldset>

      <Card withBorder bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-4)' }}>
        <Textarea
          label={t('interviews.fields.summary')}
          description={t('interviews.fields.summaryHelp')}
          autosize
          minRows={4}
          size="md"
          styles={{ label: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
          {...form.getInputProps('summary')}
        />
      </Card>
      <Textarea label={t('interviews.fields.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
    </Stack>
  );
}
