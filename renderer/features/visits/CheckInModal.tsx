/** Records an arrival at reception: a visit opens and the person appears on every board. */
import { Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { VISIT_PRIORITIES, type VisitPriority } from '../../../shared/domain/catalogues';
import { samePathIn } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { useCheckIn } from './api';
import { PersonPicker, type PickedPerson } from './PersonPicker';

const START_STEPS = ['waiting_interview', 'waiting_doctor', 'waiting_nurse', 'waiting_specialist'] as const;
type StartStep = (typeof START_STEPS)[number];

interface Values {
  person: PickedPerson | null;
  step: StartStep;
  priority: VisitPriority;
}

function isStartStep(v: string | null): v is StartStep {
  return (START_STEPS as readonly (string | null)[]).includes(v);
}

function isPriority(v: string | null): v is VisitPriority {
  return (VISIT_PRIORITIES as readonly (string | null)[]).includes(v);
}

export function CheckInModal({ siteId, onClose }: { siteId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn();
  const form = useForm<Values>({
    initialValues: { person: null, step: 'waiting_interview', priority: 'normal' },
  });
  const { failure, setFailure, fail } = useFormFailure(form, (field) =>
    field === 'personId' ? 'person' : samePathIn(['step'])(field),
  );

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const person = values.person;
    if (!person) return form.setFieldError('person', t('visits.personRequired'));
    checkIn.mutate(
      { personId: person.id, siteId, step: values.step, priority: values.priority },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('visits.checkedIn', { name: person.nameUsed }) });
          onClose();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('visits.checkInTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <PersonPicker
            label={t('visits.person')}
            required
            autoFocus
            value={form.values.person}
            onChange={(p) => form.setFieldValue('person', p)}
            error={typeof form.errors.person === 'string' ? form.errors.person : null}
          />
          <Select
            label={t('visits.startStep')}
            allowDeselect={false}
            data={START_STEPS.map((s) => ({ value: s, label: t(`catalogue.visitSteps.${s}`) }))}
            value={form.values.step}
            onChange={(v) => isStartStep(v) && form.setFieldValue('step', v)}
            error={form.errors.step}
          />
          <Select
            label={t('visits.priority')}
            allowDeselect={false}
            data={VISIT_PRIORITIES.map((p) => ({ value: p, label: t(`catalogue.priorities.${p}`) }))}
            value={form.values.priority}
            onChange={(v) => isPriority(v) && form.setFieldValue('priority', v)}
          />
          <FormActions submitLabel={t('visits.submit')} onCancel={onClose} pending={checkIn.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
