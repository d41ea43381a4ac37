/** The fields of a person's file, grouped as reception asks for them. */
import {
  Autocomplete,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_CHANNELS,
  ENTRY_DOORS,
  KEY_POPULATIONS,
  SEX_AT_BIRTH,
} from '../../../../shared/domain/catalogues';
import { useSignedIn } from '../use-signed-in';
import type { BirthMode, PersonFormValues } from './person-values';

type Form = UseFormReturnType<PersonFormValues>;

/** Suggestions are written in the interface language as a comma-separated list. */
function suggestions(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const COVERAGE_GROUPS = [
  { group: 'france', items: ['puma', 'css', 'ame'] },
  { group: 'morocco', items: ['amo'] },
  { group: 'other', items: ['none', 'unknown'] },
] as const;

export function PersonFields({ form, editing }: { form: Form; editing: boolean }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const sites = session.state.user.sites;
  const siteData = sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }));
  // A file followed at a site this user does not work at stays selectable as it is.
  if (form.values.siteId && !sites.some((s) => s.id === form.values.siteId))
    siteData.push({ value: form.values.siteId, label: form.values.siteId });

  return (
    <Stack>
      <Fieldset legend={t('persons.form.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('persons.fields.nameUsed')}
            description={t('persons.fields.nameUsedHelp')}
            required
            data-autofocus
            autoFocus={!editing}
            autoComplete="off"
            {...form.getInputProps('nameUsed')}
          />
          <TextInput
            label={t('persons.fields.legalName')}
            description={t('persons.fields.legalNameHelp')}
            autoComplete="off"
            {...form.getInputProps('legalName')}
          />
          <Autocomplete
            label={t('persons.fields.pronouns')}
            data={suggestions(t('persons.fields.pronounSuggestions'))}
            autoComplete="off"
            {...form.getInputProps('pronouns')}
          />
          <Autocomplete
            label={t('persons.fields.genderIdentity')}
            data={suggestions(t('persons.fields.genderSuggestions'))}
            autoComplete="off"
            {...form.getInputProps('genderIdentity')}
          />
          <Select
            label={t('persons.fields.sexAtBirth')}
            description={t('persons.fields.sexAtBirthHelp')}
            data={SEX_AT_BIRTH.map((v) => ({ value: v, label: t(`catalogue.sexAtBirth.${v}`) }))}
            clearable
            {...form.getInputProps('sexAtBirth')}
          />
          <TextInput
            label={t('persons.fields.countryOfBirth')}
            autoComplete="off"
            {...form.getInputProps('countryOfBirth')}
          />
        </SimpleGrid>
        <Stack gap={6} mt="md">
          <Text size="sm" fw={500} id="birth-mode-label">
            {t('persons.fields.birth')}
          </Text>
          <Group align="flex-start" gap="md">
            <SegmentedControl
              aria-labelledby="birth-mode-label"
              data={[
                { value: 'year', label: t('persons.fields.birthYearOnly') },
                { value: 'date', label: t('persons.fields.birthFullDate') },
              ]}
              value={form.values.birthMode}
              onChange={(value) => form.setFieldValue('birthMode', value as BirthMode)}
            />
            {form.values.birthMode === 'date' ? (
              <TextInput
                aria-label={t('persons.fields.birthDate')}
                placeholder={t('persons.fields.birthDatePlaceholder')}
                inputMode="numeric"
                autoComplete="off"
                w={200}
                {...form.getInputProps('birthDate')}
              />
            ) : (
              <NumberInput
                aria-label={t('persons.fields.birthYear')}
                placeholder={t('persons.fields.birthYearPlaceholder')}
                // Kept as typed: an out-of-range year is refused next to the field, never moved.
                clampBehavior="none"
                allowDecimal={false}
                hideControls
                w={140}
                {...form.getInputProps('birthYear')}
              />
            )}
          </Group>
        </Stack>
        <TagsInput
          mt="md"
          label={t('persons.fields.languages')}
          description={t('persons.fields.languagesHelp')}
          data={suggestions(t('persons.fields.languageSuggestions'))}
          {...form.getInputProps('languages')}
        />
      </Fieldset>

      <Fieldset legend={t('persons.form.situation')}>
        <Checkbox.Group label={t('persons.fields.keyPopulations')} {...form.getInputProps('keyPopulations')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt={6} spacing={6}>
            {KEY_POPULATIONS.map((v) => (
              <Checkbox key={v} value={v} label={t(`catalogue.keyPopulations.${v}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
          <Select
            label={t('persons.fields.healthCoverage')}
            data={COVERAGE_GROUPS.map(({ group, items }) => ({
              group: t(`catalogue.coverageGroups.${group}`),
              items: items.map((v) => ({ value: v, label: t(`catalogue.healthCoverages.${v}`) })),
            }))}
            allowDeselect={false}
            {...form.getInputProps('healthCoverage')}
          />
          <Select
            label={t('persons.fields.entryDoor')}
            data={ENTRY_DOORS.map((v) => ({ value: v, label: t(`catalogue.entryDoors.${v}`) }))}
            clearable
            {...form.getInputProps('entryDoor')}
          />
          <Select
            label={t('persons.fields.site')}
            data={siteData}
            allowDeselect={false}
            required
            {...form.getInputProps('siteId')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('persons.form.contact')}>
        <Switch
          color="red"
          label={t('persons.fields.neverContact')}
          description={t('persons.fields.neverContactHelp')}
          {...form.getInputProps('contact.neverContact', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
          <TextInput
            label={t('persons.fields.phone')}
            type="tel"
            autoComplete="off"
            {...form.getInputProps('contact.phone')}
          />
          <TextInput
            label={t('persons.fields.email')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('contact.email')}
          />
        </SimpleGrid>
        <Checkbox.Group
          mt="md"
          label={t('persons.fields.channels')}
          description={t('persons.fields.channelsHelp')}
          {...form.getInputProps('contact.channels')}
        >
          <Group mt={6}>
            {CONTACT_CHANNELS.map((v) => (
              <Checkbox
                key={v}
                value={v}
                label={t(`catalogue.contactChannels.${v}`)}
                // "Téléphone" and "E-mail" already name the fields above: one name per control.
                aria-label={t(`persons.fields.channelConsent.${v}`)}
                disabled={form.values.contact.neverContact}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          mt="md"
          label={t('persons.fields.wording')}
          description={t('persons.fields.wordingHelp')}
          autosize
          minRows={2}
          {...form.getInputProps('contact.wording')}
        />
      </Fieldset>
    </Stack>
  );
}
