/** The economic-autonomy feature's writes: each changes the tab (and the dossier's header). */
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

const onPerson = {
  invalidates: (input: { personId: string }) => personChanged(input.personId),
  invalidatesAlways: (input: { personId: string }) => personChanged(input.personId),
};

export const useSaveTraining = () => useCoreMutation('economicAutonomy.saveTraining', onPerson);
export const useSaveMicroCredit = () => useCoreMutation('economicAutonomy.saveMicroCredit', onPerson);
export const useAddMicroCreditStep = () => useCoreMutation('economicAutonomy.addMicroCreditStep', onPerson);

/** Text kept exactly as typed; null only when nothing but blanks was typed. */
export function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}
