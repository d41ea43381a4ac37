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
import { openToTreatOnResult, openToTreatOnResults } from '../treatments/on-result';

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

/**
 * A hook's variant for many results saved at once (the lab import): the same effects as calling
 * the single hook on each result in turn, each result with its own call (its person's dossier).
 */
export type ResultBatchSavedHook = (
  em: EntityManager,
  results: readonly SavedResult[],
  callOf: (result: SavedResult) => DossierCall,
) => Promise<void>;

export const RESULT_SAVED_HOOKS: ResultSavedHook[] = [
  // Test and Treat: a positive opens its to-treat items; a later result ends a test-of-cure wait.
  openToTreatOnResult,
];

/** The batch variant of a registered hook, by the hook it stands for (a hook without one runs per result). */
export const RESULT_BATCH_SAVED_HOOKS = new Map<ResultSavedHook, ResultBatchSavedHook>([
  [openToTreatOnResult, openToTreatOnResults],
]);

/** Runs every registered hook on results saved together, in the list's order, batched where it can. */
export async function runResultSavedHooks(
  em: EntityManager,
  results: readonly SavedResult[],
  callOf: (result: SavedResult) => DossierCall,
): Promise<void> {
  for (const hook of RESULT_SAVED_HOOKS) {
    const batch = RESULT_BATCH_SAVED_HOOKS.get(hook);
    if (batch) await batch(em, results, callOf);
    else for (const result of results) await hook(em, result, callOf(result));
  }
}
