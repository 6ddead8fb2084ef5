import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, HostSettingsView } from '../../../src-shared/contract/index.js';
import { createInvoker } from '../../../src-main/ipc/handler-registry.js';
import {
  SettingsFileError,
  createSettingsHandlers,
  readSettingsFile,
  savedSettingsForStart,
  settingsFile,
  writeSettingsFile,
} from '../../../src-main/services/settings.js';
import { testHandlers } from '../support/handlers.js';

const IN_EFFECT = { registerUrl: 'http://127.0.0.1:4610', cardModule: '/usr/lib/opensc-pkcs11.so' };
const SAVED = { registerUrl: 'https://register.kohus.ee/', cardModule: '/opt/card/module.so' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const handlers = () => createSettingsHandlers({ dataDir: dir, inEffect: IN_EFFECT });
const write = (text: string) => writeFileSync(settingsFile(dir), text);

describe('settings file', () => {
  it('lets a host start on defaults when the file is damaged, so Settings can repair it', () => {
    writeFileSync(settingsFile(dir), '{ not json');
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      expect(savedSettingsForStart(dir)).toBeNull();
    } finally {
      console.error = original;
    }
    expect(String(logged[0])).toMatch(/settings\.json.*Starting with the default settings\./s);
    writeFileSync(settingsFile(dir), JSON.stringify({ format: 1, ...SAVED }));
    expect(savedSettingsForStart(dir)).toEqual(SAVED);
  });

  it('is absent at first: null, and the settings in effect are shown', async () => {
    expect(readSettingsFile(dir)).toBeNull();
    expect(HostSettingsView.parse(await handlers()['settings:get']())).toEqual({
      ...IN_EFFECT,
      inEffect: IN_EFFECT,
      restartNeeded: false,
    });
  });

  it('round-trips: saved atomically with mode 0600, read back, a restart needed', async () => {
    const view = await handlers()['settings:put'](SAVED);
    expect(view).toEqual({ ...SAVED, inEffect: IN_EFFECT, restartNeeded: true });
    expect(readSettingsFile(dir)).toEqual(SAVED);
    expect(await handlers()['settings:get']()).toEqual(view);
    expect(statSync(settingsFile(dir)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toEqual({ format: 1, ...SAVED });
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('needs no restart when the saved settings are those in effect (a trailing slash aside)', async () => {
    const view = await handlers()['settings:put']({ ...IN_EFFECT, registerUrl: 'http://127.0.0.1:4610/' });
    expect(view.restartNeeded).toBe(false);
  });

  it('refuses a damaged file with a message naming it and what is wrong', async () => {
    write('{"format": 1, "registerUrl": ');
    expect(() => readSettingsFile(dir)).toThrow(SettingsFileError);
    expect(() => readSettingsFile(dir)).toThrow(
      new RegExp(`settings file ${settingsFile(dir)} is damaged \\(not valid JSON`),
    );
    await expect(handlers()['settings:get']()).rejects.toMatchObject({
      code: 'conflict',
      reason: 'settings_not_json',
      message: expect.stringContaining(settingsFile(dir)),
    });
  });

  it('refuses invalid settings and a file of a newer Chambers', () => {
    write(JSON.stringify({ format: 1, registerUrl: 'ftp://x', cardModule: '' }));
    expect(() => readSettingsFile(dir)).toThrow(/holds invalid settings: registerUrl: .*; cardModule: /);
    write(JSON.stringify({ registerUrl: SAVED.registerUrl, cardModule: SAVED.cardModule }));
    expect(() => readSettingsFile(dir)).toThrow(/not a Chambers settings file \(format: /);
    write('[1, 2]');
    expect(() => readSettingsFile(dir)).toThrow(/not a Chambers settings file/);
    write(JSON.stringify({ format: 2, ...SAVED, theme: 'dark' }));
    expect(() => readSettingsFile(dir)).toThrow(
      /written by a newer version of Chambers \(format 2; this version reads 1\)/,
    );
  });

  it('writes nothing on a bad put, and never over a newer Chambers’ file', async () => {
    await expect(
      handlers()['settings:put']({ registerUrl: 'javascript:alert(1)', cardModule: 'x' }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(handlers()['settings:put']({ ...SAVED, cardModule: '' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(readdirSync(dir)).toEqual([]);

    // Through the invoker (as the hosts call it) the input is refused before the handler.
    const invoke = createInvoker(testHandlers(handlers()));
    expect(await invoke('settings:put', { registerUrl: 'not a url', cardModule: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(readdirSync(dir)).toEqual([]);

    const newer = JSON.stringify({ format: 3, ...SAVED });
    write(newer);
    await expect(handlers()['settings:put'](IN_EFFECT)).rejects.toMatchObject({
      code: 'conflict',
      reason: 'settings_newer',
    });
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(newer);
  });

  it('replaces a damaged file on put (the Settings screen repairs it)', async () => {
    write('not json');
    await handlers()['settings:put'](SAVED);
    expect(readSettingsFile(dir)).toEqual(SAVED);
  });

  it('leaves no temporary file when the rename fails', async () => {
    // A folder where the file should be: it cannot be read, and nothing can be renamed over it.
    mkdirSync(join(settingsFile(dir), 'inside'), { recursive: true });
    expect(() => writeSettingsFile(dir, SAVED)).toThrow();
    expect(readdirSync(dir)).toEqual(['settings.json']);
    await expect(handlers()['settings:put'](SAVED)).rejects.toMatchObject({
      code: 'conflict',
      reason: 'settings_unreadable',
      message: expect.stringContaining(settingsFile(dir)),
    });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });
});
