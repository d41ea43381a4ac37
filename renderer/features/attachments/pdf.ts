/**
 * The one place the app touches pdf.js (docs/violence-care.md, "Slice 4, the screen"): a PDF's
 * bytes, already in this window's memory, are parsed by pdf.js in its own worker and its pages
 * drawn to <canvas> elements. No frame, no plugin, no `blob:` URL: the browser's PDF viewer (and
 * its download, print and Ctrl+S) is never involved, and the same code runs in the desktop shell
 * and in a browser on `parcours serve`.
 *
 * pdf.js is imported on first use, so the rest of the app never loads it. Its worker is bundled by
 * Vite as a same-origin file, which `worker-src 'self'` allows in the three CSPs. The app starts
 * that worker itself (one per opened PDF) and hands it to pdf.js as a port: left to itself,
 * pdf.js compares origins and, when unsure (the desktop's `app://` scheme), wraps the worker in a
 * `blob:` script, which the CSP refuses.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export interface PdfDocumentHandle {
  pageCount: number;
  /** Draws one page (1-based) into the canvas, `scale` CSS pixels per PDF point. */
  renderPage(pageNumber: number, canvas: HTMLCanvasElement, scale: number): Promise<void>;
}

export interface PdfLoading {
  promise: Promise<PdfDocumentHandle>;
  /** Drops the document and ends its worker, whether or not loading has finished. */
  destroy(): Promise<void>;
}

export function loadPdf(data: Uint8Array): PdfLoading {
  let destroyed = false;
  let destroyTask: (() => Promise<void>) | null = null;
  const promise = import('pdfjs-dist').then(async (lib) => {
    if (destroyed) throw new Error('pdf viewer closed');
    const port = new Worker(workerUrl, { type: 'module' });
    const worker = lib.PDFWorker.create({ port });
    const task = lib.getDocument({
      worker,
      // A copy: pdf.js hands its buffer over to the worker, which would empty the caller's.
      data: data.slice(),
      // Never evaluate strings as code (the CSP forbids it anyway: script-src 'self').
      isEvalSupported: false,
      // No network: no CMaps, standard fonts or wasm decoders fetched; system fonts stand in.
      useSystemFonts: true,
      enableXfa: false,
      stopAtErrors: false,
    });
    destroyTask = async () => {
      await task.destroy();
      // A worker given as a port is not pdf.js's to end: the app ends it.
      worker.destroy();
      port.terminate();
    };
    const doc = await task.promise;
    let current: { cancel(): void } | null = null;
    let latest = 0;
    return {
      pageCount: doc.numPages,
      async renderPage(pageNumber, canvas, scale) {
        const call = ++latest;
        const page = await doc.getPage(pageNumber);
        // Pages turned faster than drawn: only the last asked for is drawn, on a canvas no
        // other drawing still holds (pdf.js refuses two at once on one canvas).
        if (call !== latest) return;
        current?.cancel();
        const pixelRatio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: scale * pixelRatio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / pixelRatio)}px`;
        const render = page.render({ canvas, viewport });
        current = render;
        try {
          await render.promise;
        } catch (err) {
          // A newer page replaced this one before it was drawn: not an error to show.
          if (err instanceof lib.RenderingCancelledException) return;
          throw err;
        }
      },
    } satisfies PdfDocumentHandle;
  });
  return {
    promise,
    async destroy() {
      destroyed = true;
      await destroyTask?.();
    },
  };
}
