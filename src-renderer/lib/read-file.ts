/**
 * A chosen file's bytes as base64, for a channel that takes them inline. FileReader works in every
 * host (jsdom included), and `readAsDataURL` encodes natively: no `fromCharCode` loop on the UI thread.
 */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result;
      if (typeof result !== 'string') return reject(new Error('The file could not be read.'));
      // A data URL: `data:<type>;base64,<data>`.
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
