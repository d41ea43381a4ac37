/**
 * The demo centre's consultations, replayed through the same channels as the app (`callAs`): past
 * GP consultations with coded diagnoses and prescriptions (ceftriaxone for a gonococcal infection,
 * doxycycline for chlamydia, a PrEP renewal with renewals), and specialist notes (gynaecology,
 * addictology, sexology). The demo doctor gets a professional number through the team's own
 * update (as a coordinator would type it), so the demo prescriptions print.
 */
import type { Core } from '../../core';
import type { Actor } from '../../core/access/gate';
import { callAs } from '../../core/api/dispatch';
import { findUserByUsername } from '../../core/services/users/repository';
import { updateUser } from '../../core/services/users/users-service';
import { loadStaffUser } from '../../core/services/users/staff-users';
import type { ChannelInput } from '../../../shared/contract';
import type { DemoActors } from './demo-data';

type Prescription = NonNullable<ChannelInput<'consultations.save'>['prescription']>;

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

/** One GP consultation: the person (index), how many days ago, its notes, codes and prescription. */
const GP_CONSULTATIONS: ReadonlyArray<{
  person: number;
  daysAgo: number;
  reason: string;
  examination: string;
  conclusion: string;
  diagnoses: string[];
  prescription?: Prescription;
}> = [
  {
    person: 2,
    daysAgo: 6,
    reason: 'Écoulement urétral depuis 3 jours',
    examination: 'Écoulement purulent, pas de fièvre.',
    conclusion: 'Urétrite gonococcique probable, traitée sur place.',
    diagnoses: ['A54'],
    prescription: CEFTRIAXONE,
  },
  {
    person: 6,
    daysAgo: 5,
    reason: 'Contrôle après un partenaire positif à chlamydia',
    examination: 'Examen sans particularité.',
    conclusion: 'Traitement du partenaire : doxycycline.',
    diagnoses: ['A56'],
    prescription: DOXYCYCLINE,
  },
  {
    person: 7,
    daysAgo: 4,
    reason: 'Renouvellement PrEP',
    examination: 'Bonne observance, pas d’effet indésirable.',
    conclusion: 'PrEP poursuivie en continu.',
    diagnoses: [],
    prescription: PREP,
  },
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

/** Records the demo consultations; returns how many were written. */
export async function populateConsultations(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const today = realClock();
  const at = (daysAgo: number, hour: number) =>
    new Date(today.getTime() - daysAgo * 86_400_000 - (4 - hour) * 3600_000);
  await professionalNumberOf(core, a);
  const specialistUser = await findUserByUsername(ctx.vault.requireStore().manager, 'specialiste');
  const specialist: Actor | null = specialistUser
    ? { userId: specialistUser.id, roles: ['specialist'] }
    : null;
  let written = 0;
  try {
    for (const c of GP_CONSULTATIONS) {
      const person = persons[c.person];
      if (!person) continue;
      const when = at(c.daysAgo, 1);
      ctx.clock = () => when;
      await callAs(ctx, a.doctor, 'consultations.save', {
        personId: person.id,
        heldAt: when.toISOString(),
        reason: c.reason,
        examination: c.examination,
        conclusion: c.conclusion,
        diagnoses: c.diagnoses,
        ...(c.prescription ? { prescription: c.prescription } : {}),
      });
      written += 1;
    }
    for (const c of specialist ? SPECIALIST_CONSULTATIONS : []) {
      const person = persons[c.person];
      if (!person || !specialist) continue;
      const when = at(c.daysAgo, 2);
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
