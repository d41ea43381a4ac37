/**
 * Referring a person to a specialty of the centre: the request lands on that specialty's waiting
 * list. Opened from the dossier (Referrals tab) and from the interview form. Every refusal of the
 * core (a date in the future, a specialty no longer offered) is shown next to its field.
 */
import { Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import type { WaitingListEntry } from '../../../shared/contract/waiting-lists';
import { siteToday } from '../../../shared/domain/schedules';
import { WAITING_LIST_ORIGINS, type WaitingListOrigin } from '../../../shared/domain/waiting-lists';
import { useDirtyGuard } from '../../app/dirty-forms';
import { samePathIn, schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf, orNull } from '../../app/form-values';
import { useCurrentSite } from '../visits/current-site';
import { useRefer, useSpecialties } from './api';

interface Values {
  specialty: string;
  siteId: string;
  requestedOn: string;
  origin: WaitingListOrigin;
  note: string;
}

const FIELDS = ['specialty', 'siteId', 'requestedOn', 'origin', 'note'];
const isOrigin = oneOf(WAITING_LIST_ORIGINS);

export function ReferForm({
  personId,
  origin,
  onDone,
}: {
  personId: string;
  origin: WaitingListOrigin;
  onDone: (entry?: WaitingListEntry) => void;
}) {
  const { t } = useTranslation();
  const refer = useRefer();
  const specialties = useSpecialties();
  const { siteId, site, choices } = useCurrentSite();
  const form = useForm<Values>({
    initialValues: {
      specialty: '',
      siteId: siteId ?? choices[0]?.id ?? '',
      // Today at the site (the core counts the waiting time in the site's calendar).
      requestedOn: siteToday(new Date(), site?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
      origin,
      note: '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, samePathIn(FIELDS));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = {
      personId,
      siteId: values.siteId,
      specialty: values.specialty,
      requestedOn: values.requestedOn,
      origin: values.origin,
      note: orNull(values.note),
    };
    const errors = schemaErrors(CONTRACT['waitingLists.refer'].input, input, t);
    if (!values.specialty) errors.specialty = t('validation.required');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    refer.mutate(input, {
      onSuccess: (entry) => {
        notifications.show({ color: 'teal', message: t('waitingLists.referred') });
        onDone(entry);
      },
      onError: fail,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormFailure failure={failure} />
        <NativeSelect
          label={t('waitingLists.fields.specialty')}
          required
          data={[{ value: '', label: '—' }, ...specialties.active]}
          {...form.getInputProps('specialty')}
        />
        <NativeSelect
          label={t('waitingLists.fields.site')}
          required
          data={choices.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
          {...form.getInputProps('siteId')}
        />
        <TextInput
          type="date"
          label={t('waitingLists.fields.requestedOn')}
          required
          {...form.getInputProps('requestedOn')}
        />
        <NativeSelect
          label={t('waitingLists.fields.origin')}
          data={WAITING_LIST_ORIGINS.map((o) => ({ value: o, label: t(`waitingLists.origins.${o}`) }))}
          value={form.values.origin}
          onChange={(e) =>
            isOrigin(e.currentTarget.value) && form.setFieldValue('origin', e.currentTarget.value)
          }
        />
        <Textarea
          label={t('waitingLists.fields.note')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <FormActions
          submitLabel={t('waitingLists.refer')}
          onCancel={() => onDone()}
          pending={refer.isPending}
        />
      </Stack>
    </form>
  );
}

export function ReferDialog({
  personId,
  origin,
  onDone,
}: {
  personId: string;
  origin: WaitingListOrigin;
  onDone: (entry?: WaitingListEntry) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={() => onDone()} title={t('waitingLists.referTitle')} size="lg">
      <ReferForm personId={personId} origin={origin} onDone={onDone} />
    </Modal>
  );
}
