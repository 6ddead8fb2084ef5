// Shared by the main process and the preload; the preload bundle may import nothing with Node in it.

/** The one IPC channel that carries every event from the host to its windows as `{ event, payload }`. */
export const EVENT_CHANNEL = 'chambers:event';
