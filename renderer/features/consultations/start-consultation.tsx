/**
 * "Commencer la consultation" on the board card of a person waiting for the doctor (or a
 * specialist), for a reader who writes that section: the visit moves to "with the doctor" (the
 * board shows who is with the person) and the consultation screen opens for that visit. A person
 * already with this reader: "Reprendre la consultation" just opens it.
 */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import type { VisitStep } from '../../../shared/domain/catalogues';
import { sectionAccess } from '../../../shared/domain/access-policy';
import type { Section } from '../../../shared/domain/roles';
import { apiErrorOf } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { useSignedIn } from '../persons/use-signed-in';
import { useMoveVisit } from '../visits/api';
import type { BoardCardActionDef, BoardCardActionProps } from '../visits/board-actions';
import { consultationLink } from './links';

/** The waiting step each consultation starts from, the step it moves to, and who writes it. */
const STARTS: ReadonlyArray<{ waiting: VisitStep; with: VisitStep; section: Section }> = [
  { waiting: 'waiting_doctor', with: 'with_doctor', section: 'medical' },
  { waiting: 'waiting_specialist', with: 'with_specialist', section: 'specialist' },
];

export function StartConsultationButton({ row, busy, layout }: BoardCardActionProps) {
  const { t } = useTranslation();
  const { user } = useSignedIn().state;
  const move = useMoveVisit();
  const navigate = useNavigate();
  const start = STARTS.find(
    (s) =>
      (s.waiting === row.step || s.with === row.step) && sectionAccess(user.roles, s.section) === 'write',
  );
  if (!start) return null;
  const resume = row.step === start.with;
  // With someone else: theirs to resume.
  if (resume && row.withUserId !== user.id) return null;
  const open = (r: Pick<BoardRow, 'id' | 'personId'>) => void navigate(consultationLink(r.personId, r.id));

  return (
    <Button
      size={layout === 'card' ? 'compact-sm' : 'xs'}
      variant="filled"
      color="indigo"
      fullWidth={layout === 'card'}
      disabled={busy}
      loading={move.isPending}
      onClick={() =>
        resume
          ? open(row)
          : move.mutate(
              { visitId: row.id, version: row.version, step: start.with, withUserId: user.id },
              {
                onSuccess: (moved) => open(moved),
                onError: (err) =>
                  notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) }),
              },
            )
      }
    >
      {resume ? t('consultations.resume') : t('consultations.start')}
    </Button>
  );
}

export const startConsultationAction: BoardCardActionDef = {
  key: 'consultation',
  Component: StartConsultationButton,
};
