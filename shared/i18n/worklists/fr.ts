/**
 * Texts of "À faire" (the worklists screen, its panels and the navigation's badge), in French:
 * the default language and the fallback of every other one. `en.ts` beside it has exactly the
 * same keys. The owners' panels word their lines here too, under their capability's name.
 */
export const fr = {
  nav: 'À faire',
  title: 'À faire',
  intro: 'Ce qui attend une action de votre part sur vos sites, liste par liste.',
  noPanels: 'Aucune liste de travail pour vos rôles.',
  empty: 'Rien à faire dans cette liste.',
  columns: {
    person: 'Personne',
    fileNumber: 'N° de dossier',
    due: 'À faire',
    site: 'Site',
  },
  previous: 'Précédents',
  next: 'Suivants',
  sites: 'Sites',
  sitesOf: 'Sites de la liste « {{list}} »',
  mySites: 'Mes sites',
  countOf_one: '{{count}} personne',
  countOf_other: '{{count}} personnes',
  badge_one: '{{count}} chose à faire',
  badge_other: '{{count}} choses à faire',
  prep: {
    dueOn: 'Suivi prévu le {{date}}',
    lists: {
      due_this_week: 'PrEP : suivi cette semaine',
      overdue: 'PrEP : suivi en retard',
      lost_to_follow_up: 'PrEP : perdues de vue',
    },
  },
  vaccinations: {
    dose: '{{vaccine}}, dose {{dose}} le {{date}}',
    booster: '{{vaccine}}, rappel le {{date}}',
    lists: {
      due: 'Vaccins : doses à faire cette semaine',
      overdue: 'Vaccins : doses en retard',
    },
  },
  screenings: {
    lists: {
      results_to_give: 'Résultats à rendre',
      confirmations_pending: 'Confirmations en attente',
    },
    lines: {
      results_to_give: '{{test}} : {{reading}}, le {{at}}',
      confirmations_pending: '{{test}}, demandé le {{at}}',
    },
    readings: {
      positive: 'positif',
      negative: 'négatif',
      invalid: 'invalide',
    },
  },
  treatments: {
    lists: {
      to_treat: 'Positifs à traiter',
      partners_to_notify: 'Partenaires à prévenir',
      cure_tests_due: 'Tests de contrôle à faire',
      referrals_not_attended: 'Orientations hospitalières non honorées',
    },
    lines: {
      to_treat: '{{infection}}, positif le {{date}}',
      partners_to_notify: 'Partenaire « {{pseudonym}} » ({{infection}}), depuis le {{date}}',
      cure_tests_due: '{{infection}}, contrôle prévu le {{date}}',
      referrals_not_attended: '{{infection}}, orientée le {{date}}, rendez-vous le {{appointment}}',
    },
  },
  waitingLists: {
    title: 'Listes d’attente',
    specialty: 'Spécialité',
    since_one: 'Depuis le {{date}} ({{count}} jour)',
    since_other: 'Depuis le {{date}} ({{count}} jours)',
  },
};
