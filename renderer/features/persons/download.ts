/**
 * Hands a PDF from the core to the user as a download. Electron refuses to open a Blob URL in a
 * new window, so the file goes through an `<a download>`; the Blob URL is revoked right after and
 * no copy stays in the renderer (no storage, no cache).
 */
export interface PdfFile {
  filename: string;
  base64: string;
}

/** How long the browser may need to start reading the Blob before the URL is revoked. */
const REVOKE_AFTER_MS = 30_000;

export function downloadPdf(pdf: PdfFile): void {
  const binary = atob(pdf.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = pdf.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
