/** The person feature's own dossier tabs: identity, consents, the timeline and "who looked at my file". */
import { IdentityPanel } from './IdentityPanel';
import { ConsentsPanel } from '../consents/ConsentsPanel';
import { AccessLogPanel } from './AccessLogPanel';
import { TimelinePanel } from './TimelinePanel';
import { isDrawn, type DossierTabDef } from './dossier-tab';

export const identityTab: DossierTabDef = {
  key: 'identity',
  labelKey: 'dossier.tabs.identity',
  section: null,
  order: 10,
  Component: ({ dossier }) => <IdentityPanel person={dossier.person} siteCode={dossier.siteCode} />,
};

export const consentsTab: DossierTabDef = {
  key: 'consents',
  labelKey: 'dossier.tabs.consents',
  section: 'consent',
  order: 20,
  Component: ({ dossier, view, readOnly }) =>
    isDrawn(view) ? <ConsentsPanel personId={dossier.person.id} readOnly={readOnly} /> : null,
};

export const timelineTab: DossierTabDef = {
  key: 'timeline',
  labelKey: 'dossier.tabs.timeline',
  section: null,
  order: 90,
  Component: ({ dossier }) => <TimelinePanel personId={dossier.person.id} />,
};

export const accessTab: DossierTabDef = {
  key: 'access',
  labelKey: 'dossier.tabs.access',
  section: null,
  order: 100,
  Component: ({ dossier }) => <AccessLogPanel personId={dossier.person.id} />,
};
