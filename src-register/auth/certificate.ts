import { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax,
  Certificate,
  CertificatePolicies,
  ExtendedKeyUsage,
  KeyUsage,
  type Name,
  id_ad_ocsp,
  id_ce_certificatePolicies,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_pe_authorityInfoAccess,
} from '@peculiar/asn1-x509';
import { isValidPersonalCode } from '../../src-shared/domain/index.js';
import { refusal } from './config.js';
import { derElement } from './der.js';

export const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const OID_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
const OID_CN = '2.5.4.3';
const OID_SURNAME = '2.5.4.4';
const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_GIVEN_NAME = '2.5.4.42';

/** The facts of a certificate that the sign-in checks need, read once. */
export interface CertificateFacts {
  x509: X509Certificate;
  der: Buffer;
  /** KeyUsage bit names (`digitalSignature`, `nonRepudiation`, …); null when the extension is absent. */
  keyUsage: string[] | null;
  /** ExtendedKeyUsage OIDs; null when the extension is absent. */
  extendedKeyUsage: string[] | null;
  policies: string[];
  /** The first OCSP URL of AuthorityInfoAccess, if any. */
  ocspUrl: string | null;
  /** Subject attributes by OID, each with every value it has. */
  subject: Map<string, string[]>;
}

function nameAttributes(name: Name): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const rdn of name) {
    for (const attribute of rdn) {
      const values = attributes.get(attribute.type) ?? [];
      values.push(attribute.value.toString());
      attributes.set(attribute.type, values);
    }
  }
  return attributes;
}

/** Parses a DER certificate and its extensions; anything unreadable is `certificate_malformed`. */
export function readCertificate(der: Buffer): CertificateFacts {
  let x509: X509Certificate;
  let parsed: Certificate;
  try {
    derElement(der); // one element and nothing after it
    x509 = new X509Certificate(der);
    parsed = AsnConvert.parse(der, Certificate);
  } catch (error) {
    throw refusal('certificate_malformed', `the certificate cannot be read: ${(error as Error).message}`);
  }
  const facts: CertificateFacts = {
    x509,
    der,
    keyUsage: null,
    extendedKeyUsage: null,
    policies: [],
    ocspUrl: null,
    subject: nameAttributes(parsed.tbsCertificate.subject),
  };
  try {
    for (const extension of parsed.tbsCertificate.extensions ?? []) {
      const value = extension.extnValue.buffer;
      switch (extension.extnID) {
        case id_ce_keyUsage:
          facts.keyUsage = AsnConvert.parse(value, KeyUsage).toJSON();
          break;
        case id_ce_extKeyUsage:
          facts.extendedKeyUsage = [...AsnConvert.parse(value, ExtendedKeyUsage)];
          break;
        case id_ce_certificatePolicies:
          facts.policies = AsnConvert.parse(value, CertificatePolicies).map((p) => p.policyIdentifier);
          break;
        case id_pe_authorityInfoAccess:
          facts.ocspUrl =
            AsnConvert.parse(value, AuthorityInfoAccessSyntax).find(
              (d) => d.accessMethod === id_ad_ocsp && d.accessLocation.uniformResourceIdentifier,
            )?.accessLocation.uniformResourceIdentifier ?? null;
          break;
      }
    }
  } catch (error) {
    throw refusal(
      'certificate_malformed',
      `an extension of the certificate cannot be read: ${(error as Error).message}`,
    );
  }
  return facts;
}

/** Step 2: the validity period against `now`. */
export function checkValidity(cert: CertificateFacts, now: Date): void {
  if (now < new Date(cert.x509.validFrom))
    throw refusal('certificate_not_yet_valid', `the certificate is valid from ${cert.x509.validFrom}`);
  if (now > new Date(cert.x509.validTo))
    throw refusal('certificate_expired', `the certificate expired on ${cert.x509.validTo}`);
}

/** Step 3: an authentication certificate, not a signing one. */
export function checkPurpose(cert: CertificateFacts): void {
  const usage = cert.keyUsage ?? [];
  const digitalSignature = usage.includes('digitalSignature');
  if (usage.includes('nonRepudiation') && !digitalSignature)
    throw refusal(
      'certificate_is_signing_certificate',
      'this is the signing certificate of the card (PIN2), not its authentication certificate',
    );
  if (!digitalSignature)
    throw refusal('certificate_missing_digital_signature', 'the certificate does not allow digitalSignature');
  if (!cert.extendedKeyUsage?.includes(OID_CLIENT_AUTH))
    throw refusal(
      'certificate_missing_client_auth',
      'the certificate is not for client authentication (extended key usage clientAuth)',
    );
}

/** Step 4: no disallowed policy (Mobile-ID and the like). */
export function checkPolicies(cert: CertificateFacts, disallowed: ReadonlySet<string>): void {
  const found = cert.policies.find((policy) => disallowed.has(policy));
  if (found)
    throw refusal('certificate_policy_disallowed', `certificates of policy ${found} may not sign in here`);
}

const single = (cert: CertificateFacts, oid: string): string | undefined => {
  const values = cert.subject.get(oid);
  return values?.length === 1 ? values[0]!.normalize('NFC') : undefined;
};

/**
 * Step 5: serialNumber `PNOEE-<code>` with a valid personal code, CN `SURNAME,GIVEN,CODE` naming the
 * same code (and the same names as the surname/givenName attributes where those are present).
 * Returns the personal code.
 */
export function checkSubject(cert: CertificateFacts): string {
  const serial = single(cert, OID_SERIAL_NUMBER);
  const code = /^PNOEE-(\d{11})$/.exec(serial ?? '')?.[1];
  if (!code || !isValidPersonalCode(code))
    throw refusal(
      'certificate_subject_invalid',
      `the subject serialNumber "${serial ?? ''}" is not PNOEE- and a valid Estonian personal code`,
    );
  const cn = single(cert, OID_CN);
  const parts = cn?.split(',') ?? [];
  const [surname, given, cnCode] = parts;
  if (parts.length !== 3 || !surname || !given || cnCode !== code)
    throw refusal(
      'certificate_subject_invalid',
      `the subject CN "${cn ?? ''}" is not "SURNAME,GIVEN,${code}"`,
    );
  const same = (oid: string, value: string) => {
    const attribute = single(cert, oid);
    return attribute === undefined || attribute.toUpperCase() === value.toUpperCase();
  };
  if (!same(OID_SURNAME, surname) || !same(OID_GIVEN_NAME, given))
    throw refusal('certificate_subject_invalid', 'the subject CN does not match its surname and given name');
  return code;
}

/** Step 6: issued (name and signature) by one of the trusted intermediates, which is valid now. */
export function findTrustedIssuer(
  cert: CertificateFacts,
  trusted: readonly X509Certificate[],
  now: Date,
): X509Certificate {
  const issuer = trusted.find((ca) => cert.x509.checkIssued(ca) && cert.x509.verify(ca.publicKey));
  if (!issuer)
    throw refusal(
      'certificate_untrusted',
      `the certificate's issuer "${cert.x509.issuer.replace(/\n/g, ', ')}" is not a trusted CA`,
    );
  if (now < new Date(issuer.validFrom) || now > new Date(issuer.validTo))
    throw refusal('certificate_untrusted', 'the issuing CA certificate is not valid now');
  return issuer;
}

/** The subject as one readable line, for audit entries and logs. */
export function oneLineName(name: string): string {
  return name.split('\n').join(', ');
}
