/**
 * The Electron bridge: the one object the preload exposes to the page as `window.parcours`.
 * Declared here, in shared/, so that the preload (which implements it), the main process (which
 * answers it) and the renderer's typed client (which calls it) agree on one shape.
 *
 * In a browser (the `parcours serve` transport) `window.parcours` does not exist; the renderer
 * then talks HTTP. That is why the global is declared optional.
 */
import type { ChannelInput, ChannelName, ChannelOutput } from './index';
import type { Result } from './envelope';

export interface ParcoursBridge {
  /**
   * Calls one channel of the contract. Resolves with the envelope; never rejects for a refused
   * call (unknown channel, non-plain input): those resolve with `{ ok: false }` like any other
   * refusal, so the typed client has one error path.
   */
  invoke<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    token?: string,
  ): Promise<Result<ChannelOutput<C>>>;
  /**
   * Called when the main process locked every session (screen locked, system suspended).
   * Returns the function that unsubscribes.
   */
  onLocked(callback: () => void): () => void;
}

/** The name of the global the preload defines. */
export const BRIDGE_KEY = 'parcours';
/** Every contract channel is bound in ipcMain as `parcours:<channel>`, one handler each. */
export const IPC_CHANNEL_PREFIX = 'parcours:';
/** Main → renderer event: the sessions were locked. Contract channel names contain a dot; this does not. */
export const LOCKED_EVENT = 'parcours:locked';

/** How deep plain data may nest; deeper is refused rather than walked (a hostile page could send a huge chain). */
export const MAX_PLAIN_DATA_DEPTH = 32;

/**
 * True when `value` is JSON-like data: null, boolean, finite number, string, arrays and plain
 * objects of those (undefined allowed as a property value, as JSON drops it). Both transports
 * then carry exactly the same kind of input: what the HTTP transport can receive as JSON is
 * what IPC accepts, no Date, Map, typed array, function or class instance.
 */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > MAX_PLAIN_DATA_DEPTH) return false;
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      // Symbol keys and accessors are not data: refuse rather than let a getter run later.
      if (Object.getOwnPropertySymbols(value).length > 0) return false;
      return Object.entries(Object.getOwnPropertyDescriptors(value)).every(
        ([, descriptor]) => 'value' in descriptor && isPlainData(descriptor.value, depth + 1),
      );
    }
    default:
      return false;
  }
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (see electron/preload/preload.ts). */
    parcours?: ParcoursBridge;
  }
}
