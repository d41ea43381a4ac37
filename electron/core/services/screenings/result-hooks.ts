/**
 * What other capabilities do when a result is saved, inside saveResult's transaction (the
 * treatments slice opens its "to treat" items here). A hook that throws refuses the whole save:
 * nothing of the result is written. Hooks are registered by their owner at module load; this list
 * is the only coupling between screenings and them.
 */
import type { EntityManager } from 'typeorm';
import type { Infection, TestCode } from '../../../../shared/domain/clinical-catalogues';
import type { ResultInterpretation } from '../../../../shared/domain/screenings';
import type { DossierCall } from '../../api/routes';
import { openToTreatOnResult } from '../treatments/on-result';

export interface SavedResult {
  id: string;
  personId: string;
  siteId: string;
  testCode: TestCode;
  interpretation: ResultInterpretation;
  infections: Infection[];
  resultedAt: string;
}

export type ResultSavedHook = (em: EntityManager, result: SavedResult, call: DossierCall) => Promise<void>;

export const RESULT_SAVED_HOOKS: ResultSavedHook[] = [
  // Test and Treat: a positive opens its to-treat items; a later result ends a test-of-cure wait.
  openToTreatOnResult,
];
