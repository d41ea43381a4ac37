/**
 * Reading a laboratory's results file (docs/lab-results-csv.md): UTF-8 (a BOM is dropped), a
 * header line naming the columns, `;` or `,` as the separator (whichever the header uses), fields
 * quoted as RFC 4180 says (a quote doubled inside quotes, separators and line breaks allowed in
 * quotes). Only the shape is checked here; what a cell means is the import's business.
 */

/** A file larger than this is refused before it is read. */
export const LAB_CSV_MAX_BYTES = 5 * 1024 * 1024;
/** Result lines (the header not counted). */
export const LAB_CSV_MAX_LINES = 20_000;

export const LAB_COLUMNS = [
  'file_number',
  'sample_date',
  'test_code',
  'anatomical_site',
  'target',
  'marker',
  'result',
  'value',
  'unit',
  'result_date',
  'lab_reference',
] as const;
export type LabColumn = (typeof LAB_COLUMNS)[number];

/** A file without these columns in its header is refused whole. */
export const REQUIRED_COLUMNS: readonly LabColumn[] = [
  'file_number',
  'sample_date',
  'test_code',
  'result',
  'result_date',
];

/** One result line: its line number in the file (the header is line 1) and its cells, trimmed. */
export interface LabCsvLine {
  line: number;
  cells: Record<LabColumn, string>;
}

/**
 * A refusal: the line and column when it is about one (`null` when about the whole file). The
 * column is one of the format's, or a header name the format does not know, as the file spells it.
 */
export interface LabCsvError {
  line: number | null;
  column: string | null;
  reason: string;
}

export interface ParsedLabCsv {
  lines: LabCsvLine[];
  errors: LabCsvError[];
}

/** Splits the text into records of fields, each with the line it starts on. */
function* records(
  text: string,
  separator: string,
): Generator<{ line: number; fields: string[] } | { line: number; malformed: true }> {
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let malformed = false;
    for (;;) {
      if (i >= text.length) {
        if (quoted) malformed = true;
        fields.push(field);
        break;
      }
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
            // After a closing quote only a separator or the end of the record may come.
            const next = text[i];
            if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') malformed = true;
          }
        } else {
          if (ch === '\n') line += 1;
          field += ch;
          i += 1;
        }
        continue;
      }
      if (ch === '"') {
        // A quote opens a field only at its start ("ab"c" is not RFC 4180).
        if (field.length > 0) malformed = true;
        quoted = true;
        i += 1;
      } else if (ch === separator) {
        fields.push(field);
        field = '';
        i += 1;
      } else if (ch === '\r' || ch === '\n') {
        fields.push(field);
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        break;
      } else {
        field += ch;
        i += 1;
      }
    }
    yield malformed ? { line: start, malformed: true } : { line: start, fields };
  }
}

/** `;` when the header has one outside quotes (French exports), else `,`. */
function separatorOf(header: string): string {
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') return ';';
  }
  return ',';
}

const isBlank = (fields: readonly string[]) => fields.every((f) => f.trim() === '');

export function parseLabCsv(raw: string): ParsedLabCsv {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (Buffer.byteLength(text, 'utf8') > LAB_CSV_MAX_BYTES)
    return { lines: [], errors: [{ line: null, column: null, reason: 'csv_too_large' }] };
  const firstBreak = text.search(/\r?\n/);
  const separator = separatorOf(firstBreak < 0 ? text : text.slice(0, firstBreak));
  const errors: LabCsvError[] = [];
  const lines: LabCsvLine[] = [];
  let header: LabColumn[] | null = null;
  for (const record of records(text, separator)) {
    if ('malformed' in record) {
      errors.push({ line: record.line, column: null, reason: 'csv_malformed' });
      if (!header) return { lines: [], errors };
      continue;
    }
    if (isBlank(record.fields)) continue;
    if (!header) {
      const names = record.fields.map((f) => f.trim().toLowerCase());
      const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
      const twice = names.filter((n, i) => n && names.indexOf(n) !== i);
      for (const column of missing) errors.push({ line: 1, column, reason: 'csv_column_missing' });
      for (const name of twice) errors.push({ line: 1, column: name, reason: 'csv_column_twice' });
      // A column the format does not know is refused, not skipped: what the lab put in it (a
      // comment, a second result) would otherwise be lost without a word.
      record.fields.forEach((typed, i) => {
        if (names[i] && !(LAB_COLUMNS as readonly string[]).includes(names[i]))
          errors.push({ line: 1, column: typed.trim(), reason: 'csv_column_unknown' });
      });
      if (names.includes('')) errors.push({ line: 1, column: null, reason: 'csv_column_unnamed' });
      if (errors.length) return { lines: [], errors };
      header = names as LabColumn[];
      continue;
    }
    if (lines.length >= LAB_CSV_MAX_LINES)
      return { lines: [], errors: [{ line: null, column: null, reason: 'csv_too_large' }] };
    if (record.fields.length !== header.length) {
      errors.push({ line: record.line, column: null, reason: 'csv_malformed' });
      continue;
    }
    const cells = Object.fromEntries(LAB_COLUMNS.map((c) => [c, ''])) as Record<LabColumn, string>;
    header.forEach((column, i) => {
      cells[column] = record.fields[i].trim();
    });
    lines.push({ line: record.line, cells });
  }
  if (!header) errors.push({ line: null, column: null, reason: 'csv_header_required' });
  return { lines, errors };
}
