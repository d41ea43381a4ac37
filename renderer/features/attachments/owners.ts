/**
 * The three records a document can be attached to, each with its own gated channels
 * (`violence.*` { incidentId }, `casePlans.*` { planId }, `legal.*` { procedureId }): the Documents
 * panel is the same for all three and calls its owner's channels through this table only.
 */
import type { AttachedMeta, AttachmentMeta } from '../../../shared/contract/attachments';
import type { AttachmentKind, AttachmentMediaType } from '../../../shared/domain/attachments';
import { callOrThrow } from '../../api/client';

export type AttachmentOwnerKind = 'violence' | 'casePlans' | 'legal';

export interface AttachmentOwnerRef {
  kind: AttachmentOwnerKind;
  personId: string;
  /** The incident, case plan or legal procedure. */
  ownerId: string;
}

export interface OpenedAttachment {
  mediaType: AttachmentMediaType;
  rotation: number;
  base64: string;
}

interface Commit {
  uploadId: string;
  kind: AttachmentKind;
  description: string | null;
}

interface OwnerChannels {
  list(personId: string, ownerId: string): Promise<AttachmentMeta[]>;
  attach(personId: string, ownerId: string, commit: Commit): Promise<AttachedMeta>;
  open(personId: string, attachmentId: string): Promise<OpenedAttachment>;
  remove(personId: string, attachmentId: string, version: number): Promise<unknown>;
}

export const OWNER_CHANNELS: Record<AttachmentOwnerKind, OwnerChannels> = {
  violence: {
    list: (personId, incidentId) => callOrThrow('violence.attachments', { personId, incidentId }),
    attach: (personId, incidentId, c) => callOrThrow('violence.attach', { personId, incidentId, ...c }),
    open: (personId, attachmentId) => callOrThrow('violence.openAttachment', { personId, attachmentId }),
    remove: (personId, attachmentId, version) =>
      callOrThrow('violence.deleteAttachment', { personId, attachmentId, version }),
  },
  casePlans: {
    list: (personId, planId) => callOrThrow('casePlans.attachments', { personId, planId }),
    attach: (personId, planId, c) => callOrThrow('casePlans.attach', { personId, planId, ...c }),
    open: (personId, attachmentId) => callOrThrow('casePlans.openAttachment', { personId, attachmentId }),
    remove: (personId, attachmentId, version) =>
      callOrThrow('casePlans.deleteAttachment', { personId, attachmentId, version }),
  },
  legal: {
    list: (personId, procedureId) => callOrThrow('legal.attachments', { personId, procedureId }),
    attach: (personId, procedureId, c) => callOrThrow('legal.attach', { personId, procedureId, ...c }),
    open: (personId, attachmentId) => callOrThrow('legal.openAttachment', { personId, attachmentId }),
    remove: (personId, attachmentId, version) =>
      callOrThrow('legal.deleteAttachment', { personId, attachmentId, version }),
  },
};

/** Under the person's prefix: any change to the person refreshes it, and it refreshes with them. */
export function attachmentsKey(owner: AttachmentOwnerRef) {
  return ['person', owner.personId, 'attachments', owner.kind, owner.ownerId] as const;
}
