/**
 * The value of one sample read from its lines of a laboratory file (docs/lab-results-csv.md): the
 * result words and numbers checked per line and column, gathered into the shape of the test's
 * `ResultType`; the screen's schema (`parseResultValue`) then has the last word, and
 * `placeOfPart` points its refusal back at a line and column.
 */
import type { LabImportError } from '../../../../shared/contract/lab-import';
import {
  type ResultType,
  DETECTION_VALUES,
  HBV_MARKERS,
  IMMUNITY_VALUES,
  POSITIVITY_VALUES,
  REACTIVITY_VALUES,
  type TestDefinition,
} from '../../../../shared/domain/clinical-catalogues';
import type { LabColumn, LabCsvLine } from './lab-csv';

/** The lines of one sample (a CT/NG sample has a line per target, an HBV serology per marker). */
export interface SampleLines {
  lines: LabCsvLine[];
  test: TestDefinition;
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day that exists (`2026-02-30` does not). */
export function realDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A number as labs write it: `85.5` or `85,5` (French exports). Never guessed: a space inside
 * (`1 5`) or a comma that may group thousands (`1,000`: one? a thousand?) is refused, not rewritten.
 */
export function labNumber(cell: string): number | null {
  const typed = cell.trim();
  if (/\s/.test(typed) || /^-?\d{1,3}(,\d{3})+$/.test(typed)) return null;
  const text = typed.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Units a value may be given in (compared without spaces and case); empty is accepted. */
const UNITS: Record<'viralLoad' | 'creatinine' | 'egfr', readonly string[]> = {
  viralLoad: ['copies/ml', 'cp/ml'],
  creatinine: ['µmol/l', 'umol/l', 'μmol/l'],
  egfr: ['ml/min/1.73m2', 'ml/min/1,73m2', 'ml/min/1.73m²', 'ml/min/1,73m²', 'ml/min'],
};
const unitOk = (cell: string, part: keyof typeof UNITS) =>
  cell === '' || UNITS[part].includes(cell.replace(/\s/g, '').toLowerCase());

/** The refusals of a file, in the order found. */
export class Errors {
  readonly list: LabImportError[] = [];
  add(line: number | null, column: LabColumn | null, reason: string): void {
    this.list.push({ line, column, reason });
  }
}

const oneOf = (values: readonly string[], cell: string) => values.includes(cell.toLowerCase());

/** The optional cells each result type reads; anything else in them is refused, never skipped. */
const CELLS_READ: Record<ResultType['type'], readonly LabColumn[]> = {
  reactivity: ['result'],
  positivity: ['result'],
  immunity: ['result'],
  detection: ['result', 'value', 'unit'],
  titre: ['result', 'value'],
  per_target: ['result', 'target'],
  markers: ['result', 'marker'],
  creatinine_egfr: ['marker', 'value', 'unit'],
};
const OPTIONAL_CELLS: readonly LabColumn[] = ['result', 'target', 'marker', 'value', 'unit'];

/**
 * A cell the test does not read (a viral load on a rapid test, a target on an HIV serology, a unit
 * without its value) is refused on its line and column: what the lab wrote there would be lost.
 */
function unreadCells(group: SampleLines, errors: Errors): void {
  const read = CELLS_READ[group.test.result.type];
  for (const l of group.lines) {
    for (const column of OPTIONAL_CELLS)
      if (l.cells[column] && !read.includes(column)) errors.add(l.line, column, 'lab_cell_not_used');
    if (read.includes('unit') && l.cells.unit && !l.cells.value)
      errors.add(l.line, 'unit', 'lab_cell_not_used');
  }
}

/**
 * The value of one sample built from its lines, or the refusals naming the line and column.
 * Words and numbers are checked here per line; the test's schema (`parseResultValue`) then has
 * the last word, its refused part mapped back to a column.
 */
export function valueOf(
  group: SampleLines,
  errors: Errors,
): { type: string; [part: string]: unknown } | null {
  const { lines, test } = group;
  const first = lines[0];
  const before = errors.list.length;
  unreadCells(group, errors);
  const single = (): LabCsvLine => {
    for (const extra of lines.slice(1)) errors.add(extra.line, 'test_code', 'lab_line_twice');
    return first;
  };
  const word = (l: LabCsvLine, values: readonly string[]): string => {
    const cell = l.cells.result.toLowerCase();
    if (!cell) errors.add(l.line, 'result', 'required');
    else if (!oneOf(values, cell)) errors.add(l.line, 'result', 'result_value_invalid');
    return cell;
  };
  /** Lines keyed by their `target` / `marker` cell, each known to the test and given once. */
  const parts = (column: 'target' | 'marker', known: readonly string[]): Map<string, LabCsvLine> => {
    const found = new Map<string, LabCsvLine>();
    for (const l of lines) {
      const key = l.cells[column].toLowerCase();
      if (!key) errors.add(l.line, column, 'required');
      else if (!known.includes(key)) errors.add(l.line, column, 'result_value_invalid');
      else if (found.has(key)) errors.add(l.line, column, 'lab_line_twice');
      else found.set(key, l);
    }
    // Every part of the test is needed: the result is written whole.
    for (const k of known) if (!found.has(k)) errors.add(first.line, column, 'lab_part_missing');
    return found;
  };

  let value: { type: string; [part: string]: unknown } | null = null;
  switch (test.result.type) {
    case 'reactivity': {
      const l = single();
      value = { type: 'reactivity', reactivity: word(l, REACTIVITY_VALUES) };
      break;
    }
    case 'positivity': {
      const l = single();
      value = { type: 'positivity', positivity: word(l, POSITIVITY_VALUES) };
      break;
    }
    case 'immunity': {
      const l = single();
      value = { type: 'immunity', immunity: word(l, IMMUNITY_VALUES) };
      break;
    }
    case 'detection': {
      const l = single();
      const detection = word(l, DETECTION_VALUES);
      let viralLoad: number | null = null;
      if (l.cells.value) {
        viralLoad = labNumber(l.cells.value);
        if (viralLoad === null) errors.add(l.line, 'value', 'result_value_invalid');
      }
      if (!unitOk(l.cells.unit, 'viralLoad')) errors.add(l.line, 'unit', 'result_value_invalid');
      value = { type: 'detection', detection, ...(viralLoad !== null ? { viralLoad } : {}) };
      break;
    }
    case 'titre': {
      const l = single();
      const positivity = word(l, POSITIVITY_VALUES);
      value = { type: 'titre', positivity, ...(l.cells.value ? { titre: l.cells.value } : {}) };
      break;
    }
    case 'per_target': {
      const found = parts('target', test.result.targets);
      const targets: Record<string, string> = {};
      for (const [k, l] of found) {
        targets[k] = word(l, DETECTION_VALUES);
      }
      value = { type: 'per_target', targets };
      break;
    }
    case 'markers': {
      const found = parts('marker', test.result.markers.length ? test.result.markers : HBV_MARKERS);
      const markers: Record<string, string> = {};
      for (const [k, l] of found) {
        markers[k] = word(l, POSITIVITY_VALUES);
      }
      value = { type: 'markers', markers };
      break;
    }
    case 'creatinine_egfr': {
      // Two measures, a line each (`marker` creatinine / egfr), the number in `value`.
      const found = parts('marker', ['creatinine', 'egfr']);
      const measures: Record<string, number> = {};
      for (const [k, l] of found) {
        const n = labNumber(l.cells.value);
        if (n === null) errors.add(l.line, 'value', l.cells.value ? 'result_value_invalid' : 'required');
        else measures[k] = n;
        if (!unitOk(l.cells.unit, k as 'creatinine' | 'egfr'))
          errors.add(l.line, 'unit', 'result_value_invalid');
      }
      value = { type: 'creatinine_egfr', ...measures };
      break;
    }
  }
  return errors.list.length > before ? null : value;
}

/** The line and column a refused part of a value (`value.<part>`) points at. */
export function placeOfPart(group: SampleLines, field: string): { line: number; column: LabColumn } {
  const [, part, key] = field.split('.');
  const byCell = (column: 'target' | 'marker', cell: string) =>
    group.lines.find((l) => l.cells[column].toLowerCase() === cell) ?? group.lines[0];
  switch (part) {
    case 'targets':
      return { line: byCell('target', key ?? '').line, column: 'result' };
    case 'markers':
      return { line: byCell('marker', key ?? '').line, column: 'result' };
    case 'creatinine':
    case 'egfr':
      return { line: byCell('marker', part).line, column: 'value' };
    case 'viralLoad':
    case 'titre':
      return { line: group.lines[0].line, column: 'value' };
    default:
      return { line: group.lines[0].line, column: 'result' };
  }
}

/**
 * The laboratory's reference of one sample's report, as its lines give it (cells are trimmed by
 * the reader): empty on every line is none; lines of one sample naming two references are refused
 * (`lab_reference_differs`, which result would it be?), and so is one longer than the result keeps.
 */
export function labReferenceOf(group: SampleLines, errors: Errors, max: number): string | null | undefined {
  const given = group.lines.filter((l) => l.cells.lab_reference !== '');
  const first = given[0]?.cells.lab_reference;
  if (first === undefined) return null;
  const before = errors.list.length;
  for (const l of given) {
    if (l.cells.lab_reference.length > max) errors.add(l.line, 'lab_reference', 'lab_reference_too_long');
    else if (l.cells.lab_reference !== first) errors.add(l.line, 'lab_reference', 'lab_reference_differs');
  }
  return errors.list.length > before ? undefined : first;
}
