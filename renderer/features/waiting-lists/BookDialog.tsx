/**
 * Booking a waiting-list entry: an appointment of the agenda with a professional (the agenda's
 * rules: opening hours, no overlap) or a seat in a coming workshop of the same specialty (up to
 * its capacity). The core's refusal lands next to the field it names.
 */
import { Modal, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import type { WaitingListEntry } from '../../../shared/contract/waiting-lists';
import { useDirtyGuard } from '../../app/dirty-forms';
import { samePathIn, schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { instantOrTyped, orNull } from '../../app/form-values';
import { currentLanguage } from '../../i18n/setup';
import { formatDateTime } from '../../i18n/dates';
import { useProfessionals } from '../appointments/api';
import { useCurrentSite } from '../visits/current-site';
import { useBook, useSpecialties, useWorkshops } from './api';

type Mode = 'appointment' | 'workshop';

interface Values {
  mode: Mode;
  siteId: string;
  professionalId: string;
  startsAt: string;
  endsAt: string;
  room: string;
  workshopId: string;
}

const FIELDS = ['mode', 'siteId', 'professionalId', 'startsAt', 'endsAt', 'room', 'workshopId'];

/** What the form needs of the entry (a dossier entry or a worklist line). */
export interface BookableEntry {
  id: string;
  personId: string;
  siteId: string;
  specialty: string;
  version: number;
}

export function BookForm({
  entry,
  onDone,
}: {
  entry: BookableEntry;
  onDone: (entry?: WaitingListEntry) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const book = useBook();
  const { choices } = useCurrentSite();
  const form = useForm<Values>({
    initialValues: {
      mode: 'appointment',
      siteId: entry.siteId,
      professionalId: '',
      startsAt: '',
      endsAt: '',
      room: '',
      workshopId: '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, samePathIn(FIELDS));
  const professionals = useProfessionals(form.values.siteId || null);
  const workshops = useWorkshops({ specialty: entry.specialty }, form.values.mode === 'workshop');

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input =
      values.mode === 'workshop'
        ? {
            personId: entry.personId,
            id: entry.id,
            version: entry.version,
            mode: 'workshop' as const,
            workshopId: values.workshopId || undefined,
          }
        : {
            personId: entry.personId,
            id: entry.id,
            version: entry.version,
            mode: 'appointment' as const,
            siteId: values.siteId || undefined,
            professionalId: values.professionalId || undefined,
            startsAt: values.startsAt ? instantOrTyped(values.startsAt) : undefined,
            endsAt: values.endsAt ? instantOrTyped(values.endsAt) : undefined,
            room: orNull(values.room),
          };
    const errors = schemaErrors(CONTRACT['waitingLists.book'].input, input, t);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    book.mutate(input, {
      onSuccess: (booked) => {
        notifications.show({ color: 'teal', message: t('waitingLists.booked') });
        onDone(booked);
      },
      onError: fail,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormFailure failure={failure} />
        <SegmentedControl
          aria-label={t('waitingLists.fields.mode')}
          data={(['appointment', 'workshop'] as const).map((m) => ({
            value: m,
            label: t(`waitingLists.modes.${m}`),
          }))}
          value={form.values.mode}
          onChange={(v) => form.setFieldValue('mode', v === 'workshop' ? 'workshop' : 'appointment')}
        />
        {form.values.mode === 'appointment' ? (
          <>
            <NativeSelect
              label={t('waitingLists.fields.site')}
              required
              data={choices.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
              {...form.getInputProps('siteId')}
            />
            <NativeSelect
              label={t('waitingLists.fields.professional')}
              required
              data={[
                { value: '', label: '—' },
                ...(professionals.data ?? []).map((p) => ({ value: p.id, label: p.displayName })),
              ]}
              {...form.getInputProps('professionalId')}
            />
            <TextInput
              type="datetime-local"
              label={t('waitingLists.fields.startsAt')}
              required
              {...form.getInputProps('startsAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('waitingLists.fields.endsAt')}
              required
              {...form.getInputProps('endsAt')}
            />
            <TextInput label={t('waitingLists.fields.room')} maxLength={60} {...form.getInputProps('room')} />
          </>
        ) : (
          <>
            <NativeSelect
              label={t('waitingLists.fields.workshop')}
              required
              data={[
                { value: '', label: '—' },
                ...(workshops.data?.items ?? []).map((w) => ({
                  value: w.id,
                  label: `${formatDateTime(w.startsAt, lng)}${w.title ? ` · ${w.title}` : ''} · ${t(
                    'waitingLists.seats',
                    {
                      booked: w.booked,
                      capacity: w.capacity,
                    },
                  )}`,
                })),
              ]}
              {...form.getInputProps('workshopId')}
            />
            {workshops.data?.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('waitingLists.noWorkshop')}
              </Text>
            )}
          </>
        )}
        <FormActions
          submitLabel={t('waitingLists.book')}
          onCancel={() => onDone()}
          pending={book.isPending}
        />
      </Stack>
    </form>
  );
}

export function BookDialog({
  entry,
  onDone,
}: {
  entry: BookableEntry;
  onDone: (entry?: WaitingListEntry) => void;
}) {
  const { t } = useTranslation();
  const specialties = useSpecialties();
  return (
    <Modal
      opened
      onClose={() => onDone()}
      title={t('waitingLists.bookTitle', { specialty: specialties.labelOf(entry.specialty) })}
      size="lg"
    >
      <BookForm entry={entry} onDone={onDone} />
    </Modal>
  );
}
