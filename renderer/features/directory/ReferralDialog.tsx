/**
 * Referring a person to a directory entry.
 *
 * For the dossier: `<ReferralDialog personId={id} onDone={(referral) => …} />`, mounted while it
 * is shown; `onDone` gets the new referral, or nothing when the user cancels. The dossier's
 * queries (`persons.*` for that person) are invalidated on success.
 *
 * An entry outside the centre needs the person's `external_referral` consent. Without it the core
 * answers `consent_required` (field `overrideReason`) and the form asks for a written reason
 * (10 characters or more), kept on the referral and in the audit entry.
 */
import { Alert, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../app/dirty-forms';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type DirectoryEntry, type Referral } from '../../../shared/contract';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/domain/catalogues';
import { apiErrorOf } from '../../api/client';
import { schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { fromLocalInput, oneOf } from '../../app/form-values';
import { PersonPicker, type PickedPerson } from '../visits/PersonPicker';
import { useRefer } from './api';
import { EntryPicker } from './EntryPicker';

interface Values {
  person: PickedPerson | null;
  entry: DirectoryEntry | null;
  reason: string;
  status: ReferralStatus;
  appointmentAt: string;
  overrideReason: string;
}

const FORM_PATH: Record<string, string> = {
  personId: 'person',
  entryId: 'entry',
  reason: 'reason',
  status: 'status',
  appointmentAt: 'appointmentAt',
  overrideReason: 'overrideReason',
};

export const isReferralStatus = oneOf(REFERRAL_STATUSES);

function ReferralForm({
  personId,
  initialEntry,
  onDone,
}: {
  /** null: the form asks for the person (referring from the directory). */
  personId: string | null;
  initialEntry: DirectoryEntry | null;
  onDone: (referral?: Referral) => void;
}) {
  const { t } = useTranslation();
  const refer = useRefer();
  const [needsOverride, setNeedsOverride] = useState(false);
  const overrideRef = useRef<HTMLTextAreaElement>(null);
  const form = useForm<Values>({
    initialValues: {
      person: null,
      entry: initialEntry,
      reason: '',
      status: 'proposed',
      appointmentAt: '',
      overrideReason: '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (field) => FORM_PATH[field] ?? null);

  useEffect(() => {
    if (needsOverride) overrideRef.current?.focus();
  }, [needsOverride]);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    const person = personId ?? values.person?.id ?? null;
    if (!person) errors.person = t('visits.personRequired');
    if (!values.entry) errors.entry = t('referrals.entryRequired');
    if (needsOverride && values.overrideReason.trim() === '')
      errors.overrideReason = t('validation.required');
    const input = {
      personId: person ?? '',
      entryId: values.entry?.id ?? '',
      reason: values.reason,
      status: values.status,
      appointmentAt: fromLocalInput(values.appointmentAt)?.toISOString() ?? null,
      ...(needsOverride ? { overrideReason: values.overrideReason } : {}),
    };
    for (const [path, text] of Object.entries(schemaErrors(CONTRACT['directory.refer'].input, input, t)))
      errors[FORM_PATH[path] ?? path] ??= text;
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    refer.mutate(input, {
      onSuccess: (referral) => {
        notifications.show({ color: 'teal', message: t('referrals.created') });
        onDone(referral);
      },
      onError: (err) => {
        const error = apiErrorOf(err);
        if (error.code === 'consent_required' && error.field === 'overrideReason') {
          setNeedsOverride(true);
          return;
        }
        fail(err);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormFailure failure={failure} />
        {personId === null && (
          <PersonPicker
            label={t('visits.person')}
            required
            autoFocus
            value={form.values.person}
            onChange={(p) => form.setFieldValue('person', p)}
            error={typeof form.errors.person === 'string' ? form.errors.person : null}
          />
        )}
        <EntryPicker
          value={form.values.entry}
          onChange={(entry) => {
            form.setFieldValue('entry', entry);
            // The consent question belongs to the entry first chosen: ask again for another one.
            setNeedsOverride(false);
          }}
          error={typeof form.errors.entry === 'string' ? form.errors.entry : null}
        />
        <Textarea
          label={t('referrals.reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('reason')}
        />
        <Group grow align="flex-start">
          <Select
            label={t('referrals.status')}
            allowDeselect={false}
            data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`catalogue.referralStatuses.${s}`) }))}
            value={form.values.status}
            onChange={(v) => isReferralStatus(v) && form.setFieldValue('status', v)}
          />
          <TextInput
            type="datetime-local"
            label={t('referrals.appointmentAt')}
            {...form.getInputProps('appointmentAt')}
          />
        </Group>
        {needsOverride && (
          <>
            <Alert color="orange" role="alert">
              {t('referrals.consentMissing')}
            </Alert>
            <Textarea
              ref={overrideRef}
              label={t('referrals.overrideReason')}
              description={t('referrals.overrideHelp')}
              required
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('overrideReason')}
            />
          </>
        )}
        <FormActions
          submitLabel={t('referrals.submit')}
          onCancel={() => onDone()}
          pending={refer.isPending}
        />
      </Stack>
    </form>
  );
}

/** For the dossier: refer this person. */
export function ReferralDialog({
  personId,
  onDone,
}: {
  personId: string;
  onDone: (referral?: Referral) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={() => onDone()} title={t('referrals.dialogTitle')} size="lg">
      <ReferralForm personId={personId} initialEntry={null} onDone={onDone} />
    </Modal>
  );
}

/** From the directory: refer someone to this entry. */
export function DirectoryReferralDialog({
  entry,
  onDone,
}: {
  entry: DirectoryEntry;
  onDone: (referral?: Referral) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={() => onDone()} title={t('referrals.dialogTitle')} size="lg">
      <ReferralForm personId={null} initialEntry={entry} onDone={onDone} />
    </Modal>
  );
}
