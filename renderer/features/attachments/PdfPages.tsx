/**
 * A PDF in the document viewer: one page at a time on a <canvas> (pdf.js, `./pdf.ts`), previous
 * and next buttons, "page / pages", zoom. Keyboard: the buttons, or the arrow keys and Page Up /
 * Page Down on the page itself. The document and its worker are destroyed when the viewer closes.
 */
import { ActionIcon, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPdf, type PdfDocumentHandle } from './pdf';

const ZOOMS = [0.75, 1, 1.25, 1.5, 2, 3] as const;
const DEFAULT_ZOOM_INDEX = 2;

export function PdfPages({ data, fileName }: { data: Uint8Array; fileName: string }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PdfDocumentHandle | null>(null);
  const [failed, setFailed] = useState(false);
  const [pageNumber, setPageNumber] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(DEFAULT_ZOOM_INDEX);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    setDoc(null);
    setFailed(false);
    setPageNumber(1);
    const loading = loadPdf(data);
    let live = true;
    loading.promise.then(
      (loaded) => live && setDoc(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      void loading.destroy();
    };
  }, [data]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    doc.renderPage(pageNumber, canvas.current, ZOOMS[zoomIndex] ?? 1).catch(() => setFailed(true));
  }, [doc, pageNumber, zoomIndex]);

  if (failed) return <Text>{t('attachments.viewer.pdfUnreadable')}</Text>;
  if (!doc)
    return (
      <Center h={200}>
        <Loader aria-label={t('attachments.viewer.loading')} />
      </Center>
    );

  const pageCount = doc.pageCount;
  const go = (n: number) => setPageNumber(Math.min(pageCount, Math.max(1, n)));
  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[
      event.key
    ];
    if (step === undefined) return;
    event.preventDefault();
    go(pageNumber + step);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={pageNumber <= 1} onClick={() => go(pageNumber - 1)}>
            {t('attachments.viewer.previousPage')}
          </Button>
          <Text size="sm" aria-live="polite">
            {pageNumber} / {pageCount}
          </Text>
          <Button
            size="xs"
            variant="default"
            disabled={pageNumber >= pageCount}
            onClick={() => go(pageNumber + 1)}
          >
            {t('attachments.viewer.nextPage')}
          </Button>
        </Group>
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t('attachments.viewer.zoomOut')}
            disabled={zoomIndex <= 0}
            onClick={() => setZoomIndex((i) => Math.max(0, i - 1))}
          >
            −
          </ActionIcon>
          <Text size="sm" w={48} ta="center">
            {Math.round((ZOOMS[zoomIndex] ?? 1) * 100)} %
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('attachments.viewer.zoomIn')}
            disabled={zoomIndex >= ZOOMS.length - 1}
            onClick={() => setZoomIndex((i) => Math.min(ZOOMS.length - 1, i + 1))}
          >
            +
          </ActionIcon>
        </Group>
      </Group>
      <div
        // Focusable so the arrow keys turn pages; scrolls when the page is larger than the modal.
        tabIndex={0}
        role="group"
        aria-label={t('attachments.viewer.pdfTitle', { name: fileName })}
        onKeyDown={onKeyDown}
        style={{ maxHeight: '70vh', overflow: 'auto', textAlign: 'center' }}
      >
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('attachments.viewer.pageImage', { page: pageNumber, count: pageCount })}
          style={{ maxWidth: 'none', boxShadow: '0 0 4px rgba(0,0,0,0.3)' }}
        />
      </div>
    </Stack>
  );
}
