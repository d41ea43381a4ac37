/**
 * A long-read worker entry for tests: the real worker (serveLongReads), except that every job
 * first opens its read snapshot and waits on a latch the test holds, so a test can keep a long
 * read running (snapshot taken, handler not finished) for as long as it needs without any timing. The latch is an Int32Array over a SharedArrayBuffer (workerData.extra):
 *   [0] 0 = hold, 1 = go, 2 = crash (the worker thread exits, as on a fatal error)
 *   [1] how many jobs have reached the latch
 */
import { serveLongReads } from '../../../electron/core/workers/long-read-serve';

const HOLD = 0;
const CRASH = 2;

serveLongReads({
  beforeRun(_channel, extra, store) {
    const latch = new Int32Array(extra as SharedArrayBuffer);
    // Take the read snapshot first (WAL): what the job reads is fixed from here, whatever the core
    // commits while it waits.
    store.handle.exec('BEGIN');
    store.handle.prepare('SELECT count(*) FROM audit_log').get();
    Atomics.add(latch, 1, 1);
    Atomics.notify(latch, 1);
    // Blocks this worker thread only: the core's thread is the one the test watches.
    Atomics.wait(latch, 0, HOLD);
    if (Atomics.load(latch, 0) === CRASH) process.exit(3);
  },
  afterRun(_channel, _extra, store) {
    store.handle.exec('COMMIT');
  },
});
