/**
 * Documents attached to an incident (docs/violence-care.md, section 5): the `violence` section's
 * gated commit of the session's staged upload, the list of an incident's documents (metadata),
 * the audited opening of one, and its deletion for good.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type { AttachmentMeta } from '../../../../shared/contract/attachments';
import type { DossierCall } from '../../api/routes';
import {
  attachmentBytes,
  attachmentOf,
  attachmentsOfOwner,
  deleteAttachmentRows,
  storeAttachment,
  toAttachmentMeta,
} from '../attachments/repository';
import { releaseUpload, takeUpload } from '../attachments/staging';
import { incidentOf } from './violence-service';

export async function attachToIncident(
  input: In<'violence.attach'>,
  { actor, dossier, session }: DossierCall,
): Promise<AttachmentMeta> {
  const { em, now } = dossier;
  const incident = await incidentOf(em, input.personId, input.incidentId, 'incidentId');
  const upload = takeUpload(session, input.uploadId, now.getTime());
  const row = await storeAttachment(
    em,
    {
      personId: incident.personId,
      section: 'violence',
      ownerType: 'violence_incident',
      ownerId: incident.id,
    },
    upload,
    { kind: input.kind, description: input.description },
    actor.userId,
    now,
  );
  // Ids only: a file name is personal data and never reaches the audit log.
  dossier.wrote({ type: 'attachment', id: row.id, action: 'create' });
  releaseUpload(session, input.uploadId);
  return toAttachmentMeta(row);
}

export async function incidentAttachments(
  input: In<'violence.attachments'>,
  { dossier }: DossierCall,
): Promise<AttachmentMeta[]> {
  const incident = await incidentOf(dossier.em, input.personId, input.incidentId, 'incidentId');
  return (await attachmentsOfOwner(dossier.em, 'violence_incident', incident.id)).map(toAttachmentMeta);
}

export async function openIncidentAttachment(
  input: In<'violence.openAttachment'>,
  { dossier }: DossierCall,
): Promise<{ mediaType: AttachmentMeta['mediaType']; rotation: number; base64: string }> {
  const row = await attachmentOf(dossier.em, input.personId, input.attachmentId, 'violence_incident');
  const bytes = await attachmentBytes(dossier.em, row);
  return { mediaType: row.mediaType, rotation: row.rotation, base64: bytes.toString('base64') };
}

export async function deleteIncidentAttachment(
  input: In<'violence.deleteAttachment'>,
  { dossier }: DossierCall,
): Promise<Record<string, never>> {
  const row = await attachmentOf(dossier.em, input.personId, input.attachmentId, 'violence_incident');
  await deleteAttachmentRows(dossier.em, row, input.version);
  dossier.wrote({ type: 'attachment', id: row.id, action: 'delete' });
  return {};
}
