/** Records an arrival at reception: a visit opens and the person appears on every board. */
import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { VISIT_PRIORITIES, type VisitPriority } from '../../../shared/domain/catalogues';
import { apiErrorOf } from '../../api/client';
import { samePathIn, showFieldError } from '../../app/form-errors';
import { errorText } from '../../i18n/error-text';
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
  const [failure, setFailure] = useState<ApiError | null>(null);
  const form = useForm<Values>({
    initialValues: { person: null, step: 'waiting_interview', priority: 'normal' },
  });

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
        onError: (err) => {
          const error = apiErrorOf(err);
          const toForm = (field: string) => (field === 'personId' ? 'person' : samePathIn(['step'])(field));
          if (!showFieldError(form, error, t, toForm)) setFailure(error);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('visits.checkInTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && (
            <Alert color="red" role="alert">
              {errorText(t, failure)}
            </Alert>
          )}
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={checkIn.isPending}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={checkIn.isPending}>
              {t('visits.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
