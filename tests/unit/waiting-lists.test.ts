/**
 * Specialist waiting lists (docs/clinical-pathway.md, slice 8): a referral waits on its
 * specialty's list, in the site's calendar; booking makes an appointment of the agenda or takes a
 * seat in a workshop up to its capacity; the person's arrival makes it seen; a cancellation frees
 * the slot. Every refusal names its field and writes nothing. The specialty's worklist is paged on
 * `(requestedOn, id)`, filtered by site and consent, and reads its index (no table scan).
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { applyLines, parseLines } from '../../electron/core/interchange/import';
import { worklistCountsQuery, worklistQuery } from '../../electron/core/services/waiting-lists/repository';
import { FakeClock, startCore, tempDir } from './helpers/core';
import { personInput, reception, staff } from './helpers/reception';

type Centre = Awaited<ReturnType<typeof reception>>;

async function centre() {
  const t = await reception();
  const specialist = await staff(t, 'sasha', ['specialist']);
  const doctor = await staff(t, 'dora', ['doctor']);
  return { t, specialist, doctor, site: t.siteIds[0] };
}

/** A person who shares with the care team (or not), filed by the community worker. */
async function person(t: Centre, nameUsed: string, careTeam = true) {
  const p = await t.must('persons.create', personInput(t, { nameUsed }), t.worker.token);
  if (careTeam)
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
  return p;
}

function referral(
  t: Centre,
  personId: string,
  extra: Partial<ChannelInput<'waitingLists.refer'>> = {},
): ChannelInput<'waitingLists.refer'> {
  return {
    personId,
    siteId: t.siteIds[0],
    specialty: 'sexology',
    requestedOn: '2026-03-02',
    origin: 'interview',
    ...extra,
  };
}

async function refusal(p: Promise<{ ok: boolean; error?: unknown }>) {
  const r = await p;
  expect(r.ok).toBe(false);
  const error = (r as { error: { code: string; field?: string; details?: { reason?: string } } }).error;
  return { code: error.code, field: error.field, reason: error.details?.reason };
}

describe('waiting lists: refer → book → seen', () => {
  it('waits in the site calendar, books an appointment in the agenda, and is seen when the person checks in for it', async () => {
    const { t, specialist, site } = await centre();
    const p = await person(t, 'Amandine');
    // Referred on 25 February; today is 2 March at the site.
    const entry = await t.must(
      'waitingLists.refer',
      referral(t, p.id, { requestedOn: '2026-02-25', note: 'sexologie, demande ancienne' }),
      t.worker.token,
    );
    expect(entry).toMatchObject({
      status: 'waiting',
      waitingDays: 5,
      origin: 'interview',
      requestedByName: 'kasey (test)',
    });
    const tab = await t.must('waitingLists.forPerson', { personId: p.id }, specialist.token);
    expect(tab.items.map((e) => [e.status, e.waitingDays])).toEqual([['waiting', 5]]);

    const booked = await t.must(
      'waitingLists.book',
      {
        personId: p.id,
        id: entry.id,
        version: tab.items[0].version,
        mode: 'appointment',
        siteId: site,
        professionalId: specialist.id,
        startsAt: '2026-03-02T13:00:00Z',
        endsAt: '2026-03-02T13:45:00Z',
      },
      t.worker.token,
    );
    // Waited from 25 February to the appointment's day.
    expect(booked).toMatchObject({ status: 'booked', bookedFor: '2026-03-02T13:00:00.000Z', waitingDays: 5 });
    const appointments = await t.must('appointments.forPerson', { personId: p.id }, t.worker.token);
    expect(appointments.items).toHaveLength(1);
    expect(appointments.items[0]).toMatchObject({
      id: booked.appointmentId,
      type: 'specialist',
      professionalId: specialist.id,
      status: 'booked',
    });

    await t.must(
      'visits.checkIn',
      { personId: p.id, siteId: site, appointmentId: booked.appointmentId! },
      t.worker.token,
    );
    const after = await t.must('waitingLists.forPerson', { personId: p.id }, t.worker.token);
    expect(after.items[0]).toMatchObject({ status: 'seen', waitingDays: 5 });
    const timeline = await t.must('persons.timeline', { personId: p.id }, t.worker.token);
    expect(timeline.items.filter((i) => i.kind === 'waiting_list').map((i) => [i.label, i.detail])).toEqual([
      ['seen', 'sexology'],
    ]);
  });

  it('is seen too when the agenda marks the appointment arrived', async () => {
    const { t, specialist, site } = await centre();
    const p = await person(t, 'Bilal');
    const entry = await t.must(
      'waitingLists.refer',
      referral(t, p.id, { origin: 'consultation' }),
      specialist.token,
    );
    const booked = await t.must(
      'waitingLists.book',
      {
        personId: p.id,
        id: entry.id,
        version: entry.version,
        mode: 'appointment',
        siteId: site,
        professionalId: specialist.id,
        startsAt: '2026-03-03T10:00:00Z',
        endsAt: '2026-03-03T10:30:00Z',
      },
      specialist.token,
    );
    const [appointment] = (await t.must('appointments.forPerson', { personId: p.id }, specialist.token))
      .items;
    await t.must(
      'appointments.setStatus',
      { id: appointment.id, version: appointment.version, status: 'arrived' },
      specialist.token,
    );
    const [seen] = (await t.must('waitingLists.forPerson', { personId: p.id }, specialist.token)).items;
    expect(seen).toMatchObject({ id: booked.id, status: 'seen' });
  });
});

describe('waiting lists: an appointment released in the agenda', () => {
  it('cancelled or marked absent in the agenda, the entry waits again and its workshop seat is free', async () => {
    const { t, specialist, site } = await centre();
    const workshop = await t.must(
      'waitingLists.saveWorkshop',
      {
        siteId: site,
        specialty: 'hormone_therapy',
        startsAt: '2026-03-12T17:00:00Z',
        endsAt: '2026-03-12T19:00:00Z',
        capacity: 1,
        facilitatorId: specialist.id,
      },
      t.token,
    );
    const p = await person(t, 'Vic');
    const entry = await t.must(
      'waitingLists.refer',
      referral(t, p.id, { specialty: 'hormone_therapy', requestedOn: '2026-02-20' }),
      t.worker.token,
    );
    await t.must(
      'waitingLists.book',
      { personId: p.id, id: entry.id, version: entry.version, mode: 'workshop', workshopId: workshop.id },
      t.worker.token,
    );
    const [appointment] = (await t.must('appointments.forPerson', { personId: p.id }, t.worker.token)).items;
    await t.must(
      'appointments.setStatus',
      { id: appointment.id, version: appointment.version, status: 'cancelled' },
      t.worker.token,
    );
    const [again] = (await t.must('waitingLists.forPerson', { personId: p.id }, t.worker.token)).items;
    expect(again).toMatchObject({
      status: 'waiting',
      appointmentId: null,
      workshopId: null,
      waitingDays: 10,
    });
    const listed = await t.must('waitingLists.workshops', { siteId: site }, t.worker.token);
    expect(listed.items.map((w) => w.booked)).toEqual([0]);
    // The entry's audit entry says why it waits again.
    expect(await releaseReasons(t, entry.id)).toEqual(['appointment_cancelled']);
  });
});

/** The reasons the audit log gives for the changes of a waiting-list entry made by a released appointment. */
async function releaseReasons(t: Awaited<ReturnType<typeof centre>>['t'], entryId: string) {
  const store = t.core.ctx.vault.requireStore();
  const rows = await store.exclusive(() =>
    store.manager.query<Array<{ reason: string | null }>>(
      "SELECT reason FROM audit_log WHERE target_type = 'waiting_list_entry' AND target_id = ? AND reason IS NOT NULL ORDER BY seq",
      [entryId],
    ),
  );
  return rows.map((r) => r.reason);
}

describe('waiting lists: an appointment of a past day never honoured', () => {
  it('marked absent when the agenda shows its day, or when the person checks in: the entry waits again', async () => {
    const { t, specialist, site } = await centre();
    const bookInThePast = async (nameUsed: string, day: string) => {
      const p = await person(t, nameUsed);
      const entry = await t.must(
        'waitingLists.refer',
        referral(t, p.id, { requestedOn: '2026-02-01' }),
        t.worker.token,
      );
      await t.must(
        'waitingLists.book',
        {
          personId: p.id,
          id: entry.id,
          version: entry.version,
          mode: 'appointment',
          siteId: site,
          professionalId: specialist.id,
          startsAt: `${day}T10:00:00Z`,
          endsAt: `${day}T10:30:00Z`,
        },
        t.worker.token,
      );
      return p;
    };
    const seenInAgenda = await bookInThePast('Wes', '2026-02-26');
    const checkingIn = await bookInThePast('Xan', '2026-02-27');
    const status = async (personId: string) =>
      (await t.must('waitingLists.forPerson', { personId }, t.worker.token)).items[0].status;

    await t.must(
      'appointments.list',
      { siteId: site, from: '2026-02-26T00:00:00Z', to: '2026-02-27T00:00:00Z' },
      t.worker.token,
    );
    expect(await status(seenInAgenda.id)).toBe('waiting');
    expect(await status(checkingIn.id)).toBe('booked');

    await t.must('visits.checkIn', { personId: checkingIn.id, siteId: site }, t.worker.token);
    expect(await status(checkingIn.id)).toBe('waiting');
    // Released by the no-show rule, from the agenda or at check-in: each audit entry says so.
    const entryOf = async (personId: string) =>
      (await t.must('waitingLists.forPerson', { personId }, t.worker.token)).items[0].id;
    expect(await releaseReasons(t, await entryOf(seenInAgenda.id))).toEqual(['appointment_no_show']);
    expect(await releaseReasons(t, await entryOf(checkingIn.id))).toEqual(['appointment_no_show']);
  });
});

describe('waiting lists: refusals name their field and write nothing', () => {
  it('refuses a request dated after today in the site calendar and an unknown specialty', async () => {
    // 23:30 UTC is already 3 March in Paris: the 3rd is today, the 4th is in the future.
    const t = await reception(await startCore(tempDir(), new FakeClock(Date.parse('2026-03-02T23:30:00Z'))));
    const p = await person(t, 'Chloé');
    await t.must('waitingLists.refer', referral(t, p.id, { requestedOn: '2026-03-03' }), t.worker.token);
    expect(
      await refusal(
        t.call('waitingLists.refer', referral(t, p.id, { requestedOn: '2026-03-04' }), t.worker.token),
      ),
    ).toEqual({ code: 'validation', field: 'requestedOn', reason: 'date_in_future' });
    expect(
      await refusal(
        t.call('waitingLists.refer', referral(t, p.id, { specialty: 'cardiology' }), t.worker.token),
      ),
    ).toEqual({ code: 'validation', field: 'specialty', reason: 'unknown_specialty' });
    const tab = await t.must('waitingLists.forPerson', { personId: p.id }, t.worker.token);
    expect(tab.items).toHaveLength(1);
  });

  it('refuses booking an entry that is not waiting, a booking without its professional, an overlapping slot', async () => {
    const { t, specialist, site } = await centre();
    const p = await person(t, 'Dani');
    const q = await person(t, 'Eli');
    const entry = await t.must('waitingLists.refer', referral(t, p.id), t.worker.token);
    const other = await t.must('waitingLists.refer', referral(t, q.id), t.worker.token);
    const slot = {
      mode: 'appointment' as const,
      siteId: site,
      professionalId: specialist.id,
      startsAt: '2026-03-04T09:00:00Z',
      endsAt: '2026-03-04T09:30:00Z',
    };
    expect(
      await refusal(
        t.call(
          'waitingLists.book',
          {
            personId: p.id,
            id: entry.id,
            version: 1,
            mode: 'appointment',
            siteId: site,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
          },
          t.worker.token,
        ),
      ),
    ).toMatchObject({ code: 'validation', field: 'professionalId', reason: 'required' });
    const booked = await t.must(
      'waitingLists.book',
      { personId: p.id, id: entry.id, version: 1, ...slot },
      t.worker.token,
    );
    expect(
      await refusal(
        t.call(
          'waitingLists.book',
          { personId: p.id, id: entry.id, version: booked.version, ...slot },
          t.worker.token,
        ),
      ),
    ).toEqual({ code: 'validation', field: 'id', reason: 'entry_not_waiting' });
    expect(
      await refusal(
        t.call('waitingLists.book', { personId: q.id, id: other.id, version: 1, ...slot }, t.worker.token),
      ),
    ).toEqual({ code: 'validation', field: 'startsAt', reason: 'overlap' });
    // Nothing was written for the refused booking: still waiting, no appointment.
    expect((await t.must('waitingLists.forPerson', { personId: q.id }, t.worker.token)).items[0].status).toBe(
      'waiting',
    );
    expect((await t.must('appointments.forPerson', { personId: q.id }, t.worker.token)).items).toEqual([]);
  });

  it('cancels with a reason (the booked appointment with it), and only an open entry', async () => {
    const { t, specialist, site } = await centre();
    const p = await person(t, 'Fatou');
    const entry = await t.must('waitingLists.refer', referral(t, p.id), t.worker.token);
    const booked = await t.must(
      'waitingLists.book',
      {
        personId: p.id,
        id: entry.id,
        version: entry.version,
        mode: 'appointment',
        siteId: site,
        professionalId: specialist.id,
        startsAt: '2026-03-05T09:00:00Z',
        endsAt: '2026-03-05T09:30:00Z',
      },
      t.worker.token,
    );
    expect(
      await refusal(
        t.call(
          'waitingLists.cancel',
          { personId: p.id, id: entry.id, version: booked.version, reason: '  ' },
          t.worker.token,
        ),
      ),
    ).toMatchObject({ code: 'validation', field: 'reason' });
    const cancelled = await t.must(
      'waitingLists.cancel',
      { personId: p.id, id: entry.id, version: booked.version, reason: 'suivie en ville' },
      t.worker.token,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'suivie en ville',
      waitingDays: null,
    });
    const [appointment] = (await t.must('appointments.forPerson', { personId: p.id }, t.worker.token)).items;
    expect(appointment.status).toBe('cancelled');
    expect(
      await refusal(
        t.call(
          'waitingLists.cancel',
          { personId: p.id, id: entry.id, version: cancelled.version, reason: 'encore' },
          t.worker.token,
        ),
      ),
    ).toEqual({ code: 'validation', field: 'id', reason: 'entry_not_open' });
  });

  it('a role that may refer but not write the pathway cannot book (it would write the agenda)', async () => {
    const { t, specialist, site } = await centre();
    const lawyer = await staff(t, 'lou', ['legal']);
    const p = await person(t, 'Gaby');
    const entry = await t.must(
      'waitingLists.refer',
      referral(t, p.id, { specialty: 'social' }),
      lawyer.token,
    );
    const r = await t.call(
      'waitingLists.book',
      {
        personId: p.id,
        id: entry.id,
        version: entry.version,
        mode: 'appointment',
        siteId: site,
        professionalId: specialist.id,
        startsAt: '2026-03-05T09:00:00Z',
        endsAt: '2026-03-05T09:30:00Z',
      },
      lawyer.token,
    );
    expect(r.ok).toBe(false);
    expect((await t.must('appointments.forPerson', { personId: p.id }, t.worker.token)).items).toEqual([]);
  });
});

describe('workshops: several people, up to capacity, one appointment each', () => {
  it('takes seats up to capacity, refuses the next with workshop_full, frees a seat on cancel', async () => {
    const { t, specialist, site } = await centre();
    const workshop = await t.must(
      'waitingLists.saveWorkshop',
      {
        siteId: site,
        specialty: 'hormone_therapy',
        title: 'Atelier auto-injection',
        startsAt: '2026-03-12T17:00:00Z',
        endsAt: '2026-03-12T19:00:00Z',
        capacity: 2,
        facilitatorId: specialist.id,
      },
      t.token,
    );
    const people = [await person(t, 'Iris'), await person(t, 'Jo'), await person(t, 'Kim')];
    const entries: Array<{ id: string; version: number }> = [];
    for (const p of people)
      entries.push(
        await t.must(
          'waitingLists.refer',
          referral(t, p.id, { specialty: 'hormone_therapy' }),
          t.worker.token,
        ),
      );
    const seat = (i: number, version = entries[i].version) =>
      t.call(
        'waitingLists.book',
        { personId: people[i].id, id: entries[i].id, version, mode: 'workshop', workshopId: workshop.id },
        t.worker.token,
      );
    expect((await seat(0)).ok).toBe(true);
    expect((await seat(1)).ok).toBe(true);
    expect(await refusal(seat(2))).toEqual({
      code: 'validation',
      field: 'workshopId',
      reason: 'workshop_full',
    });
    expect(
      (await t.must('waitingLists.forPerson', { personId: people[2].id }, t.worker.token)).items[0].status,
    ).toBe('waiting');
    expect(
      (await t.must('appointments.forPerson', { personId: people[2].id }, t.worker.token)).items,
    ).toEqual([]);

    // One appointment per person, each with the facilitator at the workshop's time.
    for (const p of people.slice(0, 2)) {
      const [a] = (await t.must('appointments.forPerson', { personId: p.id }, t.worker.token)).items;
      expect(a).toMatchObject({
        professionalId: specialist.id,
        startsAt: '2026-03-12T17:00:00.000Z',
        status: 'booked',
      });
    }
    const listed = await t.must('waitingLists.workshops', { siteId: site }, t.worker.token);
    expect(listed.items.map((w) => [w.id, w.booked, w.capacity])).toEqual([[workshop.id, 2, 2]]);

    expect(
      await refusal(
        t.call('waitingLists.saveWorkshop', { ...workshopInput(workshop), capacity: 1 }, t.token),
      ),
    ).toEqual({ code: 'validation', field: 'capacity', reason: 'capacity_below_booked' });

    const [first] = (await t.must('waitingLists.forPerson', { personId: people[0].id }, t.worker.token))
      .items;
    await t.must(
      'waitingLists.cancel',
      { personId: people[0].id, id: first.id, version: first.version, reason: 'ne peut pas venir' },
      t.worker.token,
    );
    expect((await seat(2)).ok).toBe(true);
  });

  it('refuses a workshop of another specialty, a second seat for the same person, an unknown workshop', async () => {
    const { t, specialist, site } = await centre();
    const workshop = await t.must(
      'waitingLists.saveWorkshop',
      {
        siteId: site,
        specialty: 'hormone_therapy',
        startsAt: '2026-03-12T17:00:00Z',
        endsAt: '2026-03-12T19:00:00Z',
        capacity: 8,
        facilitatorId: specialist.id,
      },
      t.token,
    );
    const p = await person(t, 'Lee');
    const sexology = await t.must('waitingLists.refer', referral(t, p.id), t.worker.token);
    const book = (id: string, version: number, workshopId: string) =>
      t.call(
        'waitingLists.book',
        { personId: p.id, id, version, mode: 'workshop', workshopId },
        t.worker.token,
      );
    expect(await refusal(book(sexology.id, 1, workshop.id))).toEqual({
      code: 'validation',
      field: 'workshopId',
      reason: 'workshop_other_specialty',
    });
    expect(await refusal(book(sexology.id, 1, 'nope'))).toMatchObject({
      field: 'workshopId',
      reason: 'unknown_workshop',
    });
    const a = await t.must(
      'waitingLists.refer',
      referral(t, p.id, { specialty: 'hormone_therapy' }),
      t.worker.token,
    );
    const b = await t.must(
      'waitingLists.refer',
      referral(t, p.id, { specialty: 'hormone_therapy' }),
      t.worker.token,
    );
    expect((await book(a.id, 1, workshop.id)).ok).toBe(true);
    expect(await refusal(book(b.id, 1, workshop.id))).toEqual({
      code: 'validation',
      field: 'workshopId',
      reason: 'already_in_workshop',
    });
    // A workshop starting in five minutes, then started.
    const soon = await t.must(
      'waitingLists.saveWorkshop',
      {
        ...workshopInput(workshop),
        id: undefined,
        version: undefined,
        startsAt: '2026-03-02T09:05:00Z',
        endsAt: '2026-03-02T10:00:00Z',
      },
      t.token,
    );
    const c = await person(t, 'Max');
    const late = await t.must(
      'waitingLists.refer',
      referral(t, c.id, { specialty: 'hormone_therapy' }),
      t.worker.token,
    );
    t.clock.advance(6 * 60_000);
    expect(
      await refusal(
        t.call(
          'waitingLists.book',
          { personId: c.id, id: late.id, version: 1, mode: 'workshop', workshopId: soon.id },
          t.worker.token,
        ),
      ),
    ).toMatchObject({ field: 'workshopId', reason: 'workshop_past' });
  });

  it('only the coordination creates workshops; an unknown specialty and an end before the start are refused', async () => {
    const { t, specialist, site } = await centre();
    const input = {
      siteId: site,
      specialty: 'hormone_therapy',
      startsAt: '2026-03-12T17:00:00Z',
      endsAt: '2026-03-12T19:00:00Z',
      capacity: 8,
      facilitatorId: specialist.id,
    };
    expect((await t.call('waitingLists.saveWorkshop', input, specialist.token)).ok).toBe(false);
    expect(
      await refusal(t.call('waitingLists.saveWorkshop', { ...input, specialty: 'juggling' }, t.token)),
    ).toEqual({
      code: 'validation',
      field: 'specialty',
      reason: 'unknown_specialty',
    });
    expect(
      await refusal(
        t.call('waitingLists.saveWorkshop', { ...input, endsAt: '2026-03-12T16:00:00Z' }, t.token),
      ),
    ).toEqual({ code: 'validation', field: 'endsAt', reason: 'before_start' });
    expect((await t.must('waitingLists.workshops', {}, specialist.token)).items).toEqual([]);
  });
});

function workshopInput(w: {
  id: string;
  version: number;
  siteId: string;
  specialty: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  facilitatorId: string;
}): ChannelInput<'waitingLists.saveWorkshop'> {
  return {
    id: w.id,
    version: w.version,
    siteId: w.siteId,
    specialty: w.specialty,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    capacity: w.capacity,
    facilitatorId: w.facilitatorId,
  };
}

describe('a specialty’s worklist', () => {
  it('pages oldest request first, keeps persons who do not share with the care team off other readers’ lists, counts the same', async () => {
    const { t, specialist } = await centre();
    const dates = ['2026-02-20', '2026-02-10', '2026-02-25', '2026-02-10'];
    const names = ['Noa', 'Oscar', 'Pia', 'Quinn'];
    for (const [i, nameUsed] of names.entries()) {
      const p = await person(t, nameUsed);
      await t.must('waitingLists.refer', referral(t, p.id, { requestedOn: dates[i] }), t.worker.token);
    }
    const hidden = await person(t, 'Rémi', false);
    await t.must('waitingLists.refer', referral(t, hidden.id, { requestedOn: '2026-02-01' }), t.worker.token);
    await t.must(
      'waitingLists.refer',
      referral(t, (await person(t, 'Sam')).id, { specialty: 'gynaecology' }),
      t.worker.token,
    );

    const first = await t.must(
      'waitingLists.worklist',
      { specialty: 'sexology', limit: 2 },
      specialist.token,
    );
    // Same day: the id decides, so the order is stable from page to page.
    expect(first.items.map((l) => [l.requestedOn, l.waitingDays])).toEqual([
      ['2026-02-10', 20],
      ['2026-02-10', 20],
    ]);
    expect(first.items.map((l) => l.nameUsed).sort()).toEqual(['Oscar', 'Quinn']);
    expect(first.items[0].id < first.items[1].id).toBe(true);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.must(
      'waitingLists.worklist',
      { specialty: 'sexology', limit: 2, cursor: first.nextCursor! },
      specialist.token,
    );
    expect(second.items.map((l) => l.nameUsed)).toEqual(['Noa', 'Pia']);
    expect(second.nextCursor).toBeNull();

    // The referrer keeps the person who did not consent on their own list.
    const own = await t.must('waitingLists.worklist', { specialty: 'sexology' }, t.worker.token);
    expect(own.items.map((l) => l.nameUsed)).toEqual([
      'Rémi',
      ...first.items.map((l) => l.nameUsed),
      'Noa',
      'Pia',
    ]);

    const counts = await t.must('waitingLists.worklistCounts', {}, specialist.token);
    expect(counts.items.find((c) => c.specialty === 'sexology')).toMatchObject({ waiting: 4, booked: 0 });
    expect(counts.items.find((c) => c.specialty === 'gynaecology')).toMatchObject({ waiting: 1 });

    // Another site only: nothing there.
    const elsewhere = await t.must(
      'waitingLists.worklist',
      { specialty: 'sexology', siteIds: [t.siteIds[1]] },
      specialist.token,
    );
    expect(elsewhere.items).toEqual([]);
  });

  it('refuses a reader whose role may not read referrals (the coordination)', async () => {
    const { t } = await centre();
    const r = await t.call('waitingLists.worklist', { specialty: 'sexology' }, t.token);
    expect(r.ok).toBe(false);
  });

  it('reads the list and its counts through the (specialty, status, site_id, requested_on) index: no table scan', async () => {
    const { t } = await centre();
    const store = t.core.ctx.vault.requireStore();
    const plans = await store.exclusive(async () => {
      const em = store.manager;
      const out: string[][] = [];
      for (const qb of [
        worklistQuery(em, {
          specialty: 'sexology',
          list: 'waiting',
          siteIds: t.siteIds,
          readerId: 'reader',
          after: { requestedOn: '2026-02-10', id: 'x' },
          limit: 51,
        }),
        worklistCountsQuery(em, {
          specialties: ['sexology', 'gynaecology'],
          siteIds: t.siteIds,
          readerId: 'reader',
        }),
      ]) {
        const [sql, parameters] = qb.getQueryAndParameters();
        const rows = await em.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, parameters);
        out.push(rows.map((r) => r.detail));
      }
      return out;
    });
    for (const plan of plans) {
      expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([]);
      expect(
        plan.some(
          (d) => /^SEARCH e USING INDEX/.test(d) && d.includes('specialty=? AND status=? AND site_id=?'),
        ),
      ).toBe(true);
    }
  });
});

describe('waiting lists in the interchange format', () => {
  it('an import applies the workshop capacity too: a seat beyond it is refused on its line, nothing written', async () => {
    const { t, specialist, site } = await centre();
    const workshop = await t.must(
      'waitingLists.saveWorkshop',
      {
        siteId: site,
        specialty: 'hormone_therapy',
        startsAt: '2026-03-12T17:00:00Z',
        endsAt: '2026-03-12T19:00:00Z',
        capacity: 1,
        facilitatorId: specialist.id,
      },
      t.token,
    );
    const p = await person(t, 'Tess');
    const q = await person(t, 'Ugo');
    const line = (id: string, personId: string) =>
      JSON.stringify({
        type: 'waiting_list_entry',
        id,
        personId,
        siteId: site,
        specialty: 'hormone_therapy',
        requestedOn: '2026-02-20',
        requestedBy: specialist.id,
        origin: 'interview',
        status: 'booked',
        workshopId: workshop.id,
      });
    const store = t.core.ctx.vault.requireStore();
    const load = (text: string) =>
      store.transaction((em) => applyLines(em, parseLines(text).lines, '2026-03-02T09:00:00.000Z'));
    await expect(load(`${line('wl-a', p.id)}\n${line('wl-b', q.id)}\n`)).rejects.toMatchObject({
      errors: [{ line: 2, field: 'workshopId', reason: 'workshop_full' }],
    });
    expect((await t.must('waitingLists.forPerson', { personId: p.id }, t.worker.token)).items).toEqual([]);
    await load(`${line('wl-a', p.id)}\n`);
    const listed = await t.must('waitingLists.workshops', { siteId: site }, t.worker.token);
    expect(listed.items.map((w) => w.booked)).toEqual([1]);
  });
});
