import pkcs11js from 'pkcs11js';

export type Pkcs11 = InstanceType<typeof pkcs11js.PKCS11>;
export const P = pkcs11js;

/**
 * One loaded PKCS#11 library per path and process: a library is initialised once per process, so
 * two readers (two services in one test process) must share it rather than finalise each other.
 * Every call into it is synchronous (pkcs11js), so no session stays open across an `await` and a
 * re-initialisation can never cut one short.
 */
interface LoadedModule {
  pkcs11: Pkcs11;
  initialised: boolean;
}

const loaded = new Map<string, LoadedModule>();

/** Loads the library (once) and makes sure it is initialised; throws when it cannot be loaded. */
export function moduleAt(path: string): Pkcs11 {
  let entry = loaded.get(path);
  if (!entry) {
    const pkcs11 = new pkcs11js.PKCS11();
    pkcs11.load(path);
    entry = { pkcs11, initialised: false };
    loaded.set(path, entry);
  }
  if (!entry.initialised) {
    try {
      entry.pkcs11.C_Initialize();
    } catch (error) {
      if (codeOf(error) !== pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED) throw error;
    }
    entry.initialised = true;
  }
  return entry.pkcs11;
}

/**
 * Finalises and initialises the library again, so that it sees tokens that appeared since: SoftHSM
 * reads its token folder only at C_Initialize. Cheap (a few ms) and safe here, because no session is
 * ever left open between calls.
 */
export function reinitialise(path: string): Pkcs11 {
  const entry = loaded.get(path);
  if (entry?.initialised) {
    try {
      entry.pkcs11.C_Finalize();
    } catch {
      // Already finalised: initialising again is all that is needed.
    }
    entry.initialised = false;
  }
  return moduleAt(path);
}

/** The CKR_ value of a pkcs11js error, or null for anything else. */
export function codeOf(error: unknown): number | null {
  if (error instanceof pkcs11js.Pkcs11Error) return error.code;
  return null;
}

/** The trimmed text of a blank-padded PKCS#11 string field. */
export const trimField = (value: string): string => value.replace(/[\s\0]+$/u, '');
