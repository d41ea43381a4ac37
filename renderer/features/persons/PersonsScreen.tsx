/** Everything under `#/persons`: search, new file, dossier, edit, interview. */
import { InterviewFormPage } from '../interviews/InterviewFormPage';
import { DossierPage } from './dossier/DossierPage';
import { EditPersonPage, NewPersonPage } from './form/PersonFormPage';
import { PersonsPage } from './PersonsPage';
import { usePersonsView } from './routes';

export function PersonsScreen() {
  const view = usePersonsView();
  switch (view.kind) {
    case 'search':
      return <PersonsPage />;
    case 'new':
      return <NewPersonPage />;
    case 'edit':
      return <EditPersonPage key={view.id} id={view.id} />;
    case 'dossier':
      return <DossierPage key={view.id} id={view.id} tab={view.tab} />;
    case 'interview':
      return (
        <InterviewFormPage
          key={`${view.personId}/${view.interviewId ?? 'new'}/${view.visitId ?? ''}`}
          personId={view.personId}
          interviewId={view.interviewId}
          visitId={view.visitId}
        />
      );
  }
}
