import { shell } from 'electron';
import { isSafeExternalUrl } from './security.js';

/** The one way a link leaves the app: only https pages and mail addresses reach the OS. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) {
    console.warn(`Refused to open an external link: ${url.slice(0, 200)}`);
    return false;
  }
  await shell.openExternal(url, { activate: true });
  return true;
}
