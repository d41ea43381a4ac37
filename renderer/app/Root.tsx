/**
 * What the window shows, decided in one place: set-up, unavailable data, login, forced password
 * change, or the application, with the lock screen over it while the session is locked. Nothing
 * behind the password change is mounted. The lock hides the application without unmounting it
 * (AppLayer.tsx): the same user unlocking finds their screen and their typing as they left them;
 * another user signs in only after a sign-out, which unmounts it all.
 */
import { useState } from 'react';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginPage } from '../features/auth/LoginPage';
import { useSetupStatus } from '../features/setup/api';
import { SetupWizard } from '../features/setup/SetupWizard';
import { UnavailablePage } from '../features/setup/UnavailablePage';
import { AppLayer } from './AppLayer';
import { FullPageError, FullPageLoader } from './FullPage';
import { useIdleLock } from './idle';
import { AppRouter } from './router';
import { lockSession, useSession, type RendererSession } from './session';
import { UnsavedWorkDialog } from './UnsavedWorkDialog';

export function Root() {
  const session = useSession();
  const active = session !== null && !session.state.locked;
  useIdleLock(active ? session.state.autoLockMinutes : null, () => void lockSession(true));

  return (
    <>
      {session ? <SignedIn session={session} /> : <Entrance />}
      <UnsavedWorkDialog />
    </>
  );
}

function SignedIn({ session }: { session: RendererSession }) {
  const { locked, mustChangePassword, user } = session.state;
  if (mustChangePassword)
    return locked ? <LockScreen session={session} /> : <ChangePasswordPage session={session} />;
  return (
    <>
      {/* Keyed by the user: whatever happens, one user's screen is never another's. */}
      <AppLayer key={user.id} locked={locked}>
        <AppRouter session={session} />
      </AppLayer>
      {locked && <LockScreen session={session} />}
    </>
  );
}

/** Before any session: the state of the store decides between set-up, a problem page and login. */
function Entrance() {
  const status = useSetupStatus();
  // Once set-up has begun the wizard stays until its recovery code is acknowledged, whatever the
  // store says meanwhile (it is already set up by the time the code is shown).
  const [wizardOpen, setWizardOpen] = useState(false);

  if (status.isPending) return <FullPageLoader />;
  if (status.isError) return <FullPageError error={status.error} onRetry={() => void status.refetch()} />;

  const { state, problem } = status.data;
  if (state === 'needs_setup' || wizardOpen) {
    return (
      <SetupWizard
        onInitialized={() => setWizardOpen(true)}
        onDone={() => {
          // Close the wizard only once the new state is known, or it would flash back to step one.
          void status.refetch().finally(() => setWizardOpen(false));
        }}
      />
    );
  }
  if (state === 'unavailable')
    return <UnavailablePage problem={problem} onCheckAgain={() => void status.refetch()} />;
  return <LoginPage />;
}
