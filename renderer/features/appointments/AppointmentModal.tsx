/**
 * Book or change an appointment, in the site's time. The core's refusals land next to the field
 * they concern: a closed slot or an overlap next to the start, an end before the start next to
 * the end. A changed appointment offers its status actions (arrived, no-show, cancelled).
 */
import {
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../app/dirty-forms';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import { CONTRACT, type Appointment, type Site } from '../../../shared/contract';
import { APPOINTMENT_TYPES, type AppointmentType } from '../../../shared/domain/catalogues';
import { queryClient } from '../../api/query-client';
import { schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useCheckIn } from '../visits/api';
import { PersonPicker, type PickedPerson } from '../visits/PersonPicker';
import { useBookAppointment, useSetAppointmentStatus, useUpdateAppointment } from './api';
import { appointmentsKeys } from './query-keys';
import { hhmm, minutesOf, siteClock, siteInstant, siteTime, todayAt } from './site-time';

export type AppointmentDialog =
  { kind: 'book'; date: string; start: number } | { kind: 'edit'; appointment: Appointment };

interface Values {
  person: PickedPerson | null;
  walkInSlot: boolean;
  professionalId: string | null;
  type: AppointmentType;
  date: string;
  start: string;
  end: string;
  room: string;
  notes: string;
}

/** The contract's field → where the form shows it. */
const FORM_PATH: Record<string, string> = {
  personId: 'person',
  professionalId: 'professionalId',
  type: 'type',
  startsAt: 'start',
  endsAt: 'end',
  room: 'room',
  notes: 'notes',
  walkInSlot: 'walkInSlot',
};

const isType = oneOf(APPOINTMENT_TYPES);

function initialValues(dialog: AppointmentDialog, site: Site, meId: string | null): Values {
  if (dialog.kind === 'book') {
    return {
      person: null,
      walkInSlot: false,
      professionalId: meId,
      type: 'screening',
      date: dialog.date,
      start: hhmm(dialog.start),
      end: hhmm(Math.min(dialog.start + 30, 24 * 60 - 1)),
      room: '',
      notes: '',
    };
  }
  const a = dialog.appointment;
  return {
    person: a.personId
      ? { id: a.personId, nameUsed: a.personName ?? '', fileNumber: a.fileNumber ?? '' }
      : null,
    walkInSlot: a.walkInSlot,
    professionalId: a.professionalId,
    type: a.type,
    date: siteClock(new Date(a.startsAt), site.timezone).date,
    start: siteTime(a.startsAt, site.timezone),
    end: siteTime(a.endsAt, site.timezone),
    room: a.room ?? '',
    notes: a.notes ?? '',
  };
}

export function AppointmentModal({
  dialog,
  site,
  professionals,
  meId,
  onClose,
}: {
  dialog: AppointmentDialog;
  site: Site;
  professionals: { value: string; label: string }[];
  meId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const book = useBookAppointment();
  const update = useUpdateAppointment();
  const setStatus = useSetAppointmentStatus();
  const checkIn = useCheckIn();
  const editing = dialog.kind === 'edit' ? dialog.appointment : null;
  const mine = professionals.some((p) => p.value === meId) ? meId : null;
  const form = useForm<Values>({ initialValues: initialValues(dialog, site, mine) });
  // The team list may arrive after the dialog opened: whoever books is still the default
  // professional, and filling it in is not a change the user made (no "unsaved work" question).
  // Once only: a professional the user cleared afterwards stays cleared.
  const defaulted = useRef(dialog.kind !== 'book' || mine !== null);
  useEffect(() => {
    if (defaulted.current || !mine) return;
    defaulted.current = true;
    if (form.getValues().professionalId !== null) return;
    const untouched = !form.isDirty();
    const values = { ...form.getValues(), professionalId: mine };
    form.setValues(values);
    if (untouched) form.resetDirty(values);
  }, [mine, form]);
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (field) => FORM_PATH[field] ?? null);
  const busy = book.isPending || update.isPending || setStatus.isPending || checkIn.isPending;

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    if (!values.walkInSlot && !values.person) errors.person = t('appointments.personRequired');
    if (!values.professionalId) errors.professionalId = t('appointments.professionalRequired');
    if (!values.date) errors.date = t('validation.required');
    if (minutesOf(values.start) === null) errors.start = t('validation.required');
    if (minutesOf(values.end) === null) errors.end = t('validation.required');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    const input = {
      personId: values.person?.id ?? null,
      siteId: site.id,
      professionalId: values.professionalId ?? '',
      type: values.type,
      startsAt: siteInstant(values.date, values.start, site.timezone).toISOString(),
      endsAt: siteInstant(values.date, values.end, site.timezone).toISOString(),
      walkInSlot: values.walkInSlot,
      room: values.room.trim() || null,
      notes: values.notes.trim() || null,
    };
    const schemaProblems = schemaErrors(CONTRACT['appointments.book'].input, input, t);
    const shown: Record<string, string> = {};
    for (const [path, text] of Object.entries(schemaProblems)) shown[FORM_PATH[path] ?? path] = text;
    if (Object.keys(shown).length > 0) return form.setErrors(shown);
    const done = (message: string) => () => {
      notifications.show({ color: 'teal', message });
      onClose();
    };
    if (editing) {
      update.mutate(
        { ...input, id: editing.id, version: editing.version },
        { onSuccess: done(t('appointments.updated')), onError: fail },
      );
    } else {
      book.mutate(input, { onSuccess: done(t('appointments.booked')), onError: fail });
    }
  });

  function changeStatus(status: 'cancelled' | 'no_show', message: string) {
    if (!editing) return;
    setFailure(null);
    setStatus.mutate(
      { id: editing.id, version: editing.version, status },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message });
          onClose();
        },
        onError: fail,
      },
    );
  }

  function arrived() {
    if (!editing?.personId) return;
    setFailure(null);
    const name = editing.personName ?? '';
    checkIn.mutate(
      { personId: editing.personId, siteId: site.id, appointmentId: editing.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('appointments.arrived', { name }) });
          onClose();
        },
        onError: fail,
      },
    );
  }

  const isToday =
    editing !== null && siteClock(new Date(editing.startsAt), site.timezone).date === todayAt(site.timezone);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        editing
          ? t('appointments.editTitle', { date: form.values.date.split('-').reverse().join('/') })
          : t('appointments.bookTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure
            failure={failure}
            conflict={{
              text: t('appointments.conflict'),
              onReload: () => {
                void queryClient.invalidateQueries({ queryKey: appointmentsKeys.lists });
                onClose();
              },
            }}
          />
          {editing && (
            <Group gap="xs">
              <Badge variant="light" tt="none" color={editing.status === 'booked' ? 'teal' : 'gray'}>
                {t('appointments.status', { status: t(`appointments.statuses.${editing.status}`) })}
              </Badge>
              {editing.status === 'booked' && (
                <>
                  {editing.personId && isToday && (
                    <Button
                      size="xs"
                      color="green"
                      onClick={arrived}
                      loading={checkIn.isPending}
                      disabled={busy}
                    >
                      {t('appointments.markArrived')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="light"
                    color="gray"
                    disabled={busy}
                    onClick={() => changeStatus('no_show', t('appointments.markedNoShow'))}
                  >
                    {t('appointments.markNoShow')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    disabled={busy}
                    onClick={() => changeStatus('cancelled', t('appointments.cancelled'))}
                  >
                    {t('appointments.cancelAppointment')}
                  </Button>
                </>
              )}
            </Group>
          )}
          <Switch
            label={t('appointments.fields.walkInSlot')}
            {...form.getInputProps('walkInSlot', { type: 'checkbox' })}
          />
          <PersonPicker
            label={t('appointments.fields.person')}
            required={!form.values.walkInSlot}
            autoFocus
            value={form.values.person}
            onChange={(p) => form.setFieldValue('person', p)}
            error={typeof form.errors.person === 'string' ? form.errors.person : null}
          />
          <Group grow align="flex-start">
            <Select
              label={t('appointments.fields.professional')}
              required
              searchable
              allowDeselect={false}
              data={professionals}
              {...form.getInputProps('professionalId')}
            />
            <Select
              label={t('appointments.fields.type')}
              required
              allowDeselect={false}
              data={APPOINTMENT_TYPES.map((v) => ({ value: v, label: t(`catalogue.appointmentTypes.${v}`) }))}
              value={form.values.type}
              onChange={(v) => isType(v) && form.setFieldValue('type', v)}
              error={form.errors.type}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('appointments.fields.date')}
              required
              {...form.getInputProps('date')}
            />
            <TimeInput label={t('appointments.fields.start')} required {...form.getInputProps('start')} />
            <TimeInput label={t('appointments.fields.end')} required {...form.getInputProps('end')} />
          </Group>
          <TextInput label={t('appointments.fields.room')} maxLength={60} {...form.getInputProps('room')} />
          <Textarea
            label={t('appointments.fields.notes')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('notes')}
          />
          <Divider />
          <FormActions
            submitLabel={editing ? t('app.save') : t('appointments.book')}
            onCancel={onClose}
            pending={book.isPending || update.isPending}
            busy={busy}
            submitDisabled={busy}
          />
        </Stack>
      </form>
    </Modal>
  );
}
