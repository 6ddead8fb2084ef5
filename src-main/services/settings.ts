import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AppError,
  HostSettings,
  type HostSettingsView,
  describeIssues,
} from '../../src-shared/contract/index.js';
import type { Handlers } from '../ipc/handler-registry.js';

/** The settings file in the data folder; what the user saved on the Settings screen. */
export const SETTINGS_FILE = 'settings.json';

/** The format this version writes and reads; a file of a newer format is refused, never rewritten. */
export const SETTINGS_FORMAT = 1;

export const settingsFile = (dataDir: string): string => join(dataDir, SETTINGS_FILE);

/** The settings file cannot be used: it names the file and says what is wrong with it. */
export class SettingsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: 'unreadable' | 'not_json' | 'newer' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'SettingsFileError';
  }
}

const FileShape = z.looseObject({ format: z.number().int().positive() });

/**
 * Reads `<dataDir>/settings.json`: null when there is none; a `SettingsFileError` naming the file
 * when it cannot be read, is not JSON, was written by a newer Chambers or holds invalid settings.
 */
export function readSettingsFile(dataDir: string): HostSettings | null {
  const file = settingsFile(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SettingsFileError(
      file,
      'unreadable',
      `The settings file ${file} cannot be read: ${(error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SettingsFileError(
      file,
      'not_json',
      `The settings file ${file} is damaged (not valid JSON: ${(error as Error).message}). Fix it or delete it to use the defaults.`,
    );
  }
  const shape = FileShape.safeParse(json);
  if (!shape.success)
    throw new SettingsFileError(
      file,
      'invalid',
      `The settings file ${file} is not a Chambers settings file (${describeIssues(shape.error)}). Fix it or delete it to use the defaults.`,
    );
  if (shape.data.format > SETTINGS_FORMAT)
    throw new SettingsFileError(
      file,
      'newer',
      `The settings file ${file} was written by a newer version of Chambers (format ${shape.data.format}; this version reads ${SETTINGS_FORMAT}). Update Chambers, or delete the file to use the defaults.`,
    );
  const settings = HostSettings.safeParse(json);
  if (!settings.success)
    throw new SettingsFileError(
      file,
      'invalid',
      `The settings file ${file} holds invalid settings: ${describeIssues(settings.error)}. Fix it or delete it to use the defaults.`,
    );
  return { registerUrl: settings.data.registerUrl, cardModule: settings.data.cardModule };
}

/**
 * Writes the settings atomically: a temporary file (mode 0600) in the same folder, flushed, then
 * renamed over the old one; a crash leaves the old file or the new one, never half of one.
 */
export function writeSettingsFile(dataDir: string, settings: HostSettings): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = settingsFile(dataDir);
  const temporary = join(dataDir, `.${SETTINGS_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const text = `${JSON.stringify(
    { format: SETTINGS_FORMAT, registerUrl: settings.registerUrl, cardModule: settings.cardModule },
    null,
    2,
  )}\n`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  // The rename itself reaches the disk with the folder (not possible on every platform).
  try {
    const dir = openSync(dataDir, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Best effort.
  }
}

const sameUrl = (a: string, b: string): boolean => {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
};

const same = (a: HostSettings, b: HostSettings): boolean =>
  sameUrl(a.registerUrl, b.registerUrl) && a.cardModule === b.cardModule;

export type SettingsHandlers = Pick<Handlers, 'settings:get' | 'settings:put'>;

export interface SettingsDeps {
  dataDir: string;
  /** What this run uses (a command-line flag wins over the saved setting). */
  inEffect: HostSettings;
}

/** A settings file that cannot be used, as the Settings screen shows it. */
const asAppError = (error: unknown): unknown =>
  error instanceof SettingsFileError
    ? new AppError('conflict', error.message, { reason: `settings_${error.problem}` })
    : error;

/**
 * 'settings:get' answers the saved settings (those in effect when none are saved); 'settings:put'
 * validates and saves them. Either way `restartNeeded` says the saved ones differ from this run's.
 */
export function createSettingsHandlers(deps: SettingsDeps): SettingsHandlers {
  const inEffect: HostSettings = { ...deps.inEffect };
  const view = (saved: HostSettings): HostSettingsView => ({
    ...saved,
    inEffect,
    restartNeeded: !same(saved, inEffect),
  });
  return {
    'settings:get': async () => {
      try {
        return view(readSettingsFile(deps.dataDir) ?? inEffect);
      } catch (error) {
        throw asAppError(error);
      }
    },
    'settings:put': async (input) => {
      const parsed = HostSettings.safeParse(input);
      if (!parsed.success) throw new AppError('invalid_input', describeIssues(parsed.error));
      try {
        readSettingsFile(deps.dataDir);
      } catch (error) {
        // A damaged or invalid file is replaced (this is how the user repairs it); a newer
        // Chambers' file, or one that cannot be read, is left as it is.
        const replaceable =
          error instanceof SettingsFileError && (error.problem === 'not_json' || error.problem === 'invalid');
        if (!replaceable) throw asAppError(error);
      }
      const saved = { registerUrl: parsed.data.registerUrl, cardModule: parsed.data.cardModule };
      try {
        writeSettingsFile(deps.dataDir, saved);
      } catch (error) {
        throw new AppError(
          'internal',
          `The settings could not be saved to ${settingsFile(deps.dataDir)}: ${(error as Error).message}`,
        );
      }
      return view(saved);
    },
  };
}

/**
 * The saved settings for a host's start: a damaged or newer file is reported and left out (the
 * defaults apply), so the app still starts and the Settings screen can write a good file.
 */
export function savedSettingsForStart(dataDir: string): HostSettings | null {
  try {
    return readSettingsFile(dataDir);
  } catch (error) {
    console.error(`${(error as Error).message} Starting with the default settings.`);
    return null;
  }
}
