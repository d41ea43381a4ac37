/**
 * Moving a procedure to a later stage on a day: only the stages the rules allow are offered
 * (forward, appeal only after the decision); closing names the outcome. A date before the opening
 * and a missing outcome are refused next to their fields by the core.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/contract/legal';
import {
  PROCEDURE_OUTCOMES,
  PROCEDURE_STAGES,
  stageMoveAllowed,
  type ProcedureOutcome,
  type ProcedureStage,
} from '../../../shared/domain/legal';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { workstationToday } from '../prep/dates';
import { useAddLegalStep } from './api';
import { blankToNull } from './hearing-rules';

interface FormValues {
  stage: ProcedureStage | '';
  on: string;
  outcome: ProcedureOutcome | '';
  note: string;
}

const FIELDS = new Set(['stage', 'on', 'outcome', 'note']);
const isStage = oneOf(PROCEDURE_STAGES);
const isOutcome = oneOf(PROCEDURE_OUTCOMES);

export function StepForm({ procedure, onDone }: { procedure: Procedure; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useAddLegalStep();
  const next = PROCEDURE_STAGES.filter((s) => stageMoveAllowed(procedure.stage, s));
  const form = useForm<FormValues>({
    initialValues: { stage: next[0] ?? '', on: workstationToday(), outcome: '', note: '' },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.has(f) ? f : null));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    if (values.stage === '') return;
    if (values.stage === 'closed' && values.outcome === '') {
      form.setErrors({ outcome: t('validation.reason.outcome_required') });
      return;
    }
    save.mutate(
      {
        personId: procedure.personId,
        procedureId: procedure.id,
        stage: values.stage,
        on: values.on,
        outcome: values.outcome || null,
        note: blankToNull(values.note),
        version: procedure.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('legal.step.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('legal.step.formTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('legal.step.stage')}
              allowDeselect={false}
              data-autofocus
              data={next.map((s) => ({ value: s, label: t(`legal.stages.${s}`) }))}
              value={form.values.stage || null}
              onChange={(v) => isStage(v) && form.setFieldValue('stage', v)}
              error={form.errors.stage}
            />
            <TextInput
              type="date"
              label={t('legal.step.on')}
              required
              min={procedure.openedOn}
              max={workstationToday()}
              {...form.getInputProps('on')}
            />
          </SimpleGrid>
          {form.values.stage === 'closed' && (
            <Select
              label={t('legal.step.outcome')}
              required
              data={PROCEDURE_OUTCOMES.map((o) => ({ value: o, label: t(`legal.outcomes.${o}`) }))}
              value={form.values.outcome || null}
              onChange={(v) => isOutcome(v) && form.setFieldValue('outcome', v)}
              error={form.errors.outcome}
            />
          )}
          <Textarea
            label={t('legal.step.note')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <FormActions submitLabel={t('legal.step.save')} onCancel={onDone} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
