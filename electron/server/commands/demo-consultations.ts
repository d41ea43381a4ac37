/**
 * The demo centre's consultations, replayed through the same channels as the app (`callAs`): a GP
 * consultation for each positive treated over the year, with its ICD-10 codes and the
 * prescription of what was given (ceftriaxone for a gonococcal infection, doxycycline for
 * chlamydia, benzathine benzylpenicillin for syphilis), PrEP prescriptions with renewals, and
 * specialist notes (gynaecology, addictology, sexology). The demo doctor gets a professional number through the team's own
 * update (as a coordinator would type it), so the demo prescriptions print.
 */
import type { Core } from '../../core';
import type { Actor } from '../../core/access/gate';
import { callAs } from '../../core/api/dispatch';
import { findUserByUsername } from '../../core/services/users/repository';
import { updateUser } from '../../core/services/users/users-service';
import { loadStaffUser } from '../../core/services/users/staff-users';
import type { ChannelInput } from '../../../shared/contract';
import { addCalendar } from '../../../shared/domain/schedules';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import { prepVisitDates } from './demo-prep';
import type { DemoActors } from './demo-data';

type GpInput = ChannelInput<'consultations.save'>;
type Prescription = NonNullable<GpInput['prescription']>;

const CEFTRIAXONE: Prescription = {
  lines: [
    {
      drug: 'ceftriaxone',
      dose: '1 g',
      route: 'intramuscular',
      frequency: 'En une prise',
      duration: '1 jour',
    },
  ],
  renewals: 0,
};
const DOXYCYCLINE: Prescription = {
  lines: [
    { drug: 'doxycycline', dose: '100 mg', route: 'oral', frequency: '2 fois par jour', duration: '7 jours' },
  ],
  renewals: 0,
};
const PREP: Prescription = {
  lines: [
    {
      drug: 'emtricitabine / ténofovir disoproxil',
      dose: '200 mg / 245 mg',
      route: 'oral',
      frequency: '1 comprimé par jour',
      duration: '30 jours',
    },
  ],
  renewals: 2,
};

const BENZATHINE: Prescription = {
  lines: [
    {
      drug: 'benzathine benzylpenicillin',
      dose: '2,4 MUI',
      route: 'intramuscular',
      frequency: 'En une injection',
      duration: '1 jour',
    },
  ],
  renewals: 0,
};

/** What the doctor codes and prescribes for each infection treated here. */
const FOR_INFECTION: Readonly<Record<string, { code: string; label: string; prescription: Prescription }>> = {
  chlamydia: { code: 'A56', label: 'chlamydia', prescription: DOXYCYCLINE },
  gonorrhoea: { code: 'A54', label: 'gonocoque', prescription: CEFTRIAXONE },
  syphilis: { code: 'A51', label: 'syphilis précoce', prescription: BENZATHINE },
};

/** A consultation with notes and no positive behind it. */
const OTHER_GP_CONSULTATIONS: ReadonlyArray<{
  person: number;
  daysAgo: number;
  reason: string;
  examination: string;
  conclusion: string;
  diagnoses: string[];
}> = [
  {
    person: 11,
    daysAgo: 3,
    reason: 'Lésions anales',
    examination: 'Condylomes de la marge anale.',
    conclusion: 'Orientation proctologie.',
    diagnoses: ['A63.0'],
  },
];

const SPECIALIST_CONSULTATIONS: ReadonlyArray<{
  person: number;
  daysAgo: number;
  kind: string;
  conclusion: string;
}> = [
  { person: 0, daysAgo: 8, kind: 'gynaecology', conclusion: 'Frottis réalisé, résultat à rendre.' },
  {
    person: 13,
    daysAgo: 6,
    kind: 'addictology',
    conclusion: 'Réduction des risques : matériel remis, suivi dans un mois.',
  },
  { person: 17, daysAgo: 2, kind: 'sexology', conclusion: 'Deuxième séance, à revoir dans trois semaines.' },
];

/** Gives the demo doctor a professional number (RPPS), through the team's update as a coordinator. */
async function professionalNumberOf(core: Core, a: DemoActors): Promise<void> {
  const em = core.ctx.vault.requireStore().manager;
  const doctor = await loadStaffUser(em, a.doctor.userId);
  await updateUser(core.ctx, a.coordinator, {
    id: doctor.id,
    version: doctor.version,
    displayName: doctor.displayName,
    roles: doctor.roles,
    siteIds: doctor.siteIds,
    usualSiteId: doctor.usualSiteId,
    professionalNumber: '10100000001',
  });
}

/**
 * Records the demo consultations; returns how many were written. For every positive treated here
 * (read back from the Test and Treat history), the doctor's consultation of that day with its
 * ICD-10 codes and the prescription of what was given; for every PrEP user, the prescription of
 * their last PrEP visit, with two renewals.
 */
export async function populateConsultations(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const now = realClock();
  const today = localDate(now, a.timezone);
  await professionalNumberOf(core, a);
  const specialistUser = await findUserByUsername(ctx.vault.requireStore().manager, 'specialiste');
  const specialist: Actor | null = specialistUser
    ? { userId: specialistUser.id, roles: ['specialist'] }
    : null;
  let written = 0;
  const save = async (personId: string, heldAt: Date, fields: Omit<GpInput, 'personId' | 'heldAt'>) => {
    ctx.clock = () => heldAt;
    await callAs(ctx, a.doctor, 'consultations.save', {
      personId,
      heldAt: heldAt.toISOString(),
      ...fields,
    });
    written += 1;
  };
  try {
    for (const [i, person] of persons.entries()) {
      // The positives treated here, by day: one consultation each day.
      const items = (await callAs(ctx, a.nurse, 'treatments.forPerson', { personId: person.id })).items;
      const byDay = new Map<string, typeof items>();
      for (const item of items)
        if (item.status === 'treated' && item.treatment && item.treatedOn && FOR_INFECTION[item.infection])
          byDay.set(item.treatedOn, [...(byDay.get(item.treatedOn) ?? []), item]);
      for (const treated of byDay.values()) {
        const found = treated.map((t) => FOR_INFECTION[t.infection]);
        const givenAt = Math.min(...treated.map((t) => Date.parse(t.treatment!.givenAt)));
        await save(person.id, new Date(givenAt - 10 * 60_000), {
          reason: `Résultat positif : ${found.map((f) => f.label).join(', ')}`,
          examination: 'Pas de signe clinique associé. Information sur l’infection et ses partenaires.',
          conclusion: `Traité sur place (${treated.map((t) => t.treatment!.drug).join(', ')}) ; partenaires à prévenir.`,
          diagnoses: found.map((f) => f.code),
          prescription: { lines: found.flatMap((f) => f.prescription.lines), renewals: 0 },
        });
      }
      // The PrEP prescription of the last PrEP visit.
      const prepDays = prepVisitDates(i, today);
      const last = prepDays?.[prepDays.length - 1];
      if (last) {
        // Linked to the episode it renews (the latest started by that day), as the PrEP tab does.
        const episodes = (await callAs(ctx, a.nurse, 'prep.forPerson', { personId: person.id })).items;
        const episode = episodes
          .filter((e) => e.startedOn <= last)
          .sort((x, y) => y.startedOn.localeCompare(x.startedOn))[0];
        await save(person.id, zonedToUtc(last, '11:30', a.timezone), {
          reason: prepDays.length === 1 ? 'Initiation de la PrEP' : 'Renouvellement PrEP',
          examination: 'Bonne observance, pas d’effet indésirable.',
          conclusion: 'PrEP prescrite, prochain suivi à la date prévue.',
          diagnoses: [],
          prescription: { ...PREP, prepEpisodeId: episode?.id ?? null },
        });
      }
    }
    for (const c of OTHER_GP_CONSULTATIONS) {
      const person = persons[c.person];
      if (!person) continue;
      const { person: _index, daysAgo, ...fields } = c;
      await save(person.id, zonedToUtc(addCalendar(today, { days: -daysAgo }), '16:00', a.timezone), fields);
    }
    for (const c of specialist ? SPECIALIST_CONSULTATIONS : []) {
      const person = persons[c.person];
      if (!person || !specialist) continue;
      const when = zonedToUtc(addCalendar(today, { days: -c.daysAgo }), '17:00', a.timezone);
      ctx.clock = () => when;
      await callAs(ctx, specialist, 'consultations.saveSpecialist', {
        personId: person.id,
        kind: c.kind,
        heldAt: when.toISOString(),
        conclusion: c.conclusion,
      });
      written += 1;
    }
    return written;
  } finally {
    ctx.clock = realClock;
  }
}
