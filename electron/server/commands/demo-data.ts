/**
 * The demo centre's content: pseudonymous people from the populations a community centre serves,
 * consents given and withheld, past visits with interviews, today's board, this week's agenda,
 * the partner directory and referrals. Deterministic (seeded), written through the same services
 * as the app so that the audit log is as real as the rest.
 */
import type { Core } from '../../core';
import type { Actor } from '../../core/access/gate';
import type { ParsedInput } from '../../../shared/contract';
import type { ConsentScope } from '../../../shared/domain/roles';
import { callAs } from '../../core/api/dispatch';
import { saveEntry } from '../../core/services/directory/directory-service';
import { populateClinicalCatalogues } from './demo-clinical-catalogues';
import { populateVaccinations } from './demo-vaccinations';
import { populatePrep } from './demo-prep';
import { populateConsultations } from './demo-consultations';
import { populateWaitingLists } from './demo-waiting-lists';
import { populateTreatments } from './demo-treatments';
import { populateScreenings } from './demo-screenings';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import { PEOPLE, sharesWithCareTeam } from './demo-people';
import { visitDays } from './demo-calendar';
import { prepVisitDates } from './demo-prep';

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIRECTORY: Array<ParsedInput<'directory.save'>> = [
  {
    name: 'CHU — Service des maladies infectieuses',
    kind: 'organisation',
    category: 'hospital_service',
    city: 'Montpellier',
    languages: ['fr', 'en'],
    friendliness: ['lgbtqi'],
    internal: false,
    active: true,
    notes: 'Premier rendez-vous sous 7 jours pour une découverte VIH.',
  },
  {
    name: 'CeGIDD de Montpellier',
    kind: 'organisation',
    category: 'cegidd',
    city: 'Montpellier',
    languages: ['fr'],
    friendliness: ['lgbtqi', 'sex_work'],
    internal: false,
    active: true,
  },
  {
    name: 'Dr L. — médecin généraliste',
    kind: 'professional',
    category: 'gp',
    city: 'Montpellier',
    languages: ['fr', 'es'],
    friendliness: ['trans', 'lgbtqi'],
    internal: false,
    active: true,
    notes: 'Suivi hormonal, accueil bienveillant.',
  },
  {
    name: 'Consultation de gynécologie du centre',
    kind: 'organisation',
    category: 'specialist',
    city: 'Montpellier',
    languages: ['fr'],
    friendliness: ['sex_work', 'trans'],
    internal: true,
    active: true,
  },
  {
    name: 'Maître B. — avocate',
    kind: 'professional',
    category: 'lawyer',
    city: 'Montpellier',
    languages: ['fr', 'ar'],
    friendliness: ['sex_work', 'migrants'],
    internal: false,
    active: true,
    notes: 'Droit des étrangers, plaintes pour violences.',
  },
  {
    name: 'Accueil de nuit — hébergement d’urgence',
    kind: 'organisation',
    category: 'shelter',
    city: 'Montpellier',
    languages: ['fr'],
    friendliness: ['migrants'],
    internal: false,
    active: true,
  },
  {
    name: 'CSAPA — centre d’addictologie',
    kind: 'organisation',
    category: 'addiction_centre',
    city: 'Montpellier',
    languages: ['fr'],
    friendliness: ['chemsex', 'lgbtqi'],
    internal: false,
    active: true,
  },
  {
    name: 'Dr P. — psychiatre',
    kind: 'professional',
    category: 'psychiatrist',
    city: 'Montpellier',
    languages: ['fr'],
    friendliness: ['lgbtqi'],
    internal: false,
    active: true,
  },
  {
    name: 'Service social départemental',
    kind: 'organisation',
    category: 'social_services',
    city: 'Montpellier',
    languages: ['fr'],
    friendliness: [],
    internal: false,
    active: true,
  },
  {
    name: 'Association trans — permanence',
    kind: 'organisation',
    category: 'ngo',
    city: 'Montpellier',
    languages: ['fr', 'pt'],
    friendliness: ['trans'],
    internal: false,
    active: true,
  },
];

export interface DemoActors {
  worker: Actor;
  nurse: Actor;
  doctor: Actor;
  coordinator: Actor;
  siteId: string;
  outreachSiteId: string;
  timezone: string;
}

export async function populateDemo(core: Core, a: DemoActors): Promise<{ persons: number; visits: number }> {
  const { ctx } = core;
  const random = seeded(2023);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const realClock = ctx.clock;
  const now = realClock();
  let visits = 0;
  try {
    const entries = [];
    for (const entry of DIRECTORY) entries.push(await saveEntry(ctx, a.coordinator, entry));
    const persons = [];
    /** Each person's past visits by site date, for the samples taken during them. */
    const visitsByPerson = new Map<string, Map<string, string>>();
    const today = localDate(now, a.timezone);
    for (const [i, { nameUsed, pronouns, keyPopulations, birthYear, firstSeenDaysAgo }] of PEOPLE.entries()) {
      // Each person first came between a year and a month ago; the demo replays their history.
      const firstSeen = new Date(
        zonedToUtc(
          localDate(new Date(now.getTime() - firstSeenDaysAgo * 86_400_000), a.timezone),
          '09:00',
          a.timezone,
        ).getTime() +
          Math.floor(random() * 5) * 600_000,
      );
      ctx.clock = () => firstSeen;
      const phone = `06 ${String(10 + i).padStart(2, '0')} ${String(20 + i).padStart(2, '0')} 3${i % 10} 4${(i * 7) % 10}`;
      const channels = i % 5 === 0 ? [] : i % 3 === 0 ? (['whatsapp'] as const) : (['sms'] as const);
      const person = await callAs(ctx, a.worker, 'persons.create', {
        nameUsed,
        pronouns,
        birthYear,
        keyPopulations,
        healthCoverage: keyPopulations.includes('migrant')
          ? pick(['ame', 'none', 'unknown'] as const)
          : pick(['puma', 'css'] as const),
        languages: keyPopulations.includes('migrant') ? ['fr', pick(['en', 'ar', 'es', 'pt', 'wo'])] : ['fr'],
        contact: {
          phone,
          channels: [...channels],
          neverContact: i % 11 === 7,
          wording: i % 4 === 1 ? 'Coucou, c’est pour ton RDV du {date} à {heure}' : null,
        },
        entryDoor: pick([
          'outreach',
          'word_of_mouth',
          'social_networks',
          'walk_in',
          'partner',
          'remote_counsellor',
        ] as const),
        siteId: i % 6 === 5 ? a.outreachSiteId : a.siteId,
      });
      persons.push(person);
      const scopes: ConsentScope[] = !sharesWithCareTeam(i)
        ? ['contact']
        : i % 4 === 0
          ? ['care_team', 'contact', 'external_referral']
          : ['care_team', 'contact'];
      for (const scope of scopes)
        if (!(scope === 'contact' && channels.length === 0))
          await callAs(ctx, a.worker, 'persons.recordConsent', { personId: person.id, scope, given: true });
      // Past visits over the year (demo-calendar.ts), each with an interview.
      const onPrep = prepVisitDates(i, today) !== null;
      const visitIds = new Map<string, string>();
      visitsByPerson.set(person.id, visitIds);
      let prepVisits = 0;
      for (const { day, reason } of visitDays(i, localDate(firstSeen, a.timezone), today)) {
        const at = new Date(
          Math.max(zonedToUtc(day, '09:40', a.timezone).getTime(), firstSeen.getTime() + 60_000),
        );
        ctx.clock = () => at;
        const visit = await callAs(ctx, a.worker, 'visits.checkIn', {
          personId: person.id,
          siteId: person.siteId,
          priority: 'normal',
          step: 'waiting_interview',
        });
        visitIds.set(day, visit.id);
        const moved = await callAs(ctx, a.worker, 'visits.move', {
          visitId: visit.id,
          version: visit.version,
          step: 'in_interview',
        });
        await callAs(ctx, a.worker, 'interviews.save', {
          personId: person.id,
          visitId: visit.id,
          heldAt: at.toISOString(),
          reason:
            reason === 'prep'
              ? prepVisits++
                ? 'Renouvellement PrEP'
                : 'Début de PrEP'
              : reason === 'story'
                ? pick(['Symptômes', 'Dépistage après un rapport à risque', 'Partenaire positif'])
                : reason === 'return'
                  ? 'Traitement après un résultat positif'
                  : i % 3 === 2 && !onPrep
                    ? pick(['Demande de vaccination', 'Besoin de parler', 'Accompagnement social'])
                    : pick(['Dépistage de routine', 'Dépistage de routine', 'Demande de PrEP']),
          exposures: [pick(['anal_receptive', 'oral', 'vaginal'] as const)],
          prevention: [onPrep ? 'prep' : pick(['condoms', 'none'] as const)],
          substances: keyPopulations.includes('chemsex') ? ['ghb', 'cathinones'] : [],
          chemsex: keyPopulations.includes('chemsex'),
          violenceScreening: pick(['none', 'none', 'past', 'not_asked'] as const),
          needs: [onPrep ? 'prep' : pick(['screening', 'screening', 'vaccine'] as const)],
          summary: 'Entretien de suivi : besoins repérés, orientation vers le médecin.',
          partnersCount: Math.floor(random() * 6),
        });
        await callAs(ctx, a.worker, 'visits.move', {
          visitId: visit.id,
          version: moved.version + 1,
          step: 'done',
        });
        visits += 1;
      }
    }
    // Today: people on the board, one within 72 h of an exposure.
    ctx.clock = realClock;
    for (const [k, person] of persons.slice(0, 4).entries()) {
      ctx.clock = () => new Date(now.getTime() - (40 - k * 9) * 60_000);
      const visit = await callAs(ctx, a.worker, 'visits.checkIn', {
        personId: person.id,
        siteId: person.siteId,
        priority: 'normal',
        step: 'waiting_interview',
      });
      visits += 1;
      if (k === 1) {
        const inInterview = await callAs(ctx, a.worker, 'visits.move', {
          visitId: visit.id,
          version: visit.version,
          step: 'in_interview',
        });
        await callAs(ctx, a.worker, 'interviews.save', {
          personId: person.id,
          visitId: visit.id,
          heldAt: ctx.clock().toISOString(),
          lastRiskAt: new Date(now.getTime() - 30 * 3600_000).toISOString(),
          exposures: ['anal_receptive'],
          prevention: ['none'],
          substances: [],
          chemsex: false,
          violenceScreening: 'none',
          needs: ['screening', 'prep'],
          summary: 'Rapport non protégé il y a 30 h : TPE à discuter en urgence, puis dépistage et PrEP.',
        });
        await callAs(ctx, a.worker, 'visits.move', {
          visitId: visit.id,
          version: inInterview.version + 1,
          step: 'waiting_doctor',
        });
      }
    }
    // This week's agenda, inside the demo site's opening hours.
    ctx.clock = realClock;
    const types = ['screening', 'prep', 'vaccine', 'specialist'] as const;
    for (let d = 1; d <= 5; d++) {
      const date = localDate(new Date(now.getTime() + d * 86_400_000), a.timezone);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 1) continue;
      for (let s = 0; s < 4; s++) {
        const person = persons[(d * 4 + s) % persons.length];
        const start = zonedToUtc(date, `${14 + s}:00`, a.timezone);
        await callAs(ctx, s % 2 ? a.nurse : a.worker, 'appointments.book', {
          personId: person.id,
          siteId: a.siteId,
          professionalId: s % 2 ? a.nurse.userId : a.doctor.userId,
          type: types[s % types.length],
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
          walkInSlot: false,
          room: s % 2 ? 'Salle de soins' : 'Cabinet 1',
        });
      }
    }
    // Referrals, some with feedback.
    for (const [k, person] of persons.slice(0, 8).entries()) {
      const entry = entries[k % entries.length];
      const consentsExternal = k % 4 === 0;
      await callAs(ctx, a.worker, 'directory.refer', {
        personId: person.id,
        entryId: entry.id,
        reason: pick([
          'Confirmation d’un TROD réactif',
          'Suivi hormonal',
          'Demande d’hébergement',
          'Accompagnement juridique',
          'Suivi addictologie',
        ]),
        status: pick(['proposed', 'accepted', 'attended'] as const),
        ...(entry.internal || consentsExternal
          ? {}
          : { overrideReason: 'Accord oral de la personne, à faire signer' }),
      });
    }
    await populateClinicalCatalogues(core, a);
    await populateVaccinations(core, a, persons);
    await populatePrep(core, a, persons);
    await populateScreenings(core, a, persons, visitsByPerson);
    await populateTreatments(core, a, persons);
    await populateConsultations(core, a, persons);
    await populateWaitingLists(core, a, persons);
    return { persons: persons.length, visits };
  } finally {
    ctx.clock = realClock;
  }
}

export const DEMO_OPENING_HOURS: Record<string, Array<[string, string]>> = {
  '2': [
    ['09:00', '13:00'],
    ['14:00', '20:00'],
  ],
  '3': [
    ['09:00', '13:00'],
    ['14:00', '20:00'],
  ],
  '4': [
    ['09:00', '13:00'],
    ['14:00', '20:00'],
  ],
  '5': [['14:00', '20:00']],
  '6': [['14:00', '18:00']],
};
