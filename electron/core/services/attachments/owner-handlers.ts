/**
 * What every owner capability's attachment channels do once it has checked its own record (an
 * incident, a case plan, a legal procedure): commit the session's staged upload, list, open,
 * delete. The owner's route declares the section gate; these run inside its transaction.
 */
import type { AttachedMeta, AttachmentMeta } from '../../../../shared/contract/attachments';
import type { AttachmentKind, AttachmentOwnerType } from '../../../../shared/domain/attachments';
import type { DossierCall } from '../../api/routes';
import {
  attachmentBytes,
  attachmentOf,
  attachmentsOfOwner,
  deleteAttachmentRows,
  storeAttachment,
  toAttachmentMeta,
  type AttachmentOwner,
} from './repository';
import { checkPersonQuota, prepareUpload } from './prepare';
import { releaseUpload, takeUpload } from './staging';

export async function attachStaged(
  { actor, dossier, session }: DossierCall,
  owner: AttachmentOwner,
  input: { uploadId: string; kind: AttachmentKind; description: string | null },
): Promise<AttachedMeta> {
  const upload = prepareUpload(takeUpload(session, input.uploadId, dossier.now.getTime()));
  await checkPersonQuota(dossier.em, owner.personId, upload.bytes.length);
  const row = await storeAttachment(
    dossier.em,
    owner,
    upload,
    { kind: input.kind, description: input.description },
    actor.userId,
    dossier.now,
  );
  // Ids only: a file name is personal data and never reaches the audit log.
  dossier.wrote({ type: 'attachment', id: row.id, action: 'create' });
  releaseUpload(session, input.uploadId);
  return { ...toAttachmentMeta(row), metadataRemoved: upload.metadataRemoved };
}

export async function listOwned(
  { dossier }: DossierCall,
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Promise<AttachmentMeta[]> {
  return (await attachmentsOfOwner(dossier.em, ownerType, ownerId)).map(toAttachmentMeta);
}

export async function openOwned(
  { dossier }: DossierCall,
  ownerType: AttachmentOwnerType,
  input: { personId: string; attachmentId: string },
): Promise<{ mediaType: AttachmentMeta['mediaType']; rotation: number; base64: string }> {
  const row = await attachmentOf(dossier.em, input.personId, input.attachmentId, ownerType);
  const bytes = await attachmentBytes(dossier.em, row);
  return { mediaType: row.mediaType, rotation: row.rotation, base64: bytes.toString('base64') };
}

export async function deleteOwned(
  { dossier }: DossierCall,
  ownerType: AttachmentOwnerType,
  input: { personId: string; attachmentId: string; version: number },
): Promise<Record<string, never>> {
  const row = await attachmentOf(dossier.em, input.personId, input.attachmentId, ownerType);
  await deleteAttachmentRows(dossier.em, row, input.version);
  dossier.wrote({ type: 'attachment', id: row.id, action: 'delete' });
  return {};
}
