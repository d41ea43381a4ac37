/**
 * Where the person screens are, for links and navigation from any feature:
 * `navigate(personLinks.dossier(id, 'interviews'))` or `<Link {...personLinks.dossier(id)} />`.
 * Typed against the route tree, so a renamed route or a missing parameter fails to compile.
 */
import { linkOptions } from '@tanstack/react-router';
import type { DossierTab } from './routes';

export const personLinks = {
  search: () => linkOptions({ to: '/persons' }),
  create: () => linkOptions({ to: '/persons/new' }),
  dossier: (id: string, tab?: DossierTab) => linkOptions({ to: '/persons/$id/{-$tab}', params: { id, tab } }),
  edit: (id: string) => linkOptions({ to: '/persons/$id/edit', params: { id } }),
};
