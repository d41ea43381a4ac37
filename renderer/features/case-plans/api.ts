/** The case-plan feature's writes: each changes the tab, the dossier's header (pointer, alert) and the timeline. */
import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { usersKeys } from '../users/query-keys';
import { personChanged } from '../persons/query-keys';

const onPerson = {
  invalidates: (input: { personId: string }) => personChanged(input.personId),
  invalidatesAlways: (input: { personId: string }) => personChanged(input.personId),
};

export const useOpenPlan = () => useCoreMutation('casePlans.open', onPerson);
export const useSetPlanStatus = () => useCoreMutation('casePlans.setStatus', onPerson);
export const useSetPlanSites = () => useCoreMutation('casePlans.setSites', onPerson);
export const useSetPlanReferent = () => useCoreMutation('casePlans.setReferent', onPerson);
export const useSavePlanItem = () => useCoreMutation('casePlans.saveItem', onPerson);
export const useSavePlanAction = () => useCoreMutation('casePlans.saveAction', onPerson);
export const useSaveSafetyPlan = () => useCoreMutation('casePlans.saveSafetyPlan', onPerson);
export const useReviewSafetyPlan = () => useCoreMutation('casePlans.reviewSafetyPlan', onPerson);

/** The staff who may own an action (names and roles only; any signed-in user may ask). */
export function useStaff() {
  return useQuery({
    queryKey: usersKeys.professionals(null),
    queryFn: () => callOrThrow('users.professionals', {}),
  });
}
