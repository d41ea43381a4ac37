/**
 * The economic-autonomy tables (`training`, `micro_credit`, `micro_credit_step`): every query on
 * them.
 */
import { In, type EntityManager } from 'typeorm';
import { linkedTable } from '../../dossier/section';
import {
  MicroCreditEntity,
  MicroCreditStepEntity,
  TrainingEntity,
  type MicroCreditRow,
  type MicroCreditStepRow,
  type TrainingRow,
} from './entities';

export type { MicroCreditRow, MicroCreditStepRow, TrainingRow };

/** Every record follows the file on a merge. */
export const trainingsTable = linkedTable('trainings', TrainingEntity);
export const microCreditsTable = linkedTable('micro_credits', MicroCreditEntity);
export const microCreditStepsTable = linkedTable('micro_credit_steps', MicroCreditStepEntity);

/** An application with its steps, oldest first. */
export interface MicroCreditWithSteps extends MicroCreditRow {
  steps: MicroCreditStepRow[];
}

export function trainingsOfPerson(em: EntityManager, personId: string): Promise<TrainingRow[]> {
  return em
    .getRepository(TrainingEntity)
    .find({ where: { personId }, order: { startsOn: 'DESC', id: 'ASC' } });
}

export async function microCreditsOfPerson(
  em: EntityManager,
  personId: string,
): Promise<MicroCreditWithSteps[]> {
  const applications = await em
    .getRepository(MicroCreditEntity)
    .find({ where: { personId }, order: { appliedOn: 'DESC', id: 'ASC' } });
  if (applications.length === 0) return [];
  const steps = await em.getRepository(MicroCreditStepEntity).find({
    where: { applicationId: In(applications.map((a) => a.id)) },
    order: { on: 'ASC', createdAt: 'ASC' },
  });
  return applications.map((a) => ({ ...a, steps: steps.filter((s) => s.applicationId === a.id) }));
}

export function findTraining(em: EntityManager, id: string): Promise<TrainingRow | null> {
  return em.getRepository(TrainingEntity).findOneBy({ id });
}
export function findMicroCredit(em: EntityManager, id: string): Promise<MicroCreditRow | null> {
  return em.getRepository(MicroCreditEntity).findOneBy({ id });
}
/** The earliest day a step of the application is recorded on, or null. */
export async function firstStepOn(em: EntityManager, applicationId: string): Promise<string | null> {
  const first = await em
    .getRepository(MicroCreditStepEntity)
    .findOne({ where: { applicationId }, order: { on: 'ASC' } });
  return first?.on ?? null;
}
export async function saveTrainingRow(em: EntityManager, row: TrainingRow): Promise<void> {
  await em.getRepository(TrainingEntity).save(row);
}
export async function saveMicroCreditRow(em: EntityManager, row: MicroCreditRow): Promise<void> {
  await em.getRepository(MicroCreditEntity).save(row);
}
export async function insertMicroCreditStepRow(em: EntityManager, row: MicroCreditStepRow): Promise<void> {
  await em.getRepository(MicroCreditStepEntity).insert(row);
}
