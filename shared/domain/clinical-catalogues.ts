/**
 * The default clinical catalogues of domain.md (test catalogue, treatments after a positive
 * result, PrEP follow-up, vaccines). They are the DEFAULTS a centre starts with: coordinators will
 * edit them later (with history), so code must read them through whatever holds the centre's
 * current catalogue, never assume these values. NOT medical advice: the drugs, doses and
 * intervals are those domain.md lists, copied as data, not a clinical recommendation.
 * Labels live in shared/i18n under the same codes.
 */

export const TEST_CODES = [
  'hiv_trod',
  'hcv_trod',
  'hbv_trod',
  'hiv_vl_qual_poc',
  'hcv_vl_poc',
  'ct_ng_pcr_poc',
  'hiv_serology_lab',
  'hcv_serology_lab',
  'hbv_serology_lab',
  'hav_serology_lab',
  'syphilis_serology_lab',
  'creatinine_lab',
  'mpox_pcr_lab',
  'pregnancy_test',
] as const;
export type TestCode = (typeof TEST_CODES)[number];

/** Rapid tests (TROD) and point-of-care PCR are read on site the same day; laboratory results come later. */
export const TEST_KINDS = ['rapid', 'point_of_care', 'laboratory'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

/** One sample per anatomical site for CT/NG PCR. */
export const ANATOMICAL_SITES = ['throat', 'anus', 'urine', 'vagina'] as const;
export type AnatomicalSite = (typeof ANATOMICAL_SITES)[number];

/** The infections a result can reveal; what is done about each follows DEFAULT_TREATMENTS. */
export const INFECTIONS = ['hiv', 'hcv', 'hbv', 'chlamydia', 'gonorrhoea', 'syphilis', 'mpox'] as const;
export type Infection = (typeof INFECTIONS)[number];

/** The values each kind of result can take (domain.md, "result" column). */
export const REACTIVITY_VALUES = ['reactive', 'non_reactive', 'invalid'] as const;
export const DETECTION_VALUES = ['detected', 'not_detected'] as const;
export const POSITIVITY_VALUES = ['positive', 'negative'] as const;
export const IMMUNITY_VALUES = ['immune', 'not_immune'] as const;
export const HBV_MARKERS = ['hbs_ag', 'anti_hbs', 'anti_hbc'] as const;
export type HbvMarker = (typeof HBV_MARKERS)[number];

/**
 * How a test's result is typed. `detection` with `withValue` carries a number when detected (HCV
 * viral load); `per_target` is one detected / not detected per infection (CT and NG); `titre` is
 * positive with a non-treponemal titre / negative; `markers` is one positive / negative per marker;
 * `creatinine_egfr` is a creatinine value and an eGFR.
 */
export type ResultType =
  | { readonly type: 'reactivity' }
  | { readonly type: 'detection'; readonly withValue: boolean }
  | { readonly type: 'per_target'; readonly targets: readonly Infection[] }
  | { readonly type: 'positivity' }
  | { readonly type: 'titre' }
  | { readonly type: 'markers'; readonly markers: readonly HbvMarker[] }
  | { readonly type: 'immunity' }
  | { readonly type: 'creatinine_egfr' };

export interface TestDefinition {
  readonly code: TestCode;
  readonly kind: TestKind;
  readonly result: ResultType;
  /** What a positive / reactive / detected result reveals (none for creatinine, pregnancy, immunity). */
  readonly detects: readonly Infection[];
  /** Sites sampled separately (CT/NG only); empty when the test takes one sample. */
  readonly sites: readonly AnatomicalSite[];
  /** A reactive rapid test opens its confirmation (domain.md: the three TROD). */
  readonly reactiveNeedsConfirmation: boolean;
  /**
   * The test a reactive result is confirmed by: saving a reactive result orders a sample of it
   * (screenings). Only where `reactiveNeedsConfirmation` holds.
   */
  readonly confirmedBy?: TestCode;
  /** A test of cure is due after the treatment of what it detected. */
  readonly testOfCure: boolean;
}

const single = { sites: [], reactiveNeedsConfirmation: false, testOfCure: false } as const;

export const DEFAULT_TEST_CATALOGUE: Readonly<Record<TestCode, TestDefinition>> = {
  hiv_trod: {
    code: 'hiv_trod',
    kind: 'rapid',
    result: { type: 'reactivity' },
    detects: ['hiv'],
    ...single,
    reactiveNeedsConfirmation: true,
    confirmedBy: 'hiv_serology_lab',
  },
  hcv_trod: {
    code: 'hcv_trod',
    kind: 'rapid',
    result: { type: 'reactivity' },
    detects: ['hcv'],
    ...single,
    reactiveNeedsConfirmation: true,
    // A reactive HCV antibody test is confirmed by the viral load (active infection or cleared).
    confirmedBy: 'hcv_vl_poc',
  },
  hbv_trod: {
    code: 'hbv_trod',
    kind: 'rapid',
    result: { type: 'reactivity' },
    detects: ['hbv'],
    ...single,
    reactiveNeedsConfirmation: true,
    confirmedBy: 'hbv_serology_lab',
  },
  hiv_vl_qual_poc: {
    code: 'hiv_vl_qual_poc',
    kind: 'point_of_care',
    result: { type: 'detection', withValue: false },
    detects: ['hiv'],
    ...single,
  },
  hcv_vl_poc: {
    code: 'hcv_vl_poc',
    kind: 'point_of_care',
    result: { type: 'detection', withValue: true },
    detects: ['hcv'],
    ...single,
  },
  ct_ng_pcr_poc: {
    code: 'ct_ng_pcr_poc',
    kind: 'point_of_care',
    result: { type: 'per_target', targets: ['chlamydia', 'gonorrhoea'] },
    detects: ['chlamydia', 'gonorrhoea'],
    sites: ANATOMICAL_SITES,
    reactiveNeedsConfirmation: false,
    // domain.md names a test of cure but not which test; CT/NG is the one this default marks
    // (decision for coordinators to revise in the editable catalogue).
    testOfCure: true,
  },
  hiv_serology_lab: {
    code: 'hiv_serology_lab',
    kind: 'laboratory',
    result: { type: 'positivity' },
    detects: ['hiv'],
    ...single,
  },
  hcv_serology_lab: {
    code: 'hcv_serology_lab',
    kind: 'laboratory',
    result: { type: 'positivity' },
    detects: ['hcv'],
    ...single,
  },
  hbv_serology_lab: {
    code: 'hbv_serology_lab',
    kind: 'laboratory',
    result: { type: 'markers', markers: HBV_MARKERS },
    detects: ['hbv'],
    ...single,
  },
  hav_serology_lab: {
    code: 'hav_serology_lab',
    kind: 'laboratory',
    result: { type: 'immunity' },
    detects: [],
    ...single,
  },
  syphilis_serology_lab: {
    code: 'syphilis_serology_lab',
    kind: 'laboratory',
    result: { type: 'titre' },
    detects: ['syphilis'],
    ...single,
  },
  creatinine_lab: {
    code: 'creatinine_lab',
    kind: 'laboratory',
    result: { type: 'creatinine_egfr' },
    detects: [],
    ...single,
  },
  mpox_pcr_lab: {
    code: 'mpox_pcr_lab',
    kind: 'laboratory',
    result: { type: 'detection', withValue: false },
    detects: ['mpox'],
    ...single,
  },
  pregnancy_test: {
    code: 'pregnancy_test',
    kind: 'rapid',
    result: { type: 'positivity' },
    detects: [],
    ...single,
  },
};

export const ADMINISTRATION_ROUTES = ['intramuscular', 'oral'] as const;
export type AdministrationRoute = (typeof ADMINISTRATION_ROUTES)[number];

/** A drug given after a positive result, or a referral to the hospital service (HIV, hepatitis). */
export type TreatmentDefault =
  | {
      readonly kind: 'drug';
      readonly drug: string;
      readonly dose: string;
      readonly route: AdministrationRoute;
      /** How often a day; 1 with durationDays 1 is a single dose given once. */
      readonly timesPerDay: number;
      readonly durationDays: number;
    }
  | { readonly kind: 'referral'; readonly to: 'hospital_service' };

/**
 * domain.md, "Treatments after a positive result" (not medical advice). Early syphilis is the
 * default for a positive syphilis serology; the prescriber may choose otherwise. HBV is referred
 * like HIV and HCV because the issue sends every hepatitis positive to the hospital service.
 * Mpox has no default: domain.md gives none.
 */
export const DEFAULT_TREATMENTS: Readonly<Partial<Record<Infection, TreatmentDefault>>> = {
  gonorrhoea: {
    kind: 'drug',
    drug: 'ceftriaxone',
    dose: '1 g',
    route: 'intramuscular',
    timesPerDay: 1,
    durationDays: 1,
  },
  chlamydia: {
    kind: 'drug',
    drug: 'doxycycline',
    dose: '100 mg',
    route: 'oral',
    timesPerDay: 2,
    durationDays: 7,
  },
  syphilis: {
    kind: 'drug',
    drug: 'benzathine benzylpenicillin',
    dose: '2.4 MIU',
    route: 'intramuscular',
    timesPerDay: 1,
    durationDays: 1,
  },
  hiv: { kind: 'referral', to: 'hospital_service' },
  hcv: { kind: 'referral', to: 'hospital_service' },
  hbv: { kind: 'referral', to: 'hospital_service' },
};

/** PrEP baseline tests (domain.md: HIV, creatinine, HBV, HAV, HCV, syphilis, CT/NG). */
export const PREP_BASELINE_TESTS: readonly TestCode[] = [
  'hiv_serology_lab',
  'creatinine_lab',
  'hbv_serology_lab',
  'hav_serology_lab',
  'hcv_serology_lab',
  'syphilis_serology_lab',
  'ct_ng_pcr_poc',
];

export const PREP_REGIMENS = ['daily', 'on_demand'] as const;
export type PrepRegimen = (typeof PREP_REGIMENS)[number];

export interface PrepFollowUpRules {
  /** The first follow-up after the start (or a restart). */
  readonly firstAfterMonths: number;
  /** Every following one, counted from the last follow-up visit. */
  readonly everyMonths: number;
  /** Lost to follow-up: no visit this long after the due date. */
  readonly lostAfterMonths: number;
  /** "Due this week": due from today to today + (days − 1). */
  readonly dueSoonDays: number;
}

/** domain.md: first at 1 month then every 3 months; lost = no visit 3 months after the due date. */
export const DEFAULT_PREP_FOLLOW_UP: PrepFollowUpRules = {
  firstAfterMonths: 1,
  everyMonths: 3,
  lostAfterMonths: 3,
  dueSoonDays: 7,
};

export const VACCINE_CODES = ['hpv', 'hepatitis_a', 'hepatitis_b', 'mpox'] as const;
export type VaccineCode = (typeof VACCINE_CODES)[number];

/** A calendar offset: months are counted the way a nurse counts them (31 Jan + 1 month = end of Feb). */
export interface CalendarOffset {
  readonly months?: number;
  readonly days?: number;
}

export interface VaccineSchedule {
  readonly code: VaccineCode;
  /** When each dose falls, counted from the first dose (the first is always 0). */
  readonly doses: readonly CalendarOffset[];
  /** The latest a dose may be given, from the first dose, where domain.md gives a window (HAV 6–12 months). */
  readonly latest?: Readonly<Record<number, CalendarOffset>>;
  /** Doses needed by a person vaccinated against smallpox (mpox: 1). */
  readonly dosesIfSmallpoxVaccinated?: number;
  /**
   * The shortest gap between two doses below which a dose is refused (mpox: 28 days). Only where
   * the catalogue says so: the schedule's offsets are when a dose is *due*, and a dose given earlier
   * than due has still been given and must be recordable as it happened.
   */
  readonly minIntervalDays?: number;
  /**
   * A booster: due this many months after the last dose once the course is complete (and again
   * after each booster). Only where the centre's catalogue says so: domain.md gives no booster for
   * the shipped vaccines, so none of the defaults sets one (docs/clinical-pathway.md section 15).
   */
  readonly boosterAfterMonths?: number;
}

/** domain.md, "Vaccines" (defaults, not medical advice). */
export const DEFAULT_VACCINE_CATALOGUE: Readonly<Record<VaccineCode, VaccineSchedule>> = {
  hpv: { code: 'hpv', doses: [{ months: 0 }, { months: 2 }, { months: 6 }] },
  hepatitis_a: {
    code: 'hepatitis_a',
    doses: [{ months: 0 }, { months: 6 }],
    latest: { 2: { months: 12 } },
  },
  hepatitis_b: { code: 'hepatitis_b', doses: [{ months: 0 }, { months: 1 }, { months: 6 }] },
  mpox: {
    code: 'mpox',
    doses: [{ days: 0 }, { days: 28 }],
    dosesIfSmallpoxVaccinated: 1,
    minIntervalDays: 28,
  },
};

/**
 * The coded diagnoses a consultation may record (ICD-10, WHO 2019 edition): the STIs, HIV, the
 * viral hepatitis and mpox. domain.md names the conditions but not their codes; these are the
 * standard ICD-10 categories. Each carries the infection it belongs to where one applies, so a
 * diagnosis can open a "to treat" item or a hospital referral.
 */
export interface DiagnosisDefinition {
  readonly code: string;
  readonly infection?: Infection;
}

export const DEFAULT_DIAGNOSES = [
  { code: 'A51', infection: 'syphilis' }, // early syphilis
  { code: 'A52', infection: 'syphilis' }, // late syphilis
  { code: 'A53', infection: 'syphilis' }, // other and unspecified syphilis
  { code: 'A54', infection: 'gonorrhoea' }, // gonococcal infection
  { code: 'A55', infection: 'chlamydia' }, // chlamydial lymphogranuloma (venereum)
  { code: 'A56', infection: 'chlamydia' }, // other sexually transmitted chlamydial diseases
  { code: 'A59' }, // trichomoniasis
  { code: 'A60' }, // anogenital herpesviral infection
  { code: 'A63.0' }, // anogenital (venereal) warts
  { code: 'A64' }, // unspecified sexually transmitted disease
  { code: 'B15' }, // acute hepatitis A
  { code: 'B16', infection: 'hbv' }, // acute hepatitis B
  { code: 'B17.1', infection: 'hcv' }, // acute hepatitis C
  { code: 'B18.1', infection: 'hbv' }, // chronic viral hepatitis B without delta-agent
  { code: 'B18.2', infection: 'hcv' }, // chronic viral hepatitis C
  { code: 'B20', infection: 'hiv' }, // HIV disease resulting in infectious and parasitic diseases
  { code: 'B24', infection: 'hiv' }, // unspecified HIV disease
  { code: 'Z21', infection: 'hiv' }, // asymptomatic HIV infection status
  { code: 'B04', infection: 'mpox' }, // monkeypox (mpox)
] as const satisfies readonly DiagnosisDefinition[];
export type DiagnosisCode = (typeof DEFAULT_DIAGNOSES)[number]['code'];

/**
 * A catalogue entry may be retired (`active: false`): it is no longer offered for new records but
 * stays readable on the old ones. An entry without the flag is active (the shipped defaults).
 */
export interface Retirable {
  readonly active?: boolean;
}

/** A diagnosis the centre added: its free label stands where the i18n label of a shipped code would. */
export interface CentreDiagnosis extends DiagnosisDefinition, Retirable {
  readonly label?: string;
}

/**
 * The specialties a person may be referred to inside the centre (domain.md, "Specialist
 * consultations"). Shipped codes are labelled in i18n; a specialty the centre adds carries its label.
 */
export const DEFAULT_SPECIALTY_CODES = [
  'gynaecology',
  'addictology',
  'sexology',
  'psychology',
  'social',
  'hormone_therapy',
] as const;

export interface SpecialtyDefinition {
  readonly code: string;
  readonly active: boolean;
  readonly label?: string;
}

export const DEFAULT_SPECIALTIES: readonly SpecialtyDefinition[] = DEFAULT_SPECIALTY_CODES.map((code) => ({
  code,
  active: true,
}));

/** eGFR (mL/min/1.73 m²): below `alertBelow` raises the PrEP alert; outside [min, max] is refused as a typing error. */
export interface EgfrRules {
  readonly alertBelow: number;
  readonly min: number;
  readonly max: number;
}

export const DEFAULT_EGFR: EgfrRules = { alertBelow: 60, min: 1, max: 200 };

/** The centre's editable catalogues, each versioned in `catalogue_version`. */
export const CATALOGUE_KEYS = [
  'tests',
  'treatments',
  'prep',
  'vaccines',
  'diagnoses',
  'specialties',
  'egfr',
] as const;
export type CatalogueKey = (typeof CATALOGUE_KEYS)[number];

export type CentreTestDefinition = TestDefinition & Retirable;

export interface CatalogueContent {
  tests: Readonly<Record<TestCode, CentreTestDefinition>>;
  treatments: Readonly<Partial<Record<Infection, TreatmentDefault>>>;
  prep: PrepFollowUpRules;
  vaccines: Readonly<Record<VaccineCode, VaccineSchedule>>;
  diagnoses: readonly CentreDiagnosis[];
  specialties: readonly SpecialtyDefinition[];
  egfr: EgfrRules;
}

/** What a centre has before anyone edits a catalogue (version 0). */
export const DEFAULT_CATALOGUES: { readonly [K in CatalogueKey]: CatalogueContent[K] } = {
  tests: DEFAULT_TEST_CATALOGUE,
  treatments: DEFAULT_TREATMENTS,
  prep: DEFAULT_PREP_FOLLOW_UP,
  vaccines: DEFAULT_VACCINE_CATALOGUE,
  diagnoses: DEFAULT_DIAGNOSES,
  specialties: DEFAULT_SPECIALTIES,
  egfr: DEFAULT_EGFR,
};

/** A test, diagnosis or specialty is offered for new records unless it was retired. */
export function isActive(entry: Retirable): boolean {
  return entry.active !== false;
}
