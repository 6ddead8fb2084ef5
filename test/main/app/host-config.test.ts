import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTER_URL, readHostConfig } from '../../../src-main/app/host-config.js';

describe('readHostConfig', () => {
  it('takes --register before the environment, and the environment before the default', () => {
    const env = { CHAMBERS_REGISTER_URL: 'https://register.kohus.ee' };
    expect(readHostConfig(['electron', 'main.js', '--register=http://127.0.0.1:5000'], env).registerUrl).toBe(
      'http://127.0.0.1:5000',
    );
    expect(readHostConfig(['electron', 'main.js'], env).registerUrl).toBe('https://register.kohus.ee');
    expect(readHostConfig(['electron', 'main.js'], {}).registerUrl).toBe(DEFAULT_REGISTER_URL);
  });

  it('reads a separate user data folder', () => {
    expect(readHostConfig(['--user-data-dir=/tmp/profile'], {}).userDataDir).toBe('/tmp/profile');
    expect(readHostConfig([], {}).userDataDir).toBeNull();
  });

  it('takes the card module from --card-module before CHAMBERS_PKCS11_MODULE, else none (OpenSC default)', () => {
    const env = { CHAMBERS_PKCS11_MODULE: '/usr/lib/softhsm/libsofthsm2.so' };
    expect(readHostConfig(['--card-module=/opt/x.so'], env).cardModule).toBe('/opt/x.so');
    expect(readHostConfig([], env).cardModule).toBe('/usr/lib/softhsm/libsofthsm2.so');
    expect(readHostConfig([], {}).cardModule).toBeNull();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'register.kohus.ee', ''])(
    'refuses the register address %j',
    (url) => {
      expect(() => readHostConfig([`--register=${url}`], {})).toThrow(/Invalid register address/);
    },
  );

  it('fills what flags and the environment leave open from the saved settings', () => {
    const saved = { registerUrl: 'https://register.example:8443', cardModule: '/opt/card.so' };
    expect(readHostConfig(['electron', 'main.js'], {}, saved)).toMatchObject({
      registerUrl: 'https://register.example:8443',
      cardModule: '/opt/card.so',
    });
    expect(
      readHostConfig(
        ['electron', 'main.js', '--register=http://127.0.0.1:5000'],
        { CHAMBERS_PKCS11_MODULE: '/env.so' },
        saved,
      ),
    ).toMatchObject({ registerUrl: 'http://127.0.0.1:5000', cardModule: '/env.so' });
  });
});
