/**
 * How the renderer reaches the core. Two transports carry the same envelopes:
 * - IPC inside Electron, through the narrow bridge the preload exposes as `window.parcours`;
 * - HTTP against `parcours serve` (clinic server, plain browsers, end-to-end tests).
 * The choice is made once at start-up: the bridge exists only inside Electron.
 */
import type { ChannelInput, ChannelName } from '../../shared/contract';
import type { ParcoursBridge } from '../../shared/contract/bridge';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  /** Sends one call and resolves with the raw envelope; rejects only when the core cannot be reached. */
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>, token: string | null): Promise<unknown>;
  /** Subscribes to locks decided outside the page (screen lock, suspend); returns the unsubscribe. */
  onExternalLock(callback: () => void): () => void;
}

export function ipcTransport(bridge: ParcoursBridge): Transport {
  return {
    kind: 'ipc',
    invoke: (channel, input, token) => bridge.invoke(channel, input, token ?? undefined),
    onExternalLock: (callback) => bridge.onLocked(callback),
  };
}

export function httpTransport(apiBase = '/api/'): Transport {
  return {
    kind: 'http',
    async invoke(channel, input, token) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      const response = await fetch(`${apiBase}${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        // The token travels in the header only: no cookie is ever set or sent.
        credentials: 'omit',
        cache: 'no-store',
      });
      // Envelopes come with status 200; anything else that still carries JSON is read as is so that
      // a proxy or server error keeps its code when it has one.
      return (await response.json()) as unknown;
    },
    // Over HTTP the server's locks show up as `locked` answers to the next call.
    onExternalLock: () => () => undefined,
  };
}

export function chooseTransport(): Transport {
  return window.parcours ? ipcTransport(window.parcours) : httpTransport();
}
