/**
 * The store's side of attachments: the person-linked table merge moves (the chunks follow their
 * attachment by id and carry no person).
 */
import { linkedTable } from '../../dossier/section';
import { AttachmentEntity } from './entities';

export const attachmentsTable = linkedTable('attachments', AttachmentEntity);
