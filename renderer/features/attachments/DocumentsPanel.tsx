/**
 * "Documents" of an incident, a case plan or a legal procedure (docs/violence-care.md, "Slice 4,
 * the screen"): the list (name, kind, size, date, author), sending a PDF, JPEG or PNG (a progress
 * bar when it takes over a second; a refusal under the file field, in the user's language; the
 * user told when a photo's metadata were removed), opening in the app's viewer, and deleting
 * after a confirmation. The same panel for the three owners: only the channels differ (`owners.ts`).
 */
import { Alert, Button, Group, Input, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../shared/contract/attachments';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../shared/domain/attachments';
import { apiErrorOf, callOrThrow } from '../../api/client';
import { invalidateKeys } from '../../api/mutation';
import { ConfirmModal } from '../../app/ConfirmModal';
import { LongTaskProgress, useLongTask } from '../../app/long-task';
import { formatDateTime } from '../../i18n/dates';
import { errorText, fieldIssueText } from '../../i18n/error-text';
import { currentLanguage } from '../../i18n/setup';
import { personChanged } from '../persons/query-keys';
import { usersKeys } from '../users/query-keys';
import { DocumentViewer, type ViewedDocument } from './DocumentViewer';
import { attachmentsKey, OWNER_CHANNELS, type AttachmentOwnerRef } from './owners';
import { decodeBase64, LocalRefusal, uploadDocument, type UploadProgress } from './upload';

const KIB = 1024;

function formatSize(bytes: number, lng: string): string {
  const format = (n: number) => n.toLocaleString(lng, { maximumFractionDigits: 1 });
  if (bytes < KIB * KIB)
    return `${format(Math.max(1, Math.round(bytes / KIB)))} ${lng === 'fr' ? 'Ko' : 'KB'}`;
  return `${format(bytes / (KIB * KIB))} ${lng === 'fr' ? 'Mo' : 'MB'}`;
}

/** Names of the team, to say who attached a document (the list carries only the author's id). */
function useAuthorNames(): Map<string, string> {
  const query = useQuery({
    queryKey: usersKeys.professionals(null),
    queryFn: () => callOrThrow('users.professionals', {}),
  });
  return new Map((query.data ?? []).map((u) => [u.id, u.displayName]));
}

function UploadForm({ owner }: { owner: AttachmentOwnerRef }) {
  const { t } = useTranslation();
  const fileId = useId();
  const errorId = `${fileId}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<AttachmentKind>('other');
  const [description, setDescription] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [cleaned, setCleaned] = useState(false);

  const sending = useLongTask(async () => {
    if (!file) return;
    try {
      const meta = await uploadDocument(
        owner,
        file,
        { kind, description: description.trim() === '' ? null : description },
        setProgress,
      );
      setFile(null);
      setDescription('');
      if (input.current) input.current.value = '';
      setCleaned(meta.metadataRemoved);
      notifications.show({ color: 'teal', message: t('attachments.attached') });
      await invalidateKeys([attachmentsKey(owner), ...personChanged(owner.personId)]);
    } catch (err) {
      const error = apiErrorOf(err);
      setFileError(
        err instanceof LocalRefusal
          ? fieldIssueText(t, { reason: err.reason, field: 'file' })
          : errorText(t, error),
      );
    } finally {
      setProgress(null);
    }
  });

  const submit = () => {
    setCleaned(false);
    if (!file) {
      setFileError(t('attachments.fileRequired'));
      input.current?.focus();
      return;
    }
    setFileError(null);
    sending.run();
  };

  useEffect(() => {
    if (fileError) input.current?.focus();
  }, [fileError]);

  return (
    <Stack gap="xs" component="form" onSubmit={(e) => (e.preventDefault(), submit())}>
      <Input.Wrapper label={t('attachments.file')} labelProps={{ htmlFor: fileId }} required>
        <input
          ref={input}
          id={fileId}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? errorId : undefined}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setFileError(null);
          }}
        />
        {fileError && <Input.Error id={errorId}>{fileError}</Input.Error>}
      </Input.Wrapper>
      <Group grow align="flex-end">
        <NativeSelect
          label={t('attachments.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}
          data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`attachments.kinds.${k}`) }))}
        />
        <TextInput
          label={t('attachments.description')}
          value={description}
          maxLength={200}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button type="submit" size="xs" loading={sending.running}>
          {t('attachments.attach')}
        </Button>
      </Group>
      <LongTaskProgress task={sending} label={t('attachments.sending')} progress={progress} />
      {cleaned && (
        <Alert color="blue" role="status">
          {t('attachments.metadataRemoved')}
        </Alert>
      )}
    </Stack>
  );
}

function DocumentLine({
  meta,
  authorName,
  canWrite,
  onOpen,
  onDelete,
}: {
  meta: AttachmentMeta;
  authorName: string | undefined;
  canWrite: boolean;
  onOpen: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Group justify="space-between" wrap="wrap" role="listitem" aria-label={meta.fileName}>
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {meta.fileName}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            t(`attachments.kinds.${meta.kind}`),
            formatSize(meta.sizeBytes, lng),
            formatDateTime(meta.createdAt, lng),
            authorName ? t('attachments.by', { name: authorName }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {meta.description && <Text size="xs">{meta.description}</Text>}
      </Stack>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={onOpen}>
          {t('attachments.open')}
        </Button>
        {canWrite && (
          <Button size="xs" variant="subtle" color="red" onClick={onDelete}>
            {t('attachments.delete')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

export function DocumentsPanel({ owner, canWrite }: { owner: AttachmentOwnerRef; canWrite: boolean }) {
  const { t } = useTranslation();
  const channels = OWNER_CHANNELS[owner.kind];
  const list = useQuery({
    queryKey: attachmentsKey(owner),
    queryFn: () => channels.list(owner.personId, owner.ownerId),
  });
  const authors = useAuthorNames();
  const [viewed, setViewed] = useState<ViewedDocument | null>(null);
  const [deleting, setDeleting] = useState<AttachmentMeta | null>(null);
  const [removing, setRemoving] = useState(false);
  /** The one live `blob:` URL, revoked when the viewer closes or the panel goes away. */
  const liveUrl = useRef<string | null>(null);
  const revoke = () => {
    if (liveUrl.current) URL.revokeObjectURL(liveUrl.current);
    liveUrl.current = null;
  };
  useEffect(() => revoke, []);

  const report = (err: unknown) =>
    notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) });

  const open = async (meta: AttachmentMeta) => {
    revoke();
    const base = { fileName: meta.fileName, mediaType: meta.mediaType, rotation: 0 };
    setViewed({ ...base, content: { kind: 'loading' } });
    try {
      // Its own audited read, naming the document; the bytes stay in this window's memory.
      const opened = await channels.open(owner.personId, meta.id);
      const bytes = decodeBase64(opened.base64);
      const shown = { ...base, mediaType: opened.mediaType, rotation: opened.rotation };
      if (opened.mediaType === 'application/pdf') {
        // Drawn by pdf.js from the bytes themselves: no URL, no frame (`PdfPages`).
        setViewed({ ...shown, content: { kind: 'pdf', data: bytes } });
        return;
      }
      const url = URL.createObjectURL(new Blob([bytes], { type: opened.mediaType }));
      liveUrl.current = url;
      setViewed({ ...shown, content: { kind: 'image', url } });
    } catch (err) {
      setViewed(null);
      report(err);
    }
  };

  const close = () => {
    revoke();
    setViewed(null);
  };

  const remove = async () => {
    if (!deleting) return;
    setRemoving(true);
    try {
      await channels.remove(owner.personId, deleting.id, deleting.version);
      notifications.show({ color: 'teal', message: t('attachments.deleted') });
      setDeleting(null);
    } catch (err) {
      report(err);
    } finally {
      setRemoving(false);
      await invalidateKeys([attachmentsKey(owner), ...personChanged(owner.personId)]);
    }
  };

  const items = list.data ?? [];
  return (
    <Stack gap="xs" component="section" aria-label={t('attachments.title')}>
      <Title order={4} size="h6">
        {t('attachments.title')}
      </Title>
      {list.isError && (
        <Text size="sm" c="red">
          {errorText(t, apiErrorOf(list.error))}
        </Text>
      )}
      {list.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('attachments.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="xs" role="list" aria-label={t('attachments.title')}>
          {items.map((meta) => (
            <DocumentLine
              key={meta.id}
              meta={meta}
              authorName={meta.authorId ? authors.get(meta.authorId) : undefined}
              canWrite={canWrite}
              onOpen={() => void open(meta)}
              onDelete={() => setDeleting(meta)}
            />
          ))}
        </Stack>
      )}
      {canWrite && <UploadForm owner={owner} />}
      <DocumentViewer viewed={viewed} onClose={close} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('attachments.confirmDelete.title')}
        body={t('attachments.confirmDelete.body', { name: deleting?.fileName ?? '' })}
        confirmLabel={t('attachments.confirmDelete.confirm')}
        danger
        loading={removing}
        onConfirm={() => void remove()}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
