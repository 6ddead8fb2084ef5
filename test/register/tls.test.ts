import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuthConfig } from '../support/test-pki.js';
import { ConfigError, type RunningRegister, startRegister } from '../../src-register/server.js';

const hasOpenssl = existsSync('/usr/bin/openssl');

describe.skipIf(!hasOpenssl)(
  `register over TLS${hasOpenssl ? '' : ' — skipped: openssl is not installed'}`,
  () => {
    let scratch: string;
    let reg: RunningRegister;
    const base = () => ({
      db: 'pglite:memory',
      host: '127.0.0.1',
      port: 0,
      devSignIn: false,
      production: true,
      blobDir: path.join(scratch, 'blobs'),
      seedDemo: false,
      auth: testAuthConfig(),
      logLevel: 'silent',
    });

    beforeAll(async () => {
      scratch = await mkdtemp(path.join(tmpdir(), 'chambers-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          path.join(scratch, 'key.pem'),
          '-out',
          path.join(scratch, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      reg = await startRegister({
        ...base(),
        tls: { cert: path.join(scratch, 'cert.pem'), key: path.join(scratch, 'key.pem') },
      });
    });
    afterAll(async () => {
      await reg?.close();
      await rm(scratch, { recursive: true, force: true });
    });

    it('speaks HTTPS with the given certificate and sends HSTS', async () => {
      expect(reg.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = await readFile(path.join(scratch, 'cert.pem'));
      const { status, hsts, body } = await new Promise<{ status?: number; hsts?: string; body: string }>(
        (resolve, reject) => {
          get(`${reg.url}/api/v1/health`, { ca }, (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () =>
              resolve({
                status: res.statusCode,
                hsts: res.headers['strict-transport-security'] as string,
                body,
              }),
            );
          }).on('error', reject);
        },
      );
      expect(status).toBe(200);
      expect(hsts).toMatch(/max-age=\d+/);
      expect(JSON.parse(body)).toMatchObject({ status: 'ok', devSignIn: false });
    });

    it('refuses to start with a certificate it cannot read', async () => {
      const attempt = startRegister({
        ...base(),
        tls: { cert: path.join(scratch, 'missing.pem'), key: path.join(scratch, 'key.pem') },
      });
      await expect(attempt).rejects.toThrow(ConfigError);
      await expect(
        startRegister({
          ...base(),
          tls: { cert: path.join(scratch, 'missing.pem'), key: path.join(scratch, 'key.pem') },
        }),
      ).rejects.toThrow(/TLS certificate .*missing\.pem/);
    });
  },
);
