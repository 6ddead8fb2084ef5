// Shared with hearing minutes: the download of an exported file lives in src-renderer/lib.
export { base64ToBytes, saveExportedFile } from '../../../lib/exported-file';

/** Bytes as base64, in chunks (a spread of a whole file would overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  return btoa(binary);
}

/** Reads a chosen file (FileReader: works in every host, jsdom included). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result;
      if (result instanceof ArrayBuffer) resolve(new Uint8Array(result));
      else reject(new Error('The file could not be read.'));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

export const isDocxName = (name: string) => /\.docx$/i.test(name);
