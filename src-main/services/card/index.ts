export { type CardCertificate, hashOf, readCardCertificate, titleCase } from './certificate.js';
export {
  type CardAuthentication,
  type CardReader,
  type CardReaderOptions,
  createCardReader,
} from './reader.js';

/** Where OpenSC installs its PKCS#11 module on each OS; `cardModule` in the config overrides it. */
export function defaultModulePath(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): string {
  if (platform === 'darwin') return '/Library/OpenSC/lib/opensc-pkcs11.so';
  if (platform === 'win32') return 'C:\\Windows\\System32\\opensc-pkcs11.dll';
  return arch === 'arm64'
    ? '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so'
    : '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
}
