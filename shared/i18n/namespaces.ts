/**
 * The text namespaces, one line each: a namespace is a folder beside this file holding `fr.ts`,
 * `en.ts` and an `index.ts` that exports both. A key is written `<namespace>.<path>`
 * (`persons.form.createTitle`); the keys of `common` are written without a prefix
 * (`app.save`, `errors.conflict`). See docs/i18n.md.
 */
export * as common from './common';
export * as appointments from './appointments';
export * as attachments from './attachments';
export * as audit from './audit';
export * as auth from './auth';
export * as board from './board';
export * as casePlans from './casePlans';
export * as centre from './centre';
export * as clinicalCatalogues from './clinicalCatalogues';
export * as consents from './consents';
export * as consultations from './consultations';
export * as directory from './directory';
export * as dossier from './dossier';
export * as economicAutonomy from './economicAutonomy';
export * as interviews from './interviews';
export * as legal from './legal';
export * as meetings from './meetings';
export * as persons from './persons';
export * as prep from './prep';
export * as psySupport from './psySupport';
export * as referrals from './referrals';
export * as screenings from './screenings';
export * as search from './search';
export * as socialSupport from './socialSupport';
export * as treatments from './treatments';
export * as setup from './setup';
export * as unavailable from './unavailable';
export * as users from './users';
export * as vaccinations from './vaccinations';
export * as violence from './violence';
export * as visits from './visits';
export * as waitingLists from './waitingLists';
export * as worklists from './worklists';
