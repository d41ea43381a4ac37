/**
 * Documents attached to a case plan (docs/violence-care.md, section 5), in the `case_plan`
 * section: the same commit, list, opening and deletion as an incident's.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type { AttachedMeta, AttachmentMeta } from '../../../../shared/contract/attachments';
import type { DossierCall } from '../../api/routes';
import { attachStaged, deleteOwned, listOwned, openOwned } from '../attachments/owner-handlers';
import { planOf } from './case-plans-service';

export async function attachToPlan(input: In<'casePlans.attach'>, call: DossierCall): Promise<AttachedMeta> {
  const plan = await planOf(call.dossier.em, input.personId, input.planId);
  const owner = { personId: plan.personId, ownerId: plan.id } as const;
  return attachStaged(call, { ...owner, section: 'case_plan', ownerType: 'case_plan' }, input);
}

export async function planAttachments(
  input: In<'casePlans.attachments'>,
  call: DossierCall,
): Promise<AttachmentMeta[]> {
  const plan = await planOf(call.dossier.em, input.personId, input.planId);
  return listOwned(call, 'case_plan', plan.id);
}

export const openPlanAttachment = (input: In<'casePlans.openAttachment'>, call: DossierCall) =>
  openOwned(call, 'case_plan', input);

export const deletePlanAttachment = (input: In<'casePlans.deleteAttachment'>, call: DossierCall) =>
  deleteOwned(call, 'case_plan', input);
