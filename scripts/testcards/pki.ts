// A test PKI made with the openssl CLI: a root, an issuing CA modelled on ESTEID2025, an OCSP responder
// certificate and Estonian-style person certificates (authentication and signing), with an openssl
// `ca`-style index.txt that `openssl ocsp` serves. For tests and demo cards only: every key is unencrypted.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { refreshResponders } from './ocsp.js';

export interface Issued {
  certPath: string; // PEM
  keyPath: string; // private key, PKCS#8 PEM, unencrypted
  certPem: string;
  certDer: Buffer;
  serialHex: string; // upper-case hex, as openssl's index.txt writes it
  subject: string; // openssl one-line form ("/C=EE/CN=…", as X509_NAME_oneline and index.txt write it)
}

export interface TestPki {
  dir: string;
  root: Issued; // self-signed root, EC P-384, CA:true
  intermediate: Issued; // issuing CA ("TEST of ESTEID2025" by default), CA:true pathlen:0, signed by root
  ocspResponder: Issued; // EKU OCSPSigning (1.3.6.1.5.5.7.3.9), issued by the intermediate
  indexPath: string; // openssl ca-style index.txt of certificates issued by the intermediate
  ocspUrl: string; // written as AIA OCSP URL into every person certificate
}

export const DEFAULT_OCSP_URL = 'http://127.0.0.1:4630';
export const DEFAULT_CA_NAME = 'TEST of ESTEID2025';

export type KeyType = 'ec-p384' | 'ec-p256' | 'rsa-2048';

export interface PersonCertOptions {
  surname: string;
  given: string;
  personalCode: string; // subject CN "SURNAME,GIVEN,CODE", serialNumber "PNOEE-CODE", C=EE, SN, GN
  kind: 'authentication' | 'signing';
  notBefore?: Date; // default now - 1 day
  notAfter?: Date; // default now + 3 years
  keyType?: KeyType; // default ec-p384
  keyUsage?: string[]; // openssl names; default auth ['digitalSignature','keyAgreement'], signing ['nonRepudiation']
  extendedKeyUsage?: string[] | null; // default auth ['clientAuth','emailProtection'], signing null (no EKU)
  policies?: string[]; // default auth ['1.3.6.1.4.1.51361.1.1.3','0.4.0.2042.1.2'], signing ['1.3.6.1.4.1.51361.1.1.4']
  ocspUrl?: string; // default pki.ocspUrl
  name?: string; // file name stem; default derived from code+kind
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs a CLI without a shell; on failure throws an error carrying its stderr. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): string {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      env: options.env ?? process.env,
      input: options.input ?? '',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stderr?: string | Buffer; stdout?: string | Buffer; message?: string };
    const detail = `${String(e.stderr ?? '')}${String(e.stdout ?? '')}`.trim() || String(e.message);
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … failed: ${detail}`);
  }
}

/** run() without blocking: for CLI calls that may go in parallel. */
export function runAsync(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolveRun, reject) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', env: options.env ?? process.env },
      (error, stdout, stderr) => {
        if (!error) return resolveRun(stdout);
        const detail = `${stderr}${stdout}`.trim() || error.message;
        reject(new Error(`${command} ${args.slice(0, 3).join(' ')} … failed: ${detail}`));
      },
    ).stdin?.end();
  });
}

function openssl(args: string[]): string {
  return run('openssl', args);
}

/** Escapes a value for openssl's "/A=b/C=d" -subj syntax. */
function subjValue(value: string): string {
  return value.replace(/[\\/+=]/g, (c) => `\\${c}`);
}

function oneLine(parts: Array<[string, string]>): { subj: string; oneline: string } {
  return {
    subj: parts.map(([k, v]) => `/${k}=${subjValue(v)}`).join(''),
    oneline: parts.map(([k, v]) => `/${k}=${v}`).join(''),
  };
}

function keyAlgorithm(keyType: KeyType): string[] {
  if (keyType === 'rsa-2048') return ['-newkey', 'rsa:2048'];
  const curve = keyType === 'ec-p256' ? 'P-256' : 'P-384';
  return ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-pkeyopt', 'ec_param_enc:named_curve'];
}

/** A new key (PKCS#8 PEM, unencrypted) and a CSR for it, in one `openssl req -newkey` call. */
function newKeyAndCsr(
  configPath: string,
  keyPath: string,
  csrPath: string,
  keyType: KeyType,
  subj: string,
): void {
  openssl(
    [
      'req',
      '-new',
      '-config',
      configPath,
      '-utf8',
      ...keyAlgorithm(keyType),
      '-noenc',
      '-keyout',
      keyPath,
    ].concat(['-subj', subj, '-out', csrPath]),
  );
}

function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10; // positive, and exactly 16 bytes long
  return bytes.toString('hex').toUpperCase();
}

function loadIssued(certPath: string, keyPath: string, subject: string): Issued {
  const certPem = readFileSync(certPath, 'utf8');
  const x509 = new X509Certificate(certPem);
  return {
    certPath,
    keyPath,
    certPem,
    certDer: x509.raw,
    serialHex: x509.serialNumber.toUpperCase(),
    subject,
  };
}

const REQ_CONFIG = `[req]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
[dn]
`;

function caConfig(dir: string, pki: { certPath: string; keyPath: string }): string {
  return `[ca]
default_ca = ca_default
[ca_default]
database = ${join(dir, 'index.txt')}
serial = ${join(dir, 'serial')}
new_certs_dir = ${join(dir, 'newcerts')}
certificate = ${pki.certPath}
private_key = ${pki.keyPath}
default_md = sha384
default_days = 1095
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
string_mask = utf8only
utf8 = yes
[policy_any]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = optional
surname = optional
givenName = optional
serialNumber = optional
`;
}

/** UTCTime (YYMMDDHHMMSSZ) before 2050, GeneralizedTime after, as openssl ca and index.txt use. */
export function opensslTime(date: Date): string {
  const iso = date.toISOString(); // 2026-01-02T03:04:05.678Z
  const compact = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return date.getUTCFullYear() < 2050 ? compact.slice(2) : compact;
}

function writeExt(path: string, lines: string[]): void {
  writeFileSync(path, `[ext]\n${lines.join('\n')}\n`);
}

function policyLines(policies: string[]): string[] {
  return policies.length === 0 ? [] : [`certificatePolicies = ${policies.join(', ')}`];
}

/** Issues a certificate from the intermediate with `openssl ca`; it is recorded as V in index.txt. */
function issueFromIntermediate(
  pki: TestPki,
  stem: string,
  subject: Array<[string, string]>,
  extLines: string[],
  keyType: KeyType,
  notBefore: Date,
  notAfter: Date,
): Issued {
  const keyPath = join(pki.dir, 'certs', `${stem}.key.pem`);
  const csrPath = join(pki.dir, 'certs', `${stem}.csr.pem`);
  const certPath = join(pki.dir, 'certs', `${stem}.cert.pem`);
  const extPath = join(pki.dir, 'certs', `${stem}.ext.cnf`);
  const { subj, oneline } = oneLine(subject);
  newKeyAndCsr(join(pki.dir, 'req.cnf'), keyPath, csrPath, keyType, subj);
  writeExt(extPath, extLines);
  writeFileSync(join(pki.dir, 'serial'), `${randomSerialHex()}\n`);
  openssl([
    'ca',
    '-batch',
    '-notext',
    '-utf8',
    '-preserveDN',
    '-config',
    join(pki.dir, 'ca.cnf'),
    '-startdate',
    opensslTime(notBefore),
    '-enddate',
    opensslTime(notAfter),
    '-extfile',
    extPath,
    '-extensions',
    'ext',
    '-in',
    csrPath,
    '-out',
    certPath,
  ]);
  return loadIssued(certPath, keyPath, oneline);
}

export function createTestPki(dir: string, options: { ocspUrl?: string; caName?: string } = {}): TestPki {
  const root = resolve(dir);
  const caName = options.caName ?? DEFAULT_CA_NAME;
  const ocspUrl = options.ocspUrl ?? DEFAULT_OCSP_URL;
  mkdirSync(join(root, 'certs'), { recursive: true });
  mkdirSync(join(root, 'newcerts'), { recursive: true });
  writeFileSync(join(root, 'req.cnf'), REQ_CONFIG);
  writeFileSync(join(root, 'index.txt'), '');
  writeFileSync(join(root, 'index.txt.attr'), 'unique_subject = no\n');

  // Root: self-signed with `openssl req -x509`.
  const rootKey = join(root, 'root.key.pem');
  const rootCert = join(root, 'root.cert.pem');
  const rootSubject = oneLine([
    ['C', 'EE'],
    ['O', 'Chambers test PKI'],
    ['CN', `${caName} Root`],
  ]);
  writeFileSync(
    join(root, 'root.ext.cnf'),
    `${REQ_CONFIG}[ext]\nbasicConstraints = critical, CA:true\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\n`,
  );
  openssl([
    'req',
    '-new',
    '-x509',
    '-config',
    join(root, 'root.ext.cnf'),
    '-extensions',
    'ext',
    '-utf8',
    ...keyAlgorithm('ec-p384'),
    '-noenc',
    '-keyout',
    rootKey,
    '-subj',
    rootSubject.subj,
    '-sha384',
    '-days',
    '7300',
    '-set_serial',
    `0x${randomSerialHex()}`,
    '-out',
    rootCert,
  ]);

  // Intermediate: `openssl x509 -req` signed by the root.
  const intKey = join(root, 'intermediate.key.pem');
  const intCsr = join(root, 'intermediate.csr.pem');
  const intCert = join(root, 'intermediate.cert.pem');
  const intExt = join(root, 'intermediate.ext.cnf');
  const intSubject = oneLine([
    ['C', 'EE'],
    ['O', 'Chambers test PKI'],
    ['CN', caName],
  ]);
  newKeyAndCsr(join(root, 'req.cnf'), intKey, intCsr, 'ec-p384', intSubject.subj);
  writeExt(intExt, [
    'basicConstraints = critical, CA:true, pathlen:0',
    'keyUsage = critical, keyCertSign, cRLSign',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid:always',
  ]);
  openssl([
    'x509',
    '-req',
    '-in',
    intCsr,
    '-CA',
    rootCert,
    '-CAkey',
    rootKey,
    '-set_serial',
    `0x${randomSerialHex()}`,
    '-days',
    '3650',
    '-sha384',
    '-extfile',
    intExt,
    '-extensions',
    'ext',
    '-out',
    intCert,
  ]);

  const rootIssued = loadIssued(rootCert, rootKey, rootSubject.oneline);
  const intermediate = loadIssued(intCert, intKey, intSubject.oneline);
  writeFileSync(join(root, 'ca.cnf'), caConfig(root, intermediate));
  const partial: TestPki = {
    dir: root,
    root: rootIssued,
    intermediate,
    ocspResponder: intermediate, // replaced just below
    indexPath: join(root, 'index.txt'),
    ocspUrl,
  };
  const now = Date.now();
  const ocspResponder = issueFromIntermediate(
    partial,
    'ocsp-responder',
    [
      ['C', 'EE'],
      ['O', 'Chambers test PKI'],
      ['CN', `${caName} OCSP RESPONDER`],
    ],
    [
      'basicConstraints = critical, CA:false',
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = OCSPSigning',
      'noCheck = ignored',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid:always',
    ],
    'ec-p384',
    new Date(now - DAY_MS),
    new Date(now + 3 * 365 * DAY_MS),
  );
  return { ...partial, ocspResponder };
}

export function issuePersonCertificate(pki: TestPki, options: PersonCertOptions): Issued {
  const auth = options.kind === 'authentication';
  const surname = options.surname.toUpperCase();
  const given = options.given.toUpperCase();
  if (!/^[0-9]{11}$/.test(options.personalCode)) {
    throw new Error(`issuePersonCertificate: personal code must be 11 digits, got "${options.personalCode}"`);
  }
  const now = Date.now();
  const keyUsage = options.keyUsage ?? (auth ? ['digitalSignature', 'keyAgreement'] : ['nonRepudiation']);
  const eku =
    options.extendedKeyUsage === undefined
      ? auth
        ? ['clientAuth', 'emailProtection']
        : null
      : options.extendedKeyUsage;
  const policies =
    options.policies ?? (auth ? ['1.3.6.1.4.1.51361.1.1.3', '0.4.0.2042.1.2'] : ['1.3.6.1.4.1.51361.1.1.4']);
  const ext = [
    'basicConstraints = critical, CA:false',
    ...(keyUsage.length > 0 ? [`keyUsage = critical, ${keyUsage.join(', ')}`] : []),
    ...(eku && eku.length > 0 ? [`extendedKeyUsage = ${eku.join(', ')}`] : []),
    ...policyLines(policies),
    `authorityInfoAccess = OCSP;URI:${options.ocspUrl ?? pki.ocspUrl}, caIssuers;URI:http://127.0.0.1/ca.der`,
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid:always',
  ];
  const stem =
    options.name ?? `${options.personalCode}-${auth ? 'auth' : 'sign'}-${randomBytes(3).toString('hex')}`;
  return issueFromIntermediate(
    pki,
    stem,
    [
      ['C', 'EE'],
      ['CN', `${surname},${given},${options.personalCode}`],
      ['SN', surname],
      ['GN', given],
      ['serialNumber', `PNOEE-${options.personalCode}`],
    ],
    ext,
    options.keyType ?? 'ec-p384',
    options.notBefore ?? new Date(now - DAY_MS),
    options.notAfter ?? new Date(now + 3 * 365 * DAY_MS),
  );
}

/**
 * Turns the certificate's index.txt line into R (revoked at `at`, default now). A running
 * `openssl ocsp` responder (OpenSSL 3) re-reads index.txt when its mtime changes, but only after it has
 * answered one more request; so the mtime is pushed forward (a change within the same second as the last
 * read is not missed) and every responder started by startOcspResponder for this PKI is sent one
 * throw-away request. When this returns, the next OCSP request sees the revocation; no restart needed.
 */
export function revokeCertificate(pki: TestPki, cert: Issued, at: Date = new Date()): void {
  const before = statSync(pki.indexPath).mtimeMs;
  const lines = readFileSync(pki.indexPath, 'utf8').split('\n');
  let found = false;
  const updated = lines.map((line) => {
    const fields = line.split('\t');
    if (fields.length < 6 || fields[3]?.toUpperCase() !== cert.serialHex) return line;
    found = true;
    return ['R', fields[1], `${opensslTime(at)}`, ...fields.slice(3)].join('\t');
  });
  if (!found) throw new Error(`revokeCertificate: serial ${cert.serialHex} is not in ${pki.indexPath}`);
  writeFileSync(pki.indexPath, updated.join('\n'));
  const bumped = Math.max(Date.now(), before + 2000) / 1000;
  utimesSync(pki.indexPath, bumped, bumped);
  refreshResponders(pki);
}

export {
  refreshResponders,
  startOcspResponder,
  startOcspResponderFor,
  type OcspResponder,
  type OcspResponderFiles,
} from './ocsp.js';
