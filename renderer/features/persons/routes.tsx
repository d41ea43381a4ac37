/**
 * The person screens: search, new file, dossier (with its tab in the address), edit. Nothing
 * personal goes into the address: ids only (a typed name is handed to the creation form in memory,
 * see new-person-draft.ts).
 */
import { createRoute, notFound } from '@tanstack/react-router';
import { PersonsIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { SIGNED_IN } from '../../app/route-access';
import { DOSSIER_TABS } from '../../app/dossier-registry';
import { DossierPage } from './dossier/DossierPage';
import { EditPersonPage, NewPersonPage } from './form/PersonFormPage';
import { PersonsPage } from './PersonsPage';

/** A tab's key in the address: one of the tabs the features registered. */
export type DossierTab = string;

export function isDossierTab(value: string | null | undefined): value is DossierTab {
  return value != null && DOSSIER_TABS.some((tab) => tab.key === value);
}

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'persons',
  staticData: { access: SIGNED_IN, nav: { labelKey: 'nav.persons', icon: PersonsIcon, order: 20 } },
  component: PersonsPage,
});

const newRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'persons/new',
  staticData: { access: SIGNED_IN },
  component: NewPersonPage,
});

/**
 * `#/persons/<id>` and `#/persons/<id>/<tab>`: one route (optional segment), so changing tab keeps
 * the dossier mounted — a remount would read the dossier again, and every read is audited.
 */
const dossierRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'persons/$id/{-$tab}',
  staticData: { access: SIGNED_IN },
  beforeLoad: ({ params }) => {
    // A tab that does not exist is an address that does not exist, not a silent default tab.
    if (params.tab !== undefined && !isDossierTab(params.tab)) throw notFound();
  },
  component: DossierScreen,
});

function DossierScreen() {
  const { id, tab } = dossierRoute.useParams();
  return <DossierPage key={id} id={id} tab={isDossierTab(tab) ? tab : null} />;
}

const editRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'persons/$id/edit',
  staticData: { access: SIGNED_IN },
  component: EditScreen,
});

function EditScreen() {
  const { id } = editRoute.useParams();
  return <EditPersonPage key={id} id={id} />;
}

export const personsRoutes = [searchRoute, newRoute, dossierRoute, editRoute] as const;
