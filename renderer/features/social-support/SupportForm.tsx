/**
 * Recording or correcting a social support: its kind, the day it was given, its value (typed in
 * the currency's unit, sent in minor units with the ISO code), a quantity, the shelter or
 * addiction centre for a referral (with the reason when the person has not agreed to an external
 * referral) and what was given, kept as typed. The core's refusals land next to their fields.
 */
import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SocialSupport } from '../../../shared/contract/social-support';
import { fromMinorUnits, toMinorUnits } from '../../../shared/domain/money';
import {
  SUPPORT_DESCRIPTION_MAX,
  SUPPORT_KINDS,
  entryCategoryOf,
  type SupportKind,
} from '../../../shared/domain/social-support';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { workstationToday } from '../prep/dates';
import { useEntries, useSaveSupport } from './api';

interface FormValues {
  kind: SupportKind;
  givenOn: string;
  amount: string;
  currency: string;
  quantity: number | string;
  entryId: string;
  overrideReason: string;
  description: string;
}

const FIELDS = new Set([
  'kind',
  'givenOn',
  'currency',
  'quantity',
  'entryId',
  'overrideReason',
  'description',
]);
const isKind = oneOf(SUPPORT_KINDS);

export function SupportForm({
  personId,
  support,
  lastCurrency,
  onDone,
}: {
  personId: string;
  support: SocialSupport | null;
  /** Proposed for a new support: the currency last used in this dossier. */
  lastCurrency: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSupport();
  const currency = support?.currency ?? lastCurrency;
  const form = useForm<FormValues>({
    initialValues: {
      kind: support?.kind ?? 'voucher',
      givenOn: support?.givenOn ?? workstationToday(),
      amount: support?.valueMinor != null ? fromMinorUnits(support.valueMinor, currency) : '',
      currency,
      quantity: support?.quantity ?? '',
      entryId: support?.entryId ?? '',
      overrideReason: support?.overrideReason ?? '',
      description: support?.description ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    f === 'valueMinor' ? 'amount' : FIELDS.has(f) ? f : null,
  );
  const category = entryCategoryOf(form.values.kind);
  const entries = useEntries(category);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const typedCurrency = values.currency === '' ? null : values.currency;
    let valueMinor: number | null = null;
    if (values.amount.trim() !== '') {
      valueMinor = toMinorUnits(values.amount, typedCurrency ?? 'XXX');
      if (valueMinor === null) {
        form.setErrors({ amount: t('socialSupport.form.amountInvalid') });
        return;
      }
    }
    save.mutate(
      {
        personId,
        ...(support ? { id: support.id, version: support.version } : {}),
        kind: values.kind,
        givenOn: values.givenOn,
        valueMinor,
        // Sent only with an amount: a currency alone is the proposed default, not a value.
        currency: valueMinor === null ? null : typedCurrency,
        quantity: typeof values.quantity === 'number' ? values.quantity : null,
        entryId: category && values.entryId ? values.entryId : null,
        ...(category && values.overrideReason.trim() ? { overrideReason: values.overrideReason } : {}),
        description: values.description,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('socialSupport.form.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('socialSupport.form.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('socialSupport.form.kind')}
              allowDeselect={false}
              data-autofocus
              data={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`socialSupport.kinds.${k}`) }))}
              value={form.values.kind}
              onChange={(v) => isKind(v) && form.setFieldValue('kind', v)}
              error={form.errors.kind}
            />
            <TextInput
              type="date"
              label={t('socialSupport.form.givenOn')}
              required
              max={workstationToday()}
              {...form.getInputProps('givenOn')}
            />
            <TextInput
              label={t('socialSupport.form.amount')}
              description={t('socialSupport.form.amountHint')}
              inputMode="decimal"
              {...form.getInputProps('amount')}
            />
            <TextInput
              label={t('socialSupport.form.currency')}
              maxLength={3}
              {...form.getInputProps('currency')}
            />
            <NumberInput
              label={t('socialSupport.form.quantity')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('quantity')}
            />
          </SimpleGrid>
          {category && (
            <>
              <Select
                label={t('socialSupport.form.entry')}
                required
                searchable
                data={(entries.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
                value={form.values.entryId || null}
                onChange={(v) => form.setFieldValue('entryId', v ?? '')}
                error={form.errors.entryId}
              />
              <Textarea
                label={t('socialSupport.form.overrideReason')}
                autosize
                minRows={1}
                maxLength={500}
                {...form.getInputProps('overrideReason')}
              />
            </>
          )}
          <Textarea
            label={t('socialSupport.form.description')}
            required
            autosize
            minRows={2}
            maxLength={SUPPORT_DESCRIPTION_MAX}
            {...form.getInputProps('description')}
          />
          <FormActions
            submitLabel={t('socialSupport.form.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
