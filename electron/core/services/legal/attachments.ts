/**
 * Documents attached to a legal procedure (docs/violence-care.md, section 5), in the `legal`
 * section: a court decision, a summons; the same commit, list, opening and deletion as an
 * incident's.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type { AttachedMeta, AttachmentMeta } from '../../../../shared/contract/attachments';
import type { DossierCall } from '../../api/routes';
import { attachStaged, deleteOwned, listOwned, openOwned } from '../attachments/owner-handlers';
import { procedureOf } from './legal-service';

export async function attachToProcedure(input: In<'legal.attach'>, call: DossierCall): Promise<AttachedMeta> {
  const procedure = await procedureOf(call.dossier.em, input.personId, input.procedureId, 'procedureId');
  const owner = { personId: procedure.personId, ownerId: procedure.id } as const;
  return attachStaged(call, { ...owner, section: 'legal', ownerType: 'legal_procedure' }, input);
}

export async function procedureAttachments(
  input: In<'legal.attachments'>,
  call: DossierCall,
): Promise<AttachmentMeta[]> {
  const procedure = await procedureOf(call.dossier.em, input.personId, input.procedureId, 'procedureId');
  return listOwned(call, 'legal_procedure', procedure.id);
}

export const openProcedureAttachment = (input: In<'legal.openAttachment'>, call: DossierCall) =>
  openOwned(call, 'legal_procedure', input);

export const deleteProcedureAttachment = (input: In<'legal.deleteAttachment'>, call: DossierCall) =>
  deleteOwned(call, 'legal_procedure', input);
