import { randomInt } from 'node:crypto';
import { normalizeUsername } from '../../db/keyring';
import { invalid } from '../../errors';
import { estimatePassword } from '../../../../shared/domain/password-strength';

const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password a coordinator can read aloud or hand over: 3 groups of 4 (~59 bits). */
export function temporaryPassword(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** Rules beyond length (checked by the contract): the field named is the one shown in the form. */
export function checkNewPassword(
  field: string,
  password: string,
  username: string,
  previous?: string,
  context: readonly string[] = [],
): void {
  if (normalizeUsername(password).includes(normalizeUsername(username)))
    throw invalid(field, 'password_same_as_username');
  if (previous !== undefined && password === previous) throw invalid(field, 'password_reused');
  // Each staff password unwraps the data key offline: one a dictionary finds opens every file.
  if (!estimatePassword(password, [username, ...context]).strongEnough)
    throw invalid(field, 'password_too_weak');
}
