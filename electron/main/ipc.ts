/**
 * The IPC transport: one `ipcMain.handle('parcours:<channel>')` per channel of the contract, and
 * nothing else. There is no generic "call any method" channel, so what the renderer can reach is
 * exactly CHANNEL_NAMES; each handler checks who is calling before the core sees anything.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, fail, type ChannelName, type Result } from '../../shared/contract';
import { IPC_CHANNEL_PREFIX, LOCKED_EVENT, isPlainData } from '../../shared/contract/bridge';
import type { CoreApi } from '../core/api/types';
import { isTrustedSender } from './policy';
import { errorKind, logEvent } from './log';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function ipcChannelOf(channel: ChannelName): string {
  return IPC_CHANNEL_PREFIX + channel;
}

/** The sender check bound to the registry of our windows. */
export function trustedSenderCheck(trustedIds: ReadonlySet<number>): SenderCheck {
  return (event) => isTrustedSender(event, trustedIds);
}

async function handle(
  core: CoreApi,
  channel: ChannelName,
  event: IpcMainInvokeEvent,
  input: unknown,
  token: unknown,
  isTrusted: SenderCheck,
): Promise<Result<unknown>> {
  if (!isTrusted(event)) {
    logEvent('ipc.refused_sender', { channel });
    return fail('forbidden', 'Caller is not a Parcours window');
  }
  if (token !== undefined && typeof token !== 'string')
    return fail('validation', 'Session token must be a string', { field: 'token' });
  // The preload refuses non-JSON input already; checked again here because this side is the boundary.
  if (!isPlainData(input)) return fail('validation', 'Input must be plain data');
  try {
    // The core parses `input` with the channel's zod schema, then checks session and access.
    return await core.dispatch(channel, input, { token, transport: 'ipc' });
  } catch (err) {
    // dispatch answers with envelopes; a throw is a bug. Log its kind only, never its message
    // (it could quote the input).
    logEvent('ipc.dispatch_threw', { channel, kind: errorKind(err) });
    return fail('internal', 'Internal error');
  }
}

/** Binds every channel; returns the function that unbinds them (at quit). */
export function registerIpcHandlers(core: CoreApi, isTrusted: SenderCheck): () => void {
  const bound: string[] = [];
  for (const channel of CHANNEL_NAMES) {
    const name = ipcChannelOf(channel);
    if (name === LOCKED_EVENT) throw new Error(`Contract channel "${channel}" collides with the lock event`);
    ipcMain.handle(
      name,
      (event: IpcMainInvokeEvent, input: unknown, token: unknown): Promise<Result<unknown>> =>
        handle(core, channel, event, input, token, isTrusted),
    );
    bound.push(name);
  }
  return () => {
    for (const name of bound) ipcMain.removeHandler(name);
  };
}
