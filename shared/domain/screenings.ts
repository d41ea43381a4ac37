/**
 * Screenings: what a sample's status and a result's value may be, and how a result is read. The
 * value a carer types is typed by the test's `ResultType`; the interpretation (positive / negative
 * / invalid) and the infections it reveals are derived here from the catalogue, never typed.
 * Pure functions, shared by the core (which decides) and the renderer (which previews).
 */
import { type HbvMarker, type Infection, type ResultType, type TestDefinition } from './clinical-catalogues';

/** `ordered` by a consultation, `taken` by the nurse, `resulted` once its result is saved. */
export const SAMPLE_STATUSES = ['ordered', 'taken', 'resulted', 'cancelled'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export const RESULT_INTERPRETATIONS = ['positive', 'negative', 'invalid'] as const;
export type ResultInterpretation = (typeof RESULT_INTERPRETATIONS)[number];

/** Read on site, typed from a laboratory's report, or brought by the lab CSV import. */
export const RESULT_SOURCES = ['on_site', 'lab', 'lab_import'] as const;
export type ResultSource = (typeof RESULT_SOURCES)[number];

export type Reactivity = 'reactive' | 'non_reactive' | 'invalid';
export type Detection = 'detected' | 'not_detected';
export type Positivity = 'positive' | 'negative';
export type Immunity = 'immune' | 'not_immune';

/** A result's value, one shape per `ResultType` (stored as JSON with its `type`). */
export type ResultValue =
  | { type: 'reactivity'; reactivity: Reactivity }
  /** `viralLoad` (copies/mL) only for a test with `withValue`, when detected. */
  | { type: 'detection'; detection: Detection; viralLoad?: number | null }
  | { type: 'per_target'; targets: Partial<Record<Infection, Detection>> }
  | { type: 'positivity'; positivity: Positivity }
  /** A non-treponemal titre (`1:16`) with a positive syphilis serology. */
  | { type: 'titre'; positivity: Positivity; titre?: string | null }
  | { type: 'markers'; markers: Partial<Record<HbvMarker, Positivity>> }
  | { type: 'immunity'; immunity: Immunity }
  /** Creatinine in µmol/L and the eGFR in mL/min/1.73 m². */
  | { type: 'creatinine_egfr'; creatinine: number; egfr: number };

export interface ResultReading {
  interpretation: ResultInterpretation;
  infections: Infection[];
}

/** The HBV marker whose positivity is an infection (anti-HBs is immunity, anti-HBc past contact). */
export const HBV_INFECTION_MARKER: HbvMarker = 'hbs_ag';

/**
 * What a value says, read against its test. `positive` is "the test found what it looks for":
 * a reactive or detected test, a positive serology, antibodies of immunity (HAV), HBsAg. A
 * creatinine / eGFR measure finds nothing: it is `negative` (the eGFR alert belongs to PrEP).
 * The infections are the test's `detects` that the value shows (per target for CT/NG).
 */
export function readResult(test: Pick<TestDefinition, 'detects'>, value: ResultValue): ResultReading {
  const positive = (infections: readonly Infection[]): ResultReading => ({
    interpretation: 'positive',
    infections: [...infections],
  });
  const negative: ResultReading = { interpretation: 'negative', infections: [] };
  switch (value.type) {
    case 'reactivity':
      if (value.reactivity === 'invalid') return { interpretation: 'invalid', infections: [] };
      return value.reactivity === 'reactive' ? positive(test.detects) : negative;
    case 'detection':
      return value.detection === 'detected' ? positive(test.detects) : negative;
    case 'per_target': {
      const found = test.detects.filter((i) => value.targets[i] === 'detected');
      return found.length ? positive(found) : negative;
    }
    case 'positivity':
    case 'titre':
      return value.positivity === 'positive' ? positive(test.detects) : negative;
    case 'markers':
      return value.markers[HBV_INFECTION_MARKER] === 'positive' ? positive(test.detects) : negative;
    case 'immunity':
      return value.immunity === 'immune' ? positive([]) : negative;
    case 'creatinine_egfr':
      return negative;
  }
}

/** The value's parts a form asks for, in order (used to name a refused part: `value.<part>`). */
export function valueParts(type: ResultType): string[] {
  switch (type.type) {
    case 'reactivity':
      return ['reactivity'];
    case 'detection':
      return type.withValue ? ['detection', 'viralLoad'] : ['detection'];
    case 'per_target':
      return type.targets.map((t) => `targets.${t}`);
    case 'positivity':
      return ['positivity'];
    case 'titre':
      return ['positivity', 'titre'];
    case 'markers':
      return type.markers.map((m) => `markers.${m}`);
    case 'immunity':
      return ['immunity'];
    case 'creatinine_egfr':
      return ['creatinine', 'egfr'];
  }
}
