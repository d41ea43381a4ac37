/**
 * Adding an action to a case plan: what, on which axis, who owns it (a team member who may read
 * plans: the list offers only those) and when it is due. Every rule the form can check (a title, an
 * owner, an owner who reads plans, a due date not in the past) is shown next to its field before
 * sending; the core's refusals land there too.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PLAN_AXES, type PlanAxis } from '../../../shared/domain/case-plans';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { workstationToday } from '../prep/dates';
import { useSavePlanAction, useStaff } from './api';
import { actionProblems, mayOwnActions, type ActionValues } from './action-rules';

interface FormValues extends ActionValues {
  axis: PlanAxis;
}

const FIELDS = new Set(['title', 'ownerId', 'dueOn', 'axis']);
const isAxis = oneOf(PLAN_AXES);

export function ActionForm({
  personId,
  planId,
  axis,
  onDone,
}: {
  personId: string;
  planId: string;
  axis: PlanAxis;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSavePlanAction();
  const staff = useStaff();
  const form = useForm<FormValues>({ initialValues: { title: '', ownerId: '', dueOn: '', axis } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.has(f) ? f : null));
  const people = staff.data ?? [];
  const owners = people.filter((p) => mayOwnActions(p.roles));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const roles = new Map(people.map((p) => [p.id, p.roles]));
    const problems = actionProblems(values, workstationToday(), (id) => roles.get(id), true);
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems)
        errors[p.field] ??=
          p.reason === 'required' ? t('validation.required') : t(`validation.reason.${p.reason}`);
      form.setErrors(errors);
      return;
    }
    save.mutate(
      {
        personId,
        planId,
        axis: values.axis,
        title: values.title,
        ownerId: values.ownerId,
        dueOn: values.dueOn,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('casePlans.action.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('casePlans.action.formTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <TextInput
            label={t('casePlans.action.title')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('casePlans.action.axis')}
              allowDeselect={false}
              data={PLAN_AXES.map((a) => ({ value: a, label: t(`casePlans.axes.${a}`) }))}
              value={form.values.axis}
              onChange={(v) => isAxis(v) && form.setFieldValue('axis', v)}
            />
            <Select
              label={t('casePlans.action.owner')}
              description={t('casePlans.action.ownerHint')}
              required
              searchable
              data={owners.map((p) => ({ value: p.id, label: p.displayName }))}
              value={form.values.ownerId || null}
              onChange={(v) => form.setFieldValue('ownerId', v ?? '')}
              error={form.errors.ownerId}
            />
            <TextInput
              type="date"
              label={t('casePlans.action.dueOn')}
              required
              min={workstationToday()}
              {...form.getInputProps('dueOn')}
            />
          </SimpleGrid>
          <FormActions submitLabel={t('casePlans.action.save')} onCancel={onDone} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
