/**
 * A document opened in the app (docs/violence-care.md, "Slice 4, the screen"): its bytes, fetched
 * by one audited read, become a `blob:` URL in this window's memory — an <img> for a photo, an
 * <iframe> (the browser's own PDF viewer) for a PDF — and the URL is revoked when the viewer
 * closes. Nothing is written to disk or to any storage; there is no download button.
 */
import { Center, Image, Loader, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttachmentMediaType } from '../../../shared/domain/attachments';

export interface ViewedDocument {
  fileName: string;
  mediaType: AttachmentMediaType;
  rotation: number;
  /** A `blob:` URL of the bytes in memory; null while they are being read. */
  url: string | null;
  /** The desktop shell cannot show a PDF yet (its CSP has `frame-src 'none'`): said, not fetched. */
  pdfUnavailable?: boolean;
}

/** `#toolbar=0` hides the PDF viewer's download and print buttons (Chromium honours it). */
export const PDF_VIEWER_FRAGMENT = '#toolbar=0&navpanes=0';

export function DocumentViewer({ viewed, onClose }: { viewed: ViewedDocument | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={viewed !== null}
      onClose={onClose}
      title={viewed?.fileName ?? ''}
      size="90%"
      closeButtonProps={{ 'aria-label': t('attachments.viewer.close') }}
    >
      {viewed?.pdfUnavailable ? (
        <Text>{t('attachments.viewer.pdfDesktopUnavailable')}</Text>
      ) : viewed?.url == null ? (
        <Center h={200}>
          <Loader aria-label={t('attachments.viewer.loading')} />
        </Center>
      ) : viewed.mediaType === 'application/pdf' ? (
        <iframe
          src={`${viewed.url}${PDF_VIEWER_FRAGMENT}`}
          title={t('attachments.viewer.pdfTitle', { name: viewed.fileName })}
          style={{ width: '100%', height: '75vh', border: 0 }}
        />
      ) : (
        <Image
          src={viewed.url}
          alt={t('attachments.viewer.imageAlt', { name: viewed.fileName })}
          fit="contain"
          mah="75vh"
          style={{ transform: `rotate(${viewed.rotation}deg)` }}
        />
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('attachments.viewer.inAppOnly')}
      </Text>
    </Modal>
  );
}
