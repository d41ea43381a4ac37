/**
 * What the visits feature adds to a dossier: the pathway tab (visits, then appointments — both
 * of the pathway section, each loaded through its own capability's channel) and the visits of the
 * timeline.
 */
import { Loader, Stack } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import { AppointmentsOfPerson } from '../appointments/AppointmentsOfPerson';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { isDrawn, useDossierSection } from '../persons/dossier/dossier-tab';
import { OPENING_WEIGHT, receivesToday } from '../persons/dossier/opening-tab';
import { known } from '../persons/dossier/timeline-text';
import { VisitsOfPerson } from './VisitsOfPerson';

function PathwayTab({ dossier, view }: DossierTabProps) {
  const drawn = isDrawn(view);
  const visits = useDossierSection('visits.forPerson', dossier.person.id, drawn);
  const appointments = useDossierSection('appointments.forPerson', dossier.person.id, drawn);
  if (!drawn) return null;
  if (visits.isError) return <QueryError error={visits.error} onRetry={() => void visits.refetch()} />;
  if (appointments.isError)
    return <QueryError error={appointments.error} onRetry={() => void appointments.refetch()} />;
  if (!visits.data || !appointments.data) return <Loader />;
  return (
    <Stack gap="lg">
      <VisitsOfPerson visits={visits.data.items} />
      <AppointmentsOfPerson appointments={appointments.data.items} />
    </Stack>
  );
}

export const pathwayTab: DossierTabDef = {
  key: 'pathway',
  labelKey: 'dossier.tabs.pathway',
  section: 'pathway',
  order: 30,
  // A carer receiving the person today who may not read the interview (the psychologist) opens here.
  opensFor: (reader) => (receivesToday(reader) ? OPENING_WEIGHT.receivingTodayFallback : null),
  Component: PathwayTab,
};

export const visitsTimeline: TimelineKindDef[] = [
  {
    kind: 'visit',
    color: 'blue',
    describe: (t, item) => ({
      title: t('dossier.timeline.visit', { origin: known(`dossier.origin.${item.label}`, item.label) }),
      detail: item.detail ? known(`catalogue.visitSteps.${item.detail}`, item.detail) : null,
    }),
  },
];
