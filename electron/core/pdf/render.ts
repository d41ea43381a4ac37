/**
 * PDF documents are generated in the core, never in the page (ARCHITECTURE.md): pdfmake with
 * the Roboto fonts it ships, rendered in memory — no temporary file ever holds the content.
 */
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import vfs from 'pdfmake/build/vfs_fonts';

let printer: PdfPrinter | null = null;

function getPrinter(): PdfPrinter {
  if (!printer) {
    const fonts = vfs as unknown as Record<string, string>;
    const font = (name: string) => Buffer.from(fonts[name] ?? '', 'base64');
    const dictionary: TFontDictionary = {
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    };
    printer = new PdfPrinter(dictionary);
  }
  return printer;
}

export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = getPrinter().createPdfKitDocument({
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      ...definition,
      info: { ...definition.info, producer: 'Parcours', creator: 'Parcours' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
