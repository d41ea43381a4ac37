/**
 * The text a PDF made by pdfmake shows, in drawing order, one run per line: its fonts are
 * embedded subsets whose glyph codes map back to characters through each font's ToUnicode table.
 * Just enough of PDF for the documents Parcours renders (Type0 fonts, FlateDecode streams, TJ).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([^]*?)endobj/g)) {
    const body = m[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const raw = body.slice(body.indexOf('\n', at) + 1, body.lastIndexOf('endstream')).replace(/\r?\n$/, '');
    const bytes = Buffer.from(raw, 'latin1');
    const dict = body.slice(0, at);
    objects.set(Number(m[1]), { dict, stream: /FlateDecode/.test(dict) ? inflateSync(bytes) : bytes });
  }
  return objects;
}

/** Glyph code → characters, from a ToUnicode CMap (bfchar and bfrange, array or offset form). */
function cmapOf(source: string): Map<number, string> {
  const map = new Map<number, string>();
  const chars = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of source.matchAll(/beginbfchar([^]*?)endbfchar/g))
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(m[1] ?? '0', 16), chars(m[2] ?? ''));
  for (const block of source.matchAll(/beginbfrange([^]*?)endbfrange/g))
    for (const m of (block[1] ?? '').matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const from = parseInt(m[1] ?? '0', 16);
      const to = parseInt(m[2] ?? '0', 16);
      const target = m[3] ?? '';
      if (target.startsWith('[')) {
        // A ligature maps to several characters, written with spaces inside: <0066 0069> is "fi".
        const list = [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) =>
          chars((x[1] ?? '').replace(/\s/g, '')),
        );
        list.forEach((c, i) => map.set(from + i, c));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(base + code - from));
      }
    }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  // Font resource name (/F1) → its glyph map.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1];
    if (!fontDict) continue;
    for (const m of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const font = objects.get(Number(m[2]));
      const toUnicode = font ? ref(font.dict, 'ToUnicode') : null;
      const cmap = toUnicode !== null ? objects.get(toUnicode)?.stream : null;
      if (m[1] && cmap) fonts.set(m[1], cmapOf(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  for (const page of pages) {
    const contents = ref(page.dict, 'Contents');
    const stream = contents !== null ? objects.get(contents)?.stream : null;
    if (!stream) continue;
    let font = new Map<number, string>();
    // Words of one line are drawn one by one at the same height: joined; a new height is a new line.
    let y: string | null = null;
    let line = '';
    const ops = /1 0 0 1 [\d.-]+ ([\d.-]+) Tm|\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g;
    for (const op of stream.toString('latin1').matchAll(ops)) {
      if (op[1] !== undefined) {
        if (op[1] !== y && line) lines.push(line.trimEnd());
        if (op[1] !== y) line = '';
        y = op[1];
      } else if (op[2]) font = fonts.get(op[2]) ?? new Map();
      else {
        const hexes =
          op[3] !== undefined
            ? [...op[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1] ?? '')
            : [op[4] ?? ''];
        line += hexes
          .flatMap((hex) => (hex.match(/.{4}/g) ?? []).map((h) => font.get(parseInt(h, 16)) ?? '\uFFFD'))
          .join('');
      }
    }
    if (line) lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
