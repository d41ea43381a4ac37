/**
 * What the dossier mounts from the directory feature (owned by the reception/agenda/directory
 * helper): `ReferralDialog` (props `personId`, `onDone`) and `ReferralList` (props `referrals`,
 * `onChanged`, optional `readOnly`). See the comments at the top of each file.
 */
export { ReferralDialog } from './ReferralDialog';
export { ReferralList } from './ReferralList';
