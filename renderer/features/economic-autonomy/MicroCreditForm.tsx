/**
 * Starting or correcting a micro-credit application: the day it was started, the amount and its
 * currency, the purpose as typed. An amount of zero or less and a missing currency are refused
 * next to their fields before anything is sent; the core's refusals show next to theirs.
 */
import { Modal, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { MicroCredit } from '../../../shared/contract/economic-autonomy';
import { PURPOSE_MAX } from '../../../shared/domain/economic-autonomy';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { workstationToday } from '../prep/dates';
import { useSaveMicroCredit } from './api';

interface FormValues {
  appliedOn: string;
  /** In major units as typed (dirhams, euros); stored in minor units. */
  amount: number | string;
  currency: string;
  purpose: string;
}

const FIELDS = new Set(['appliedOn', 'currency', 'purpose']);

export function MicroCreditForm({
  personId,
  application,
  onDone,
}: {
  personId: string;
  application: MicroCredit | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMicroCredit();
  const form = useForm<FormValues>({
    initialValues: {
      appliedOn: application?.appliedOn ?? workstationToday(),
      amount: application ? application.amountMinor / 100 : '',
      currency: application?.currency ?? 'MAD',
      purpose: application?.purpose ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    f === 'amountMinor' ? 'amount' : FIELDS.has(f) ? f : null,
  );

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const amount = typeof values.amount === 'number' ? values.amount : Number.NaN;
    const errors: Record<string, string> = {};
    if (!(amount > 0)) errors.amount = t('validation.reason.amount_not_positive');
    if (values.currency.trim() === '') errors.currency = t('validation.reason.currency_required');
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    save.mutate(
      {
        personId,
        id: application?.id,
        appliedOn: values.appliedOn,
        amountMinor: Math.round(amount * 100),
        currency: values.currency,
        purpose: values.purpose,
        version: application?.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('economicAutonomy.microCredit.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('economicAutonomy.microCredit.formTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('economicAutonomy.microCredit.appliedOn')}
              required
              max={workstationToday()}
              data-autofocus
              {...form.getInputProps('appliedOn')}
            />
            <NumberInput
              label={t('economicAutonomy.microCredit.amount')}
              required
              decimalScale={2}
              {...form.getInputProps('amount')}
            />
            <TextInput
              label={t('economicAutonomy.microCredit.currency')}
              required
              maxLength={3}
              {...form.getInputProps('currency')}
            />
          </SimpleGrid>
          <Textarea
            label={t('economicAutonomy.microCredit.purpose')}
            required
            autosize
            minRows={2}
            maxLength={PURPOSE_MAX}
            {...form.getInputProps('purpose')}
          />
          <FormActions
            submitLabel={t('economicAutonomy.microCredit.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
