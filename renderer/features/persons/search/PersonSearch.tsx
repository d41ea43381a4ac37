/**
 * The global search, from anywhere in the shell: Ctrl+K (or "/" when not typing in a field).
 * It lives in the shell so that reception can find someone without leaving the screen they are
 * on; checking a person in from a result takes two keystrokes (Alt+Enter, then Enter).
 */
import { useCallback, useEffect, useState } from 'react';
import { isTextField } from '../../../app/shortcuts';
import { CheckInModal, type CheckInPerson } from '../../visits/CheckInModal';
import { forgetNewPersonName } from '../new-person-draft';
import { SearchModal } from './SearchModal';

/** Opens on Ctrl/Cmd+K anywhere, on "/" outside fields and dialogs (any keyboard layout). */
function useSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash =
        event.key === '/' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isTextField(event.target) &&
        document.querySelector('[role="dialog"]') === null;
      if (!modK && !slash) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

export function PersonSearch() {
  const [opened, setOpened] = useState(false);
  const [checkIn, setCheckIn] = useState<CheckInPerson | null>(null);
  const open = useCallback(() => setOpened(true), []);
  useSearchShortcut(open);
  // The shell goes away on lock and logout: a typed name must not outlive it.
  useEffect(() => forgetNewPersonName, []);

  return (
    <>
      {opened && (
        <SearchModal
          onClose={() => setOpened(false)}
          onCheckIn={(person) => {
            setOpened(false);
            setCheckIn(person);
          }}
        />
      )}
      {checkIn && <CheckInModal person={checkIn} onClose={() => setCheckIn(null)} />}
    </>
  );
}
