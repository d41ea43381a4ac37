/**
 * Texts of screenings (samples, results, confirmations, results given), in French: the default
 * language and the fallback of every other one. Test and infection names are those of
 * `clinicalCatalogues`. `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  tab: { title: 'Dépistages' },
  alerts: {
    toGive_one: '{{count}} résultat à rendre à la personne.',
    toGive_other: '{{count}} résultats à rendre à la personne.',
    confirmationPending_one: '{{count}} confirmation en attente (TROD réactif).',
    confirmationPending_other: '{{count}} confirmations en attente (TROD réactif).',
  },
  actions: {
    newScreening: 'Nouveau dépistage',
    enterResult: 'Saisir le résultat',
    give: 'Résultat rendu',
    showMore: 'Afficher les dépistages plus anciens',
  },
  list: {
    none: 'Aucun dépistage enregistré.',
    day: 'Dépistage du {{date}}',
    takenBy: 'prélevé à {{time}} par {{name}}',
    takenAt: 'prélevé à {{time}}',
    confirms: 'confirmation d’un TROD réactif',
    toGive: 'à rendre',
    given: 'rendu le {{at}} par {{name}}',
    givenAt: 'rendu le {{at}}',
    sampleLabel: '{{test}} {{site}}',
  },
  status: {
    ordered: 'Prescrit',
    taken: 'Prélevé',
    resulted: 'Résultat',
    cancelled: 'Annulé',
  },
  interpretation: {
    positive: 'Positif',
    negative: 'Négatif',
    invalid: 'Non interprétable',
  },
  sites: { throat: 'Gorge', anus: 'Anus', urine: 'Urines', vagina: 'Vagin' },
  screeningForm: {
    title: 'Nouveau dépistage',
    intro: 'Cochez les examens prélevés maintenant.',
    tests: 'Examens',
    sites: 'Sites de prélèvement',
    ordered: 'Examens prescrits à prélever',
    orderedHint: 'Cochez ceux qui sont prélevés maintenant.',
    save: 'Enregistrer les prélèvements',
    saved_one: '{{count}} prélèvement enregistré.',
    saved_other: '{{count}} prélèvements enregistrés.',
    nothing: 'Cochez au moins un examen.',
  },
  resultForm: {
    title: 'Résultat : {{test}}',
    resultedAt: 'Date et heure du résultat',
    source: 'Origine du résultat',
    sources: { on_site: 'Lu sur place', lab: 'Compte rendu du laboratoire' },
    save: 'Enregistrer le résultat',
    saved: 'Résultat enregistré.',
    confirmationOrdered: 'TROD réactif : {{test}} prescrit pour confirmation.',
    preview: 'Lecture : {{interpretation}}',
    reveals: 'Révèle : {{infections}}',
  },
  values: {
    reactivity: { reactive: 'Réactif', non_reactive: 'Non réactif', invalid: 'Invalide' },
    detection: { detected: 'Détecté', not_detected: 'Non détecté' },
    positivity: { positive: 'Positif', negative: 'Négatif' },
    immunity: { immune: 'Immunisé·e', not_immune: 'Non immunisé·e' },
    markers: { hbs_ag: 'Antigène HBs', anti_hbs: 'Anticorps anti-HBs', anti_hbc: 'Anticorps anti-HBc' },
  },
  fields: {
    reactivity: 'Résultat du TROD',
    detection: 'Résultat',
    viralLoad: 'Charge virale (copies/mL)',
    positivity: 'Résultat',
    titre: 'Titre (VDRL / RPR, par exemple 1:16)',
    immunity: 'Résultat',
    creatinine: 'Créatinine (µmol/L)',
    egfr: 'DFG (mL/min/1,73 m²)',
  },
  give: { saved: 'Résultat marqué comme rendu à la personne.' },
  timeline: {
    screening_one: 'Dépistage ({{count}} prélèvement)',
    screening_other: 'Dépistage ({{count}} prélèvements)',
    result: 'Résultat {{test}} : {{interpretation}}',
  },
};
