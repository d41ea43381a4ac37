/**
 * The safety plan, reviewed with the person at each contact: risks, safe places, what to do if the
 * aggressor comes back. Saving it is a review; "reviewed, unchanged" records a review alone. The
 * trusted people and code words are shown as recorded (kept on save).
 */
import { Alert, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CasePlan, SafetyPlan } from '../../../shared/contract/case-plans';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useReviewSafetyPlan, useSaveSafetyPlan } from './api';

const FIELDS = new Set(['risks', 'safePlaces', 'ifAggressorReturns']);

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
  const form = useForm({
    initialValues: {
      risks: safety.risks,
      safePlaces: safety.safePlaces.join('\n'),
      ifAggressorReturns: safety.ifAggressorReturns,
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.has(f) ? f : null));
  const writable = canWrite && plan.status !== 'closed';

  const submit = form.onSubmit((values) => {
    setFailure(null);
    save.mutate(
      {
        personId: plan.personId,
        planId: plan.id,
        risks: values.risks,
        safeContacts: safety.safeContacts,
        safePlaces: values.safePlaces.split('\n').filter((line) => line.trim() !== ''),
        codeWords: safety.codeWords,
        ifAggressorReturns: values.ifAggressorReturns,
        version: safety.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('casePlans.safety.saved') });
          form.resetDirty();
        },
        onError: fail,
      },
    );
  });

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
      {safety.safeContacts.length > 0 && (
        <>
          <Text fw={500}>{t('casePlans.safety.contacts')}</Text>
          <List size="sm">
            {safety.safeContacts.map((c, i) => (
              <List.Item key={i}>{[c.name, c.howToReach, c.note].filter(Boolean).join(' — ')}</List.Item>
            ))}
          </List>
        </>
      )}
      {safety.codeWords.length > 0 && (
        <>
          <Text fw={500}>{t('casePlans.safety.codeWords')}</Text>
          <List size="sm">
            {safety.codeWords.map((c, i) => (
              <List.Item key={i}>{`${c.word} — ${c.meaning}`}</List.Item>
            ))}
          </List>
        </>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <FormFailure failure={failure} />
          <Textarea
            label={t('casePlans.safety.risks')}
            autosize
            minRows={2}
            readOnly={!writable}
            {...form.getInputProps('risks')}
          />
          <Textarea
            label={t('casePlans.safety.safePlaces')}
            autosize
            minRows={2}
            readOnly={!writable}
            {...form.getInputProps('safePlaces')}
          />
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
