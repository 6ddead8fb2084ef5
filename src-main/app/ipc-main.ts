import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, err, type EventName, type Result } from '../../src-shared/contract/index.js';
import type { Invoker } from '../ipc/handler-registry.js';
import { EVENT_CHANNEL } from './event-channel.js';
import { isTrustedSender, type SenderInfo } from './security.js';

function describeSender(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame:
      frame !== null &&
      frame.parent === null &&
      frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId,
    windowId: BrowserWindow.fromWebContents(event.sender)?.id ?? null,
  };
}

/**
 * The one place that calls `ipcMain.handle`: one handler per contract channel, each answering
 * only our page in one of our windows, and delegating everything else to the shared invoker.
 */
export function registerIpcHandlers(invoke: Invoker, ourWindowIds: ReadonlySet<number>): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<Result<unknown>> => {
      const sender = describeSender(event);
      if (!isTrustedSender(sender, ourWindowIds)) {
        console.warn(`Refused ${channel} from an untrusted sender: ${sender.frameUrl ?? 'no frame'}`);
        return err('forbidden', 'This page may not talk to Chambers.');
      }
      try {
        return await invoke(channel, raw);
      } catch (error) {
        // The invoker answers with a Result; anything thrown here is our bug, so its details stay in the log.
        console.error(`IPC ${channel} failed`, error);
        return err('internal', 'Something went wrong in Chambers. The details are in its log.');
      }
    });
  }
  return () => CHANNEL_NAMES.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Sends an event to every live window of ours on the one event channel. */
export function forwardEvent(windows: Iterable<BrowserWindow>, event: EventName, payload: unknown): void {
  for (const window of windows) {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, { event, payload });
  }
}
