/**
 * How hard a staff password is to guess, with zxcvbn-ts and its common, French and English
 * dictionaries (offline). Every staff password unwraps the data key and the backups, offline:
 * a password a dictionary attack finds is a way into every file. The core refuses below
 * MIN_PASSWORD_SCORE; the screens show the estimate while typing.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';

/** zxcvbn's scale: 0 too guessable … 4 very unguessable. 3: "safely unguessable" (~10^10 guesses). */
export const MIN_PASSWORD_SCORE = 3;

/** Words of this product and place that a guesser tries first. */
const PRODUCT_WORDS = ['parcours', 'centre', 'santé', 'sante', 'spot', 'aides', 'alcs', 'chams'];

let estimator: ZxcvbnFactory | null = null;

function factory(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...fr.dictionary, ...en.dictionary },
  });
  return estimator;
}

export interface PasswordEstimate {
  score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn's warning key (e.g. `simpleRepeat`, `common`, `userInputs`), or null. */
  warning: string | null;
  strongEnough: boolean;
}

/** `context`: the user name, display name and centre name, which a guesser would try too. */
export function estimatePassword(password: string, context: readonly string[] = []): PasswordEstimate {
  const words = [
    ...PRODUCT_WORDS,
    ...context.flatMap((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u)),
  ].filter((w) => w.length >= 3);
  const result = factory().check(password, words);
  const score = result.score;
  return { score, warning: result.feedback.warning ?? null, strongEnough: score >= MIN_PASSWORD_SCORE };
}
