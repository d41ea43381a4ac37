/**
 * Entry of the core process. In the desktop app, electron/main forks it as a `utilityProcess`
 * (bundled as dist/main/core-process.js) and talks to it over `process.parentPort`; under plain
 * Node (tests) it is a `child_process.fork` child and talks over the IPC channel. No `electron`
 * import: the core stays runnable in any Node process.
 *
 * Long reads run inline here: worker threads cannot load scripts from app.asar
 * (electron/electron#22446), and this process is already off the window's path.
 */
import { createCore } from '../index';
import { hostCore, type PortLike } from './core-host';
import type { FromCore } from './core-protocol';

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function parentPortOf(): PortLike {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort)
    return {
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      post: (message: FromCore) => electronPort.postMessage(message),
    };
  const send = process.send?.bind(process);
  if (!send) throw new Error('core-process must be started by the Parcours shell (utilityProcess or fork)');
  // Orphaned (the parent died without killing us): nothing would ever call again.
  process.once('disconnect', () => process.exit(0));
  return {
    onMessage: (listener) => process.on('message', listener),
    post: (message: FromCore) => void send(message),
  };
}

hostCore(parentPortOf(), (init) =>
  createCore({
    dataDir: init.dataDir,
    owner: 'desktop',
    longReads: 'inline',
    ...(init.nativeBinding === undefined ? {} : { nativeBinding: init.nativeBinding }),
  }),
);
