/**
 * A document opened in the app (docs/violence-care.md, "Slice 4, the screen"): its bytes, fetched
 * by one audited read, stay in this window's memory. A photo becomes a `blob:` URL for an <img>,
 * revoked when the viewer closes; a PDF is drawn page by page to a <canvas> by pdf.js
 * (`PdfPages`), its document and worker destroyed on close. No frame, no plugin: nothing offers a
 * download, a print or Ctrl+S, and the desktop shell shows PDFs like the browser does.
 */
import { Center, Image, Loader, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttachmentMediaType } from '../../../shared/domain/attachments';
import { PdfPages } from './PdfPages';

/** What the viewer shows: nothing yet (being read), a photo's `blob:` URL, or a PDF's bytes. */
export type ViewedContent =
  { kind: 'loading' } | { kind: 'image'; url: string } | { kind: 'pdf'; data: Uint8Array };

export interface ViewedDocument {
  fileName: string;
  mediaType: AttachmentMediaType;
  rotation: number;
  content: ViewedContent;
}

export function DocumentViewer({ viewed, onClose }: { viewed: ViewedDocument | null; onClose: () => void }) {
  const { t } = useTranslation();
  const content = viewed?.content ?? { kind: 'loading' };
  return (
    <Modal
      opened={viewed !== null}
      onClose={onClose}
      title={viewed?.fileName ?? ''}
      size="90%"
      closeButtonProps={{ 'aria-label': t('attachments.viewer.close') }}
    >
      {content.kind === 'loading' ? (
        <Center h={200}>
          <Loader aria-label={t('attachments.viewer.loading')} />
        </Center>
      ) : content.kind === 'pdf' ? (
        <PdfPages data={content.data} fileName={viewed?.fileName ?? ''} />
      ) : (
        <Image
          src={content.url}
          alt={t('attachments.viewer.imageAlt', { name: viewed?.fileName ?? '' })}
          fit="contain"
          mah="75vh"
          style={{ transform: `rotate(${viewed?.rotation ?? 0}deg)` }}
        />
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('attachments.viewer.inAppOnly')}
      </Text>
    </Modal>
  );
}
