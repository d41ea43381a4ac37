/**
 * Documents attached to an incident (docs/violence-care.md, section 5): the `violence` section's
 * gated commit of the session's staged upload, the list of an incident's documents (metadata),
 * the audited opening of one, and its deletion for good.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type { AttachedMeta, AttachmentMeta } from '../../../../shared/contract/attachments';
import type { DossierCall } from '../../api/routes';
import { attachStaged, deleteOwned, listOwned, openOwned } from '../attachments/owner-handlers';
import { incidentOf } from './violence-service';

export async function attachToIncident(
  input: In<'violence.attach'>,
  call: DossierCall,
): Promise<AttachedMeta> {
  const incident = await incidentOf(call.dossier.em, input.personId, input.incidentId, 'incidentId');
  const owner = { personId: incident.personId, ownerId: incident.id } as const;
  return attachStaged(call, { ...owner, section: 'violence', ownerType: 'violence_incident' }, input);
}

export async function incidentAttachments(
  input: In<'violence.attachments'>,
  call: DossierCall,
): Promise<AttachmentMeta[]> {
  const incident = await incidentOf(call.dossier.em, input.personId, input.incidentId, 'incidentId');
  return listOwned(call, 'violence_incident', incident.id);
}

export const openIncidentAttachment = (input: In<'violence.openAttachment'>, call: DossierCall) =>
  openOwned(call, 'violence_incident', input);

export const deleteIncidentAttachment = (input: In<'violence.deleteAttachment'>, call: DossierCall) =>
  deleteOwned(call, 'violence_incident', input);
