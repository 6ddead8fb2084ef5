// A real OCSP responder for the test PKI: `openssl ocsp` serving the intermediate's index.txt on loopback.
import { execFileSync, spawn } from 'node:child_process';
import type { TestPki } from './pki.js';

export interface OcspResponder {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Running responders by index.txt path, so that revokeCertificate can make them re-read it. */
const running = new Map<string, Set<string>>();

/**
 * OpenSSL 3.0's responder checks whether index.txt changed only between requests, after it has answered
 * one: the first request after a change still gets the old state. So after changing index.txt we send
 * every responder of that index one throw-away request (synchronously); the next real request then
 * sees the change. Called by revokeCertificate.
 */
export function refreshResponders(pki: TestPki): void {
  for (const url of running.get(pki.indexPath) ?? []) {
    try {
      execFileSync(
        'openssl',
        [
          'ocsp',
          '-issuer',
          pki.intermediate.certPath,
          '-serial',
          '0x01',
          '-url',
          url,
          '-noverify',
          '-timeout',
          '5',
        ],
        { stdio: 'ignore', timeout: 10_000 },
      );
    } catch {
      // A failed poke only means the responder is gone or slow; the next request shows which.
    }
  }
}

/**
 * Starts `openssl ocsp -index … -port P -rsigner … -rkey … -CA intermediate -ndays 1`. It serves any number
 * of requests, one at a time, and re-reads index.txt when it changes (see revokeCertificate), so revoking
 * after start needs no restart (revokeCertificate pokes the running responders, see refreshResponders). OpenSSL 3.0 binds every interface; `host` (default 127.0.0.1) is only the
 * address written into `url`. Port 0/undefined lets openssl pick a free port, read back from its
 * "ACCEPT [::]:PORT" line. Resolves once openssl says it is waiting for connections. (Readiness is NOT
 * probed with a bare TCP connect: OpenSSL 3.0's responder hangs for good on a connection that closes
 * without sending a request.)
 */
export function startOcspResponder(
  pki: TestPki,
  options: { port?: number; host?: string } = {},
): Promise<OcspResponder> {
  return startOcspResponderFor(
    {
      indexPath: pki.indexPath,
      responderCertPath: pki.ocspResponder.certPath,
      responderKeyPath: pki.ocspResponder.keyPath,
      caPath: pki.intermediate.certPath,
    },
    options,
  );
}

/** The files an `openssl ocsp` responder serves from (a demo cards manifest's `ocsp` part has them). */
export interface OcspResponderFiles {
  indexPath: string;
  responderCertPath: string;
  responderKeyPath: string;
  caPath: string;
}

/** startOcspResponder from the files alone. */
export async function startOcspResponderFor(
  files: OcspResponderFiles,
  options: { port?: number; host?: string } = {},
): Promise<OcspResponder> {
  const pki = { indexPath: files.indexPath };
  const host = options.host ?? '127.0.0.1';
  const requested = options.port && options.port > 0 ? options.port : 0;
  const child = spawn(
    'openssl',
    [
      'ocsp',
      '-index',
      pki.indexPath,
      '-port',
      String(requested),
      '-rsigner',
      files.responderCertPath,
      '-rkey',
      files.responderKeyPath,
      '-CA',
      files.caPath,
      '-ndays',
      '1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let port = 0;
  let ready: () => void = () => undefined;
  const listening = new Promise<void>((resolveReady) => (ready = resolveReady));
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    const accept = /ACCEPT \S*:(\d+)/.exec(output);
    if (accept && port === 0) port = Number(accept[1]);
    if (port !== 0 && output.includes('waiting for OCSP client connections')) ready();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let alive = true;
  const exited = new Promise<void>((resolveExit) => {
    child.once('close', () => {
      alive = false;
      resolveExit();
    });
  });
  const failed = new Promise<string>((resolveFailure) => {
    child.once('error', (error) => resolveFailure(`cannot start openssl: ${error.message}`));
    void exited.then(() => resolveFailure(`openssl exited at start: ${output.trim()}`));
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(`not listening within 10 s: ${output.trim()}`), 10_000);
  });
  const outcome = await Promise.race([listening.then(() => null), failed, timeout]);
  clearTimeout(timer);
  if (outcome !== null) {
    if (alive) child.kill('SIGKILL');
    await exited;
    const error = new Error(`OCSP responder: ${outcome}`);
    // The port is taken: a caller trying several ports goes on to the next one.
    if (/Address already in use/.test(outcome)) Object.assign(error, { code: 'EADDRINUSE' });
    throw error;
  }
  const url = `http://${host}:${port}`;
  const urls = running.get(pki.indexPath) ?? new Set<string>();
  urls.add(url);
  running.set(pki.indexPath, urls);
  return {
    url,
    port,
    async stop() {
      urls.delete(url);
      if (alive) child.kill('SIGTERM');
      await exited;
    },
  };
}
