// Shared with hearing minutes and registration: the download of an exported file and the reading
// of a chosen one live in src-renderer/lib.
export { base64ToBytes, saveExportedFile } from '../../../lib/exported-file';
export { readAsBase64 } from '../../../lib/read-file';

export const isDocxName = (name: string) => /\.docx$/i.test(name);
