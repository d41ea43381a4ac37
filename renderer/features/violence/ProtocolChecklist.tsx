/**
 * The 72-hour protocol of one incident: its five steps in order, each with its outcome, who did it
 * and when, or "to do". A writer records an outcome in the row (outcome, when — now by default —
 * and a note); a recorded step is corrected the same way (its version goes with it), never deleted.
 */
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Incident, ProtocolStep } from '../../../shared/contract/violence';
import {
  PROTOCOL_ITEMS,
  PROTOCOL_NOTE_MAX,
  PROTOCOL_OUTCOMES,
  type ProtocolItem,
  type ProtocolOutcome,
} from '../../../shared/domain/violence';
import { FormFailure, useFormFailure } from '../../app/form-failure';
import { instantOrTyped, oneOf, toLocalInput } from '../../app/form-values';
import { currentLanguage } from '../../i18n/setup';
import { formatDay, formatTime } from '../persons/format';
import { useSaveProtocolStep } from './api';

const isOutcome = oneOf(PROTOCOL_OUTCOMES);

function StepForm({
  personId,
  incidentId,
  item,
  step,
}: {
  personId: string;
  incidentId: string;
  item: ProtocolItem;
  step: ProtocolStep | undefined;
}) {
  const { t } = useTranslation();
  const save = useSaveProtocolStep();
  const outcome: ProtocolOutcome = step?.outcome ?? 'done';
  const form = useForm({
    initialValues: {
      outcome,
      doneAt: toLocalInput(step?.doneAt ?? new Date()),
      note: step?.note ?? '',
    },
  });
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    ['outcome', 'doneAt', 'note'].includes(f) ? f : null,
  );
  const label = t(`violence.items.${item}`);
  const submit = form.onSubmit((values) => {
    setFailure(null);
    save.mutate(
      {
        personId,
        incidentId,
        item,
        outcome: values.outcome,
        doneAt: instantOrTyped(values.doneAt),
        note: values.note.trim() === '' ? null : values.note,
        ...(step ? { version: step.version } : {}),
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('violence.step.saved') }),
        onError: fail,
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap={4}>
        <FormFailure failure={failure} />
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('violence.step.outcome')}
            data={PROTOCOL_OUTCOMES.map((o) => ({ value: o, label: t(`violence.outcomes.${o}`) }))}
            value={form.values.outcome}
            onChange={(e) =>
              isOutcome(e.currentTarget.value) && form.setFieldValue('outcome', e.currentTarget.value)
            }
            error={form.errors.outcome}
          />
          <TextInput
            size="xs"
            type="datetime-local"
            label={t('violence.step.doneAt')}
            {...form.getInputProps('doneAt')}
          />
          <TextInput
            size="xs"
            label={t('violence.step.note')}
            maxLength={PROTOCOL_NOTE_MAX}
            {...form.getInputProps('note')}
          />
          <Button size="xs" type="submit" loading={save.isPending}>
            {t('violence.step.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ProtocolChecklist({ incident, canWrite }: { incident: Incident; canWrite: boolean }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const byItem = new Map(incident.steps.map((s) => [s.item, s]));
  return (
    <Table aria-label={t('violence.tab.protocolTitle')} verticalSpacing={6}>
      <Table.Tbody>
        {PROTOCOL_ITEMS.map((item) => {
          const step = byItem.get(item);
          return (
            <Table.Tr key={item}>
              <Table.Td w="35%">
                <Text size="sm" fw={500}>
                  {t(`violence.items.${item}`)}
                </Text>
                <Text size="sm" c={step ? undefined : 'dimmed'}>
                  {step
                    ? t('violence.step.by', {
                        outcome: t(`violence.outcomes.${step.outcome}`),
                        name: step.doneByName ?? '—',
                        date: `${formatDay(step.doneAt, lng)} ${formatTime(step.doneAt, lng)}`,
                      })
                    : t('violence.step.notYet')}
                </Text>
                {step?.linkedType && (
                  <Text size="xs" c="dimmed">
                    {t('violence.step.linked', { record: t(`violence.links.${step.linkedType}`) })}
                  </Text>
                )}
                {step?.note && (
                  <Text size="xs" c="dimmed">
                    {step.note}
                  </Text>
                )}
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <StepForm
                    key={`${item}-${step?.version ?? 0}`}
                    personId={incident.personId}
                    incidentId={incident.id}
                    item={item}
                    step={step}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
