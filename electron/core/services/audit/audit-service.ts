import type { ParsedInput as In } from '../../../../shared/contract';
import type { AuditAction, AuditEntryView, AuditVerification } from '../../../../shared/contract/audit';
import type { Section } from '../../../../shared/domain/roles';
import { verifyChain } from '../../audit/audit-log';
import { AuditEntity } from '../../audit/entities';
import type { CoreContext } from '../../context';
import { StaffUserEntity } from '../users/entities';

export async function listAudit(
  ctx: CoreContext,
  input: In<'audit.list'>,
): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const qb = store.manager.getRepository(AuditEntity).createQueryBuilder('a');
    if (input.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: input.actorId });
    if (input.personId) qb.andWhere('a.person_id = :personId', { personId: input.personId });
    if (input.action) qb.andWhere('a.action = :action', { action: input.action });
    if (input.from) qb.andWhere('a.at >= :from', { from: new Date(input.from).toISOString() });
    if (input.to) qb.andWhere('a.at <= :to', { to: new Date(input.to).toISOString() });
    const [rows, total] = await qb
      .orderBy('a.seq', 'DESC')
      .skip((input.page - 1) * input.pageSize)
      .take(input.pageSize)
      .getManyAndCount();
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
    const actors = actorIds.length
      ? await store.manager.getRepository(StaffUserEntity).findBy(actorIds.map((id) => ({ id })))
      : [];
    const names = new Map(actors.map((a) => [a.id, a.displayName]));
    const items = rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.action as AuditAction,
      section: r.section as Section | null,
      personId: r.personId,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: r.reason,
    }));
    return { items, total, page: input.page, pageSize: input.pageSize };
  });
}

export async function verifyAudit(ctx: CoreContext): Promise<AuditVerification> {
  const store = ctx.vault.requireStore();
  return store.exclusive(() => verifyChain(store.manager));
}
