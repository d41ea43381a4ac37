/**
 * Records an arrival at reception: a visit opens and the person appears on every board. One dialog
 * for every place an arrival is recorded: from a search result or a dossier (the person is known,
 * the site is the workstation's) and from the board (the site is the board's, the person is picked).
 * Keyboard first: priority "normal" (or the person picker) has the focus, Enter confirms.
 * A person booked today at this site arrives for that appointment: it is offered, preselected, and
 * the check-in marks it arrived (reading the person's appointments is an audited pathway read).
 */
import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_PRIORITIES, type VisitPriority } from '../../../shared/domain/catalogues';
import { FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useSignedIn } from '../persons/use-signed-in';
import { useDossierSection } from '../persons/dossier/dossier-tab';
import { ConsentMissingNotice } from '../persons/consents/ConsentMissingNotice';
import { useCentre } from '../centre/api';
import { siteClock, siteTime, todayAt } from '../appointments/site-time';
import type { Appointment } from '../../../shared/contract/appointments';
import { useCheckIn } from './api';
import type { Visit } from '../../../shared/contract/visits';
import { PersonPicker, type PickedPerson } from './PersonPicker';

/** Where a person may wait on arrival; most come for the community interview first. */
const FIRST_STEPS = ['waiting_interview', 'waiting_doctor', 'waiting_nurse', 'waiting_specialist'] as const;
/** Normal first: it has the focus, and the urgent ones are a deliberate arrow key away. */
const PRIORITY_ORDER: readonly VisitPriority[] = ['normal', 'urgent', 'pep_72h', 'positive_to_treat'];
const isFirstStep = oneOf(FIRST_STEPS);
const isPriority = oneOf(VISIT_PRIORITIES);

/** Who arrives: the same few facts whether the person was found by a search or picked here. */
export type CheckInPerson = PickedPerson;

interface Values {
  person: PickedPerson | null;
  siteId: string | null;
  step: (typeof FIRST_STEPS)[number];
  priority: VisitPriority;
}

export function CheckInModal({
  person,
  siteId: boardSiteId,
  onClose,
  onCheckedIn,
}: {
  /** The person arriving, when known; otherwise the dialog asks for them. */
  person?: CheckInPerson;
  /** The site of the board it is opened from; otherwise the workstation's, which may be changed. */
  siteId?: string;
  onClose: () => void;
  /** The visit opened: the board puts the keyboard focus on the person's card. */
  onCheckedIn?: (visit: Visit) => void;
}) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const sites = session.state.user.sites;
  const checkIn = useCheckIn();
  const form = useForm<Values>({
    initialValues: {
      person: person ?? null,
      siteId: boardSiteId ?? session.currentSiteId ?? sites[0]?.id ?? null,
      step: 'waiting_interview',
      priority: 'normal',
    },
  });
  const { failure, setFailure, fail } = useFormFailure(form, (field) => {
    // An error about a field this dialog does not show goes above the form with the rest.
    if (field === 'personId') return person ? null : 'person';
    if (field === 'siteId') return boardSiteId === undefined ? 'siteId' : null;
    if (field === 'appointmentId') return 'appointmentId';
    return field === 'step' ? 'step' : null;
  });
  const { siteId } = form.values;
  const { todays, zone } = useTodaysAppointments(form.values.person?.id ?? null, siteId);
  const appointmentLabel = (a: Appointment) =>
    t('visits.appointment.option', {
      time: siteTime(a.startsAt, zone ?? 'UTC'),
      type: t(`catalogue.appointmentTypes.${a.type}`),
      who: a.professionalName ?? t('app.none'),
    });
  // Not chosen yet: the first appointment of the day is preselected; "none" is a walk-in.
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const appointmentChoice = chosen ?? todays[0]?.id ?? NO_APPOINTMENT;

  function confirm() {
    const { person: arriving, step, priority } = form.values;
    if (!siteId || checkIn.isPending) return;
    setFailure(null);
    if (!arriving) return form.setFieldError('person', t('visits.personRequired'));
    const appointmentId = todays.some((a) => a.id === appointmentChoice) ? appointmentChoice : undefined;
    checkIn.mutate(
      { personId: arriving.id, siteId, step, priority, appointmentId },
      {
        onSuccess: (visit) => {
          onCheckedIn?.(visit);
          notifications.show({
            color: 'teal',
            message: t('search.checkIn.done', {
              name: arriving.nameUsed,
              step: t(`catalogue.visitSteps.${step}`),
            }),
          });
          onClose();
        },
        onError: fail,
      },
    );
  }

  // Enter on a radio button confirms too: the priority has the focus when the dialog opens.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
      event.preventDefault();
      confirm();
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('visits.checkInTitle')} centered size="lg">
      <form
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
        noValidate
      >
        <Stack>
          {person ? (
            <Text>
              <Text span fw={600}>
                {person.nameUsed}
              </Text>{' '}
              <Text span ff="monospace" size="sm" c="dimmed">
                {person.fileNumber}
              </Text>
            </Text>
          ) : (
            <PersonPicker
              label={t('visits.person')}
              required
              autoFocus
              value={form.values.person}
              onChange={(picked) => {
                form.setFieldValue('person', picked);
                setChosen(undefined);
              }}
              error={typeof form.errors.person === 'string' ? form.errors.person : null}
            />
          )}
          <FormFailure failure={failure} />
          {form.values.person && <ConsentMissingNotice personId={form.values.person.id} onFollow={onClose} />}
          {todays.length > 0 && (
            <Select
              label={t('visits.appointment.label')}
              description={t('visits.appointment.help')}
              data={[
                ...todays.map((a) => ({ value: a.id, label: appointmentLabel(a) })),
                { value: NO_APPOINTMENT, label: t('visits.appointment.none') },
              ]}
              value={appointmentChoice}
              onChange={(value) => value && setChosen(value)}
              allowDeselect={false}
              error={form.errors.appointmentId}
            />
          )}
          <Radio.Group
            label={t('search.checkIn.priority')}
            value={form.values.priority}
            onChange={(value) => isPriority(value) && form.setFieldValue('priority', value)}
          >
            <Stack gap={6} mt={6}>
              {PRIORITY_ORDER.map((p) => (
                <Radio
                  key={p}
                  value={p}
                  label={t(`catalogue.priorities.${p}`)}
                  color={p === 'normal' ? undefined : 'red'}
                  data-autofocus={person && p === 'normal' ? true : undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group grow align="flex-start">
            {/* On the board the site is the board's: an arrival there is an arrival at that site. */}
            {boardSiteId === undefined && (
              <Select
                label={t('search.checkIn.site')}
                data={sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
                value={siteId}
                onChange={(value) => form.setFieldValue('siteId', value)}
                allowDeselect={false}
                error={siteId ? form.errors.siteId : t('search.checkIn.noSite')}
              />
            )}
            <Select
              label={t('search.checkIn.step')}
              data={FIRST_STEPS.map((s) => ({ value: s, label: t(`catalogue.visitSteps.${s}`) }))}
              value={form.values.step}
              onChange={(value) => isFirstStep(value) && form.setFieldValue('step', value)}
              allowDeselect={false}
              error={form.errors.step}
            />
          </Group>
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed">
              {t('search.checkIn.enterHint')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose} disabled={checkIn.isPending}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={checkIn.isPending} disabled={!siteId}>
                {t('visits.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const NO_APPOINTMENT = 'none';

/** The person's appointments still booked today at this site (the site's day), earliest first. */
function useTodaysAppointments(
  personId: string | null,
  siteId: string | null,
): { todays: Appointment[]; zone: string | undefined } {
  const appointments = useDossierSection('appointments.forPerson', personId ?? '', personId !== null);
  const zone = useCentre().data?.sites.find((s) => s.id === siteId)?.timezone;
  if (!zone || !appointments.data) return { todays: [], zone };
  const today = todayAt(zone);
  const todays = appointments.data.items
    .filter((a) => a.status === 'booked' && a.siteId === siteId)
    .filter((a) => siteClock(new Date(a.startsAt), zone).date === today)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { todays, zone };
}
