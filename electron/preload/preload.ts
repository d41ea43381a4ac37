/**
 * The preload runs sandboxed in an isolated world. It exposes exactly one object,
 * `window.parcours` with `invoke` and `onLocked`, and never ipcRenderer, an IPC event, or any
 * Node API: the page gets functions that take data and return data.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  fail,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type Result,
} from '../../shared/contract';
import {
  BRIDGE_KEY,
  IPC_CHANNEL_PREFIX,
  LOCKED_EVENT,
  isPlainData,
  type ParcoursBridge,
} from '../../shared/contract/bridge';

const bridge: ParcoursBridge = {
  invoke<C extends ChannelName>(
    channel: C,
    input: unknown,
    token?: string,
  ): Promise<Result<ChannelOutput<C>>> {
    // Checked before ipcRenderer is touched: a name outside the contract never leaves the page.
    // isChannelName tests own keys of the contract, so "__proto__" and friends are refused too.
    if (!isChannelName(channel)) return Promise.resolve(fail('forbidden', 'Unknown channel'));
    if (token !== undefined && typeof token !== 'string')
      return Promise.resolve(fail('validation', 'Session token must be a string', { field: 'token' }));
    if (!isPlainData(input)) return Promise.resolve(fail('validation', 'Input must be plain data'));
    return ipcRenderer.invoke(IPC_CHANNEL_PREFIX + channel, input, token) as Promise<
      Result<ChannelOutput<C>>
    >;
  },

  onLocked(callback: () => void): () => void {
    if (typeof callback !== 'function') throw new TypeError('onLocked expects a function');
    // The IPC event is not passed on: its `sender` is ipcRenderer itself.
    const listener = (): void => callback();
    ipcRenderer.on(LOCKED_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(LOCKED_EVENT, listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
