/**
 * The safety plan, reviewed with the person at each contact: risks, trusted people, safe places,
 * code words, what to do if the aggressor comes back. Saving it is a review; "reviewed, unchanged"
 * records a review alone. Every row is kept exactly as typed: a blank one is refused next to its
 * field before sending (the contract's own rule), never dropped; the core's refusals land there too.
 */
import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import type { CasePlan, SafetyPlan } from '../../../shared/contract/case-plans';
import { SAFETY_ROW_TEXT_MAX, SAFETY_ROWS_MAX } from '../../../shared/domain/case-plans';
import { useDirtyGuard } from '../../app/dirty-forms';
import { schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useReviewSafetyPlan, useSaveSafetyPlan } from './api';
import { SafetyRows } from './SafetyRows';

type SafetyValues = Pick<
  SafetyPlan,
  'risks' | 'safeContacts' | 'safePlaces' | 'codeWords' | 'ifAggressorReturns'
>;

/** The contract's paths the form shows: its text fields and each row's inputs. */
const ROW_PATH =
  /^(?:(safeContacts)\.(\d+)\.(?:name|howToReach|note)|(safePlaces)\.(\d+)|(codeWords)\.(\d+)\.(?:word|meaning))$/;

/** The form path of a contract field, or null when the form shows no such field (or row). */
function formPathIn(values: SafetyValues): (field: string) => string | null {
  return (field) => {
    if (field === 'risks' || field === 'ifAggressorReturns') return field;
    const m = ROW_PATH.exec(field);
    if (!m) return null;
    const list = (m[1] ?? m[3] ?? m[5]) as 'safeContacts' | 'safePlaces' | 'codeWords';
    const index = Number(m[2] ?? m[4] ?? m[6]);
    return index < values[list].length ? field : null;
  };
}

export function SafetyPlanForm({
  plan,
  safety,
  canWrite,
}: {
  plan: CasePlan;
  safety: SafetyPlan;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const save = useSaveSafetyPlan();
  const review = useReviewSafetyPlan();
  const form = useForm<SafetyValues>({
    initialValues: {
      risks: safety.risks,
      safeContacts: safety.safeContacts,
      safePlaces: safety.safePlaces,
      codeWords: safety.codeWords,
      ifAggressorReturns: safety.ifAggressorReturns,
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => formPathIn(form.getValues())(f));
  const writable = canWrite && plan.status !== 'closed';

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = { personId: plan.personId, planId: plan.id, ...values, version: safety.version };
    const formPath = formPathIn(values);
    const errors = schemaErrors(
      CONTRACT['casePlans.saveSafetyPlan'].input,
      input,
      t,
      (p) => formPath(p) !== null,
    );
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    save.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('casePlans.safety.saved') });
        form.resetDirty();
      },
      onError: fail,
    });
  });

  const text = (path: string, label: string, max: number) => (
    <TextInput label={label} maxLength={max} readOnly={!writable} {...form.getInputProps(path)} />
  );

  return (
    <Stack component="section" aria-label={t('casePlans.safety.title')} gap="xs">
      <Title order={4}>{t('casePlans.safety.title')}</Title>
      {safety.reviewDue && <Alert color="orange">{t('casePlans.safety.due')}</Alert>}
      <Text size="sm" c="dimmed">
        {safety.reviewedAt
          ? t('casePlans.safety.reviewed', {
              date: formatDateTime(safety.reviewedAt, lng),
              name: safety.reviewedByName ?? '',
            })
          : t('casePlans.safety.neverReviewed')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormFailure failure={failure} />
          <Textarea
            label={t('casePlans.safety.risks')}
            autosize
            minRows={2}
            readOnly={!writable}
            {...form.getInputProps('risks')}
          />
          <SafetyRows
            title={t('casePlans.safety.contacts')}
            count={form.values.safeContacts.length}
            max={SAFETY_ROWS_MAX}
            writable={writable}
            emptyText={t('casePlans.safety.noContacts')}
            addLabel={t('casePlans.safety.addContact')}
            rowLegend={(n) => t('casePlans.safety.contact', { n })}
            removeLabel={(n) => t('casePlans.safety.removeContact', { n })}
            onAdd={() => form.insertListItem('safeContacts', { name: '', howToReach: '', note: '' })}
            onRemove={(i) => form.removeListItem('safeContacts', i)}
          >
            {(i) => (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                {text(
                  `safeContacts.${i}.name`,
                  t('casePlans.safety.contactName'),
                  SAFETY_ROW_TEXT_MAX.contactName,
                )}
                {text(
                  `safeContacts.${i}.howToReach`,
                  t('casePlans.safety.howToReach'),
                  SAFETY_ROW_TEXT_MAX.howToReach,
                )}
                {text(`safeContacts.${i}.note`, t('casePlans.safety.note'), SAFETY_ROW_TEXT_MAX.note)}
              </SimpleGrid>
            )}
          </SafetyRows>
          <SafetyRows
            title={t('casePlans.safety.safePlaces')}
            count={form.values.safePlaces.length}
            max={SAFETY_ROWS_MAX}
            writable={writable}
            emptyText={t('casePlans.safety.noPlaces')}
            addLabel={t('casePlans.safety.addPlace')}
            removeLabel={(n) => t('casePlans.safety.removePlace', { n })}
            onAdd={() => form.insertListItem('safePlaces', '')}
            onRemove={(i) => form.removeListItem('safePlaces', i)}
          >
            {(i) =>
              text(`safePlaces.${i}`, t('casePlans.safety.place', { n: i + 1 }), SAFETY_ROW_TEXT_MAX.place)
            }
          </SafetyRows>
          <SafetyRows
            title={t('casePlans.safety.codeWords')}
            count={form.values.codeWords.length}
            max={SAFETY_ROWS_MAX}
            writable={writable}
            emptyText={t('casePlans.safety.noCodeWords')}
            addLabel={t('casePlans.safety.addCodeWord')}
            rowLegend={(n) => t('casePlans.safety.codeWord', { n })}
            removeLabel={(n) => t('casePlans.safety.removeCodeWord', { n })}
            onAdd={() => form.insertListItem('codeWords', { word: '', meaning: '' })}
            onRemove={(i) => form.removeListItem('codeWords', i)}
          >
            {(i) => (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {text(`codeWords.${i}.word`, t('casePlans.safety.word'), SAFETY_ROW_TEXT_MAX.word)}
                {text(`codeWords.${i}.meaning`, t('casePlans.safety.meaning'), SAFETY_ROW_TEXT_MAX.meaning)}
              </SimpleGrid>
            )}
          </SafetyRows>
          <Textarea
            label={t('casePlans.safety.ifAggressorReturns')}
            autosize
            minRows={2}
            readOnly={!writable}
            {...form.getInputProps('ifAggressorReturns')}
          />
          {writable && (
            <Group justify="space-between">
              <Button
                variant="default"
                loading={review.isPending}
                onClick={() => review.mutate({ personId: plan.personId, planId: plan.id }, { onError: fail })}
              >
                {t('casePlans.safety.review')}
              </Button>
              <FormActions
                submitLabel={t('casePlans.safety.save')}
                onCancel={() => form.reset()}
                pending={save.isPending}
              />
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
