/** "Résultats du laboratoire": the laboratory CSV import (permission `results.import`: nurses, doctors). */
import { createRoute } from '@tanstack/react-router';
import { Icon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { LabImportPage } from './LabImportPage';

/** A test tube. */
function LabIcon() {
  return (
    <Icon>
      <path d="M9 3h6M10 3v14a2 2 0 0 0 4 0V3M10 12h4" />
    </Icon>
  );
}

const labImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lab-results',
  staticData: {
    access: { permission: 'results.import' },
    nav: { labelKey: 'screenings.labImport.nav', icon: LabIcon, order: 48 },
  },
  component: LabImportPage,
});

export const labImportRoutes = [labImportRoute] as const;
