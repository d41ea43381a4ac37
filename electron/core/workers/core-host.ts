/**
 * The core process's side of core-protocol.ts: creates the core on `init`, answers each call with
 * its envelope, locks and closes on request. Transport-agnostic (a `PortLike`), so that Node tests
 * drive it through a child process exactly as Electron drives it through a utilityProcess.
 */
import { fail } from '../../../shared/contract/envelope';
import type { CoreApi } from '../api/types';
import { isToCore, type CoreProcessInit, type FromCore } from './core-protocol';

export interface PortLike {
  onMessage(listener: (message: unknown) => void): void;
  post(message: FromCore): void;
}

export function hostCore(port: PortLike, open: (init: CoreProcessInit) => Promise<CoreApi>): void {
  let core: Promise<CoreApi> | null = null;

  port.onMessage((message) => {
    if (!isToCore(message)) return;
    if (message.kind === 'init') {
      if (core) return;
      const init = message.init;
      // A synchronous throw becomes a rejection too: it is reported, not a crash loop.
      core = Promise.resolve().then(() => open(init));
      core.then(
        () => port.post({ kind: 'ready' }),
        (err: unknown) => {
          // Paths and installation problems only (no data is open yet); main shows it at start-up
          // and ends this process.
          port.post({ kind: 'init_failed', message: err instanceof Error ? err.message : String(err) });
        },
      );
      return;
    }
    if (!core) {
      // Main waits for `ready` before sending anything else; answer rather than leave it pending.
      if (message.kind === 'call')
        port.post({ kind: 'result', id: message.id, result: fail('store_unavailable', 'core not started') });
      else port.post({ kind: 'done', id: message.id });
      return;
    }
    void core.then(async (open) => {
      switch (message.kind) {
        case 'call': {
          const result = await open.dispatch(message.channel, message.input, {
            token: message.token,
            transport: message.transport,
          });
          port.post({ kind: 'result', id: message.id, result });
          return;
        }
        case 'lockAll':
          open.lockAllSessions();
          port.post({ kind: 'done', id: message.id });
          return;
        case 'close':
          await open.close();
          port.post({ kind: 'done', id: message.id });
          return;
      }
    });
  });
}
