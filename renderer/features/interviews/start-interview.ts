/**
 * "Commencer l'entretien" from an open visit: the one action that starts the interview. The visit
 * moves to `in_interview` (the board shows who is with the person) and the interview form opens
 * for that visit. Opening the form by any other way changes nothing on the visit, and "Annuler" on
 * the form of an interview started here puts the visit back in the queue (`visits.cancelStep`).
 */
import { notifications } from '@mantine/notifications';
import type { Dossier } from '../../../shared/contract/dossier';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/contract/visits';
import { apiErrorOf } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { useMoveVisit } from '../visits/api';
import { interviewLink } from './links';

export function useStartInterview(): { start: (visit: Visit) => void; pending: boolean } {
  const { t } = useTranslation();
  const move = useMoveVisit();
  const navigate = useNavigate();
  const open = (visit: Pick<Visit, 'id' | 'personId'>) =>
    void navigate(interviewLink(visit.personId, { visitId: visit.id }));
  return {
    pending: move.isPending,
    start: (visit) => {
      // Already with someone for the interview: just open the form.
      if (visit.step === 'in_interview') return open(visit);
      move.mutate(
        { visitId: visit.id, version: visit.version, step: 'in_interview' },
        {
          onSuccess: (moved) => open(moved),
          onError: (err) => notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) }),
        },
      );
    },
  };
}

/**
 * The open visit is at an interview step: the pathway status offers the one action that applies
 * (start or resume), so no "new interview" is offered beside it (it would start a parallel one).
 */
export function interviewStepOpen(dossier: Pick<Dossier, 'openVisit'>): boolean {
  const step = dossier.openVisit?.step;
  return step === 'waiting_interview' || step === 'in_interview';
}
