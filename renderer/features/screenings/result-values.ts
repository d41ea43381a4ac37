/**
 * The result form's values: what was typed, kept as typed (text), turned into the value of the
 * test's `ResultType` and checked with the very schema the core uses. A part left empty is
 * `required`; a number that does not read as one, or a value the schema refuses, is
 * `result_value_invalid` — each on its own field (`value.<part>`, the path the core names too).
 */
import {
  HBV_MARKERS,
  INFECTIONS,
  type EgfrRules,
  type ResultType,
} from '../../../shared/domain/clinical-catalogues';
import { refusedPart, resultValueSchema } from '../../../shared/contract/screenings';
import type { ResultValue } from '../../../shared/domain/screenings';

export interface ResultParts {
  reactivity: string;
  detection: string;
  viralLoad: string;
  targets: Record<string, string>;
  positivity: string;
  titre: string;
  markers: Record<string, string>;
  immunity: string;
  creatinine: string;
  egfr: string;
}

export function emptyParts(): ResultParts {
  return {
    reactivity: '',
    detection: '',
    viralLoad: '',
    targets: Object.fromEntries(INFECTIONS.map((i) => [i, ''])),
    positivity: '',
    titre: '',
    markers: Object.fromEntries(HBV_MARKERS.map((m) => [m, ''])),
    immunity: '',
    creatinine: '',
    egfr: '',
  };
}

export type PartProblem = { field: string; reason: 'required' | 'result_value_invalid' };

/** A number as typed in French or English (`1 250,5`, `1250.5`), or NaN. */
export function typedNumber(text: string): number {
  const compact = text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  return compact === '' || !/^-?\d+(\.\d+)?$/.test(compact) ? Number.NaN : Number(compact);
}

/** The value to send, or the problems of its parts (none sent while any is left). */
export function valueFromParts(
  type: ResultType,
  parts: ResultParts,
  egfr: Pick<EgfrRules, 'min' | 'max'>,
): { value: ResultValue | null; problems: PartProblem[] } {
  const problems: PartProblem[] = [];
  const need = (part: string, text: string) => {
    if (text.trim() === '') problems.push({ field: `value.${part}`, reason: 'required' });
    return text.trim();
  };
  const numberOf = (part: string, text: string): number | null => {
    if (need(part, text) === '') return null;
    const n = typedNumber(text);
    if (Number.isNaN(n)) problems.push({ field: `value.${part}`, reason: 'result_value_invalid' });
    return n;
  };
  let raw: Record<string, unknown>;
  switch (type.type) {
    case 'reactivity':
      raw = { type: 'reactivity', reactivity: need('reactivity', parts.reactivity) };
      break;
    case 'detection': {
      const detection = need('detection', parts.detection);
      raw = { type: 'detection', detection };
      if (type.withValue && detection === 'detected') raw.viralLoad = numberOf('viralLoad', parts.viralLoad);
      break;
    }
    case 'per_target':
      raw = {
        type: 'per_target',
        targets: Object.fromEntries(
          type.targets.map((t) => [t, need(`targets.${t}`, parts.targets[t] ?? '')]),
        ),
      };
      break;
    case 'positivity':
      raw = { type: 'positivity', positivity: need('positivity', parts.positivity) };
      break;
    case 'titre': {
      const positivity = need('positivity', parts.positivity);
      raw = { type: 'titre', positivity };
      if (positivity === 'positive') raw.titre = need('titre', parts.titre);
      break;
    }
    case 'markers':
      raw = {
        type: 'markers',
        markers: Object.fromEntries(
          type.markers.map((m) => [m, need(`markers.${m}`, parts.markers[m] ?? '')]),
        ),
      };
      break;
    case 'immunity':
      raw = { type: 'immunity', immunity: need('immunity', parts.immunity) };
      break;
    case 'creatinine_egfr':
      raw = {
        type: 'creatinine_egfr',
        creatinine: numberOf('creatinine', parts.creatinine),
        egfr: numberOf('egfr', parts.egfr),
      };
      break;
  }
  // Every part is checked, so that each refused part shows at once (the first reason per field).
  const parsed = resultValueSchema(type, egfr).safeParse(raw);
  if (parsed.success && problems.length === 0) return { value: parsed.data, problems: [] };
  const seen = new Set(problems.map((p) => p.field));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = refusedPart(issue);
    if (!seen.has(field)) problems.push({ field, reason: 'result_value_invalid' });
    seen.add(field);
  }
  return { value: null, problems };
}
