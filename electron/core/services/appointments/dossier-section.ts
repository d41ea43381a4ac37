/**
 * The appointments of a person in the dossier's pathway section: the pathway tab's appointments,
 * the timeline's, and the next appointment in the header.
 */
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { appointmentsOfPerson, appointmentsTable, type AppointmentRow } from './repository';
import { toAppointments } from './appointments-service';

const appointments: SectionDefinition<AppointmentRow> = {
  capability: 'appointments',
  section: 'pathway',
  linked: [appointmentsTable],
  timelineKinds: ['appointment'],
  load: appointmentsOfPerson,
  timeline: (rows) =>
    rows.map((a) => ({
      at: a.startsAt,
      kind: 'appointment',
      section: 'pathway',
      refId: a.id,
      label: a.type,
      detail: a.status,
    })),
  summary: async (rows, { em, now, person }) => {
    const nowIso = now.toISOString();
    // Newest first: the next one is the last booked one still ahead.
    const next = [...rows].reverse().find((a) => a.status === 'booked' && a.startsAt >= nowIso);
    if (!next) return { nextAppointment: null };
    const [view] = await toAppointments(em, [next], { persons: new Map([[person.id, person]]) });
    return { nextAppointment: view ?? null };
  },
};

export const appointmentsSection = defineSection(appointments);

export const appointmentsForPerson = sectionReader(appointments, (rows, { dossier }) =>
  toAppointments(
    dossier.em,
    rows,
    dossier.person ? { persons: new Map([[dossier.person.id, dossier.person]]) } : {},
  ),
);
