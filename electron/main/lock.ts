/**
 * Auto-lock: when the workstation's screen locks or the system suspends, every session is locked
 * in the core (so any call with the old token answers `locked`), then each window is told so it
 * can show the unlock screen at once. The core is the authority: even a window that misses the
 * event cannot read anything until the user unlocks.
 */
import { powerMonitor } from 'electron';
import { LOCKED_EVENT } from '../../shared/contract/bridge';
import type { CoreApi } from '../core/api/types';
import { errorKind, logEvent } from './log';
import { trustedWebContents } from './window';

export function lockEverything(core: CoreApi, reason: string): void {
  try {
    core.lockAllSessions();
  } catch (err) {
    logEvent('lock.failed', { reason, kind: errorKind(err) });
  }
  for (const contents of trustedWebContents()) contents.send(LOCKED_EVENT);
  logEvent('sessions.locked', { reason });
}

/**
 * 'lock-screen': Windows, macOS, and Linux desktops that announce it on D-Bus.
 * 'suspend': every platform. 'user-did-resign-active': macOS fast user switching.
 * Returns the function that removes the listeners.
 */
export function installAutoLock(core: CoreApi): () => void {
  const onLockScreen = (): void => lockEverything(core, 'lock-screen');
  const onSuspend = (): void => lockEverything(core, 'suspend');
  const onResignActive = (): void => lockEverything(core, 'user-switch');
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('user-did-resign-active', onResignActive);
  return () => {
    powerMonitor.removeListener('lock-screen', onLockScreen);
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('user-did-resign-active', onResignActive);
  };
}
