/**
 * The PDFs read the screens' catalogues: no word is written in the PDF code, and a document comes
 * in the language asked for (else the centre's).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { personInput, reception } from './helpers/reception';

const PDF_CODE = [
  'electron/core/services/persons/documents.ts',
  'electron/core/services/consultations/documents.ts',
  'electron/core/pdf/render.ts',
  'electron/core/services/vaccinations/documents.ts',
  'electron/core/services/violence/documents.ts',
];

/** String literals (template expressions left out) that read as words: letters and a space, or a character beyond ASCII. */
function wordsIn(source: string): string[] {
  const code = source.replace(/\/\*[^]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)]
    .map((m) => m[1] ?? m[2] ?? (m[3] ?? '').replace(/\$\{[^}]*\}/g, ''))
    .filter((text) => (/\p{L}{2}/u.test(text) && /\s/.test(text)) || /[^\t\n -~☒☐]/u.test(text));
}

describe('PDF texts', () => {
  it('the PDF code holds no French or English words: every text comes from the catalogues', () => {
    for (const file of PDF_CODE)
      expect(wordsIn(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')), file).toEqual([]);
    expect(
      wordsIn("const a = 'Pour le centre :'; const b = `Date : ${x}`; const c = 'Identité';"),
    ).toHaveLength(3);
  });

  it('a document comes in the language asked for, else the centre’s', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    const pdfText = (pdf: { base64: string }) => Buffer.from(pdf.base64, 'base64').toString('latin1');

    const fr = await t.must('persons.consentForm', { personId: p.id }, t.worker.token);
    expect(fr.filename).toBe(`consentement-${p.fileNumber}.pdf`);
    expect(pdfText(fr)).toContain('(Consentement)');
    const en = await t.must('persons.consentForm', { personId: p.id, locale: 'en' }, t.worker.token);
    expect(en.filename).toBe(`consent-${p.fileNumber}.pdf`);
    expect(pdfText(en)).toContain('(Consent)');

    const accessFr = await t.must('persons.accessLogPdf', { personId: p.id, locale: 'fr' }, t.worker.token);
    expect(accessFr.filename).toBe(`acces-${p.fileNumber}.pdf`);
    const accessEn = await t.must('persons.accessLogPdf', { personId: p.id, locale: 'en' }, t.worker.token);
    expect(accessEn.filename).toBe(`access-${p.fileNumber}.pdf`);
    expect(pdfText(accessEn)).toContain('(Who looked at my file)');
  });
});
