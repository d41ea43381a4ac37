/** An import line too long to be a record is refused by its number before any parsing. */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, parseLines } from '../../electron/core/interchange/import';

describe('import line bound', () => {
  it('refuses a line of nested arrays longer than a record can be, naming the line, without parsing it', () => {
    const nested = '['.repeat(MAX_LINE_CHARS) + ']'.repeat(MAX_LINE_CHARS);
    const { lines, errors } = parseLines(`\n${nested}\n`);
    expect(lines).toEqual([]);
    expect(errors).toEqual([{ line: 2, field: null, reason: 'line_too_long' }]);
  });

  it('still reads a long but reasonable line (a record with long notes)', () => {
    const line = JSON.stringify({ type: 'nope', notes: 'x'.repeat(50_000) });
    expect(parseLines(line).errors).toEqual([{ line: 1, field: 'type', reason: 'unknown_type' }]);
  });
});
