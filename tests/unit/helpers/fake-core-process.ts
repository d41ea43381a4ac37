/**
 * A stand-in core process for the protocol tests (tests/unit/core-process.test.ts): the real
 * `hostCore` loop over the Node IPC channel, in front of a fake core whose channels let a test
 * decide the order of answers and the moment of a crash, with no timing:
 *   'echo'    answers { ok: true, value: input } at once
 *   'hold'    answers only when a 'release' call names its input
 *   'release' releases the held call whose input equals this input
 *   'crash'   ends the process abruptly (as a native crash would)
 *   'freeze'  blocks the process's event loop for good (as an endless loop would)
 * FAKE_CORE_INIT_FAIL=1 makes `init` fail, as a core that cannot create its data folder.
 */
import { ok, type Result } from '../../../shared/contract/envelope';
import type { CoreApi } from '../../../electron/core/api/types';
import { hostCore } from '../../../electron/core/workers/core-host';

const held = new Map<string, (r: Result<unknown>) => void>();
let locks = 0;

const fake: CoreApi = {
  dispatch(channel, input) {
    switch (channel) {
      case 'hold':
        return new Promise((resolve) => held.set(String(input), resolve));
      case 'release': {
        held.get(String(input))?.(ok(`held ${String(input)}`));
        held.delete(String(input));
        return Promise.resolve(ok('released'));
      }
      case 'locks':
        return Promise.resolve(ok(locks));
      case 'crash':
        process.kill(process.pid, 'SIGKILL');
        return new Promise(() => undefined);
      case 'freeze':
        for (;;) {
          // Spin: nothing else in this process runs again.
        }
      default:
        return Promise.resolve(ok(input));
    }
  },
  lockAllSessions() {
    locks += 1;
  },
  close: () => Promise.resolve(),
};

const send = process.send!.bind(process);
hostCore(
  { onMessage: (listener) => process.on('message', listener), post: (message) => void send(message) },
  () =>
    process.env.FAKE_CORE_INIT_FAIL === '1'
      ? Promise.reject(new Error('cannot create the data folder'))
      : Promise.resolve(fake),
);
process.once('disconnect', () => process.exit(0));
