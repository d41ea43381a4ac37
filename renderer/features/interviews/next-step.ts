/**
 * The step an interview proposes for the visit once saved, from the needs ticked. The pathway goes
 * interview → doctor → nurse → specialist (domain.md): a need the doctor must see first (PEP, PrEP,
 * a screening to prescribe) sends the person to the doctor; a vaccine alone to the nurse; a
 * specialist or social need alone to the specialists; no need at all ends the visit. It is only a
 * proposal: the worker accepts it with one key or leaves the visit where it is.
 */
import type { InterviewNeed, VisitStep } from '../../../shared/domain/catalogues';

export type ProposedStep = Extract<
  VisitStep,
  'waiting_doctor' | 'waiting_nurse' | 'waiting_specialist' | 'done'
>;

const DOCTOR: readonly InterviewNeed[] = ['pep', 'prep', 'screening'];
const NURSE: readonly InterviewNeed[] = ['vaccine'];
const SPECIALIST: readonly InterviewNeed[] = ['specialist', 'social'];

export function proposedStep(needs: readonly InterviewNeed[]): ProposedStep {
  if (needs.some((n) => DOCTOR.includes(n))) return 'waiting_doctor';
  if (needs.some((n) => NURSE.includes(n))) return 'waiting_nurse';
  if (needs.some((n) => SPECIALIST.includes(n))) return 'waiting_specialist';
  return 'done';
}

/** The visit steps an interview can move on from: still waiting for it, or in it. */
export const INTERVIEW_STEPS: readonly VisitStep[] = ['waiting_interview', 'in_interview'];
