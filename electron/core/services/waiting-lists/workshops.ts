/**
 * Collective workshops (a hormone self-injection workshop, a group): centre data, a session of a
 * specialty at a site with a facilitator and a capacity. Every carer sees them to book a seat;
 * the coordination creates and edits them.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Workshop } from '../../../../shared/contract/waiting-lists';
import type { Actor } from '../../access/gate';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { findSite } from '../centre/repository';
import { findUser } from '../users/repository';
import { staffNames } from '../users/staff-names';
import { findWorkshop, saveWorkshopRow, seatsTaken, workshopsFrom, type WorkshopRow } from './repository';
import { requireSpecialty } from './specialties';

async function toWorkshops(em: EntityManager, rows: readonly WorkshopRow[]): Promise<Workshop[]> {
  const taken = await seatsTaken(
    em,
    rows.map((w) => w.id),
  );
  const names = await staffNames(
    em,
    rows.map((w) => w.facilitatorId),
  );
  return rows.map((w) => ({
    id: w.id,
    siteId: w.siteId,
    specialty: w.specialty,
    title: w.title,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    capacity: w.capacity,
    booked: taken.get(w.id) ?? 0,
    facilitatorId: w.facilitatorId,
    facilitatorName: names.get(w.facilitatorId) ?? null,
    version: w.version,
  }));
}

export async function listWorkshops(
  ctx: CoreContext,
  input: In<'waitingLists.workshops'>,
): Promise<{ items: Workshop[] }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const from = input.from ? new Date(input.from).toISOString() : ctx.clock().toISOString();
    const rows = await workshopsFrom(store.manager, {
      siteId: input.siteId,
      specialty: input.specialty,
      from,
    });
    return { items: await toWorkshops(store.manager, rows) };
  });
}

const WORKSHOP_MAX_HOURS = 12;

export async function saveWorkshop(
  ctx: CoreContext,
  actor: Actor,
  input: In<'waitingLists.saveWorkshop'>,
): Promise<Workshop> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const now = ctx.clock();
    const existing = input.id ? await findWorkshop(em, input.id) : null;
    if (input.id && !existing) throw notFound('workshop');
    if (existing && existing.version !== input.version) throw conflict('workshop');
    if (!(await findSite(em, input.siteId))) throw invalid('siteId', 'unknown_site');
    await requireSpecialty(em, input.specialty);
    const startsAt = new Date(input.startsAt).toISOString();
    const endsAt = new Date(input.endsAt).toISOString();
    if (endsAt <= startsAt) throw invalid('endsAt', 'before_start');
    if (Date.parse(endsAt) - Date.parse(startsAt) > WORKSHOP_MAX_HOURS * 3600_000)
      throw invalid('endsAt', 'too_long');
    const facilitator = await findUser(em, input.facilitatorId);
    if (!facilitator || !facilitator.active) throw invalid('facilitatorId', 'unknown_user');
    if (existing) {
      const taken = (await seatsTaken(em, [existing.id])).get(existing.id) ?? 0;
      if (input.capacity < taken) throw invalid('capacity', 'capacity_below_booked');
      // The seats' appointments were made for this slot with this facilitator: a workshop with
      // people in it is not moved under them (cancel their bookings first, or create another).
      const moved =
        existing.siteId !== input.siteId ||
        existing.startsAt !== startsAt ||
        existing.endsAt !== endsAt ||
        existing.facilitatorId !== input.facilitatorId ||
        existing.specialty !== input.specialty;
      if (taken > 0 && moved) throw invalid('startsAt', 'workshop_has_bookings');
    }
    const at = now.toISOString();
    const row: WorkshopRow = {
      id: existing?.id ?? randomUUID(),
      siteId: input.siteId,
      specialty: input.specialty,
      title: input.title ?? null,
      startsAt,
      endsAt,
      capacity: input.capacity,
      facilitatorId: input.facilitatorId,
      createdBy: existing?.createdBy ?? actor.userId,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      version: (existing?.version ?? 0) + 1,
    };
    await saveWorkshopRow(em, row);
    await appendAudit(
      em,
      {
        actorId: actor.userId,
        action: existing ? 'update' : 'create',
        targetType: 'workshop',
        targetId: row.id,
      },
      now,
    );
    return (await toWorkshops(em, [row]))[0];
  });
}
