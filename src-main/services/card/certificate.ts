import { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  KeyUsageFlags,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_kp_clientAuth,
} from '@peculiar/asn1-x509';
import type { WebEidAlgorithm } from '../../../src-shared/register-api/index.js';
import { isValidPersonalCode } from '../../../src-shared/domain/index.js';

/** What the desktop needs to know about a card's certificate; read without a PIN. */
export interface CardCertificate {
  der: Buffer;
  /** "Triin Lepik". */
  holderName: string;
  personalCode: string;
  /** digitalSignature (or clientAuth) present: usable for sign-in, unlike the nonRepudiation-only signing one. */
  isAuthentication: boolean;
  /** The Web eID algorithm the card's key signs with. */
  algorithm: WebEidAlgorithm;
}

const OID_CN = '2.5.4.3';
const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_SURNAME = '2.5.4.4';
const OID_GIVEN_NAME = '2.5.4.42';

const CURVE_ALGORITHMS: Readonly<Record<string, WebEidAlgorithm>> = {
  prime256v1: 'ES256',
  secp384r1: 'ES384',
  secp521r1: 'ES512',
};

/** The Node digest name of a Web eID algorithm (ES384 → sha384). */
export function hashOf(algorithm: WebEidAlgorithm): 'sha256' | 'sha384' | 'sha512' {
  const bits = algorithm.slice(2);
  if (bits === '384') return 'sha384';
  if (bits === '512') return 'sha512';
  return 'sha256';
}

/** Parses a card certificate; throws a plain Error with a readable message when it is not one. */
export function readCardCertificate(der: Buffer): CardCertificate {
  const cert = AsnConvert.parse(der, Certificate);
  const attributes = new Map<string, string>();
  for (const rdn of cert.tbsCertificate.subject) {
    for (const attribute of rdn) attributes.set(attribute.type, attribute.value.toString());
  }
  const personalCode = personalCodeOf(attributes);
  const holderName = holderNameOf(attributes);

  let usage: number | null = null;
  let clientAuth: boolean | null = null;
  for (const extension of cert.tbsCertificate.extensions ?? []) {
    if (extension.extnID === id_ce_keyUsage) {
      usage = AsnConvert.parse(extension.extnValue, KeyUsage).toNumber();
    } else if (extension.extnID === id_ce_extKeyUsage) {
      clientAuth = AsnConvert.parse(extension.extnValue, ExtendedKeyUsage).includes(id_kp_clientAuth);
    }
  }
  const digitalSignature = usage === null || (usage & KeyUsageFlags.digitalSignature) !== 0;
  const isAuthentication = digitalSignature && clientAuth !== false;

  return { der, holderName, personalCode, isAuthentication, algorithm: algorithmOf(der) };
}

function algorithmOf(der: Buffer): WebEidAlgorithm {
  const key = new X509Certificate(der).publicKey;
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
    const algorithm = CURVE_ALGORITHMS[curve];
    if (algorithm) return algorithm;
    throw new Error(`the card's key is on an unsupported curve (${curve || 'unknown'})`);
  }
  throw new Error(`the card's key type (${key.asymmetricKeyType ?? 'unknown'}) is not supported`);
}

function personalCodeOf(attributes: Map<string, string>): string {
  const serial = attributes.get(OID_SERIAL_NUMBER) ?? '';
  const fromSerial = /^PNOEE-(\d{11})$/.exec(serial)?.[1];
  const fromCn = (attributes.get(OID_CN) ?? '').split(',')[2]?.trim();
  const code = fromSerial ?? fromCn;
  if (!code || !isValidPersonalCode(code)) {
    throw new Error('the certificate does not name an Estonian personal code');
  }
  return code;
}

/** CN is "SURNAME,GIVEN,CODE"; surname and given-name attributes are used when the CN lacks them. */
function holderNameOf(attributes: Map<string, string>): string {
  const parts = (attributes.get(OID_CN) ?? '').split(',');
  const surname = parts.length >= 3 ? parts[0]! : (attributes.get(OID_SURNAME) ?? '');
  const given = parts.length >= 3 ? parts[1]! : (attributes.get(OID_GIVEN_NAME) ?? '');
  return [titleCase(given), titleCase(surname)].filter(Boolean).join(' ');
}

/** "MARI-LIIS" → "Mari-Liis", "MÄGI" → "Mägi". */
export function titleCase(name: string): string {
  return name
    .trim()
    .toLocaleLowerCase('et')
    .replace(
      /(^|[\s'-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toLocaleUpperCase('et'),
    );
}
