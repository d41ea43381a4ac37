/**
 * Forks the core process as an Electron `utilityProcess` (a Chromium-launched child with Node):
 * the store, the sessions and the data key live there, the main process only forwards calls to it
 * (core-client.ts). It talks over `process.parentPort` / `child.postMessage`, structured-cloned.
 */
import { utilityProcess } from 'electron';
import type { ToCore } from '../core/workers/core-protocol';
import type { CoreProcess } from './core-client';
import { CORE_PROCESS_PATH } from './paths';

export function forkCoreProcess(): CoreProcess {
  const child = utilityProcess.fork(CORE_PROCESS_PATH, [], {
    serviceName: 'Parcours core',
    // The core logs kinds and counts to stderr (never data); it joins the shell's output.
    stdio: 'inherit',
  });
  return {
    post: (message: ToCore) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', listener),
    kill: () => {
      child.kill();
    },
  };
}
