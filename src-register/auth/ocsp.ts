import { X509Certificate, createHash, randomBytes, verify } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  BasicOCSPResponse,
  CertID,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  type SingleResponse,
  TBSRequest,
  id_pkix_ocsp_basic,
  id_pkix_ocsp_nonce,
} from '@peculiar/asn1-ocsp';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  Certificate,
  Extension,
  ExtendedKeyUsage,
  id_ce_extKeyUsage,
} from '@peculiar/asn1-x509';
import { OID_OCSP_SIGNING } from './certificate.js';
import { refusal } from './config.js';
import { certificateSubjectDer, derChildren, derElement, spkiPublicKeyBits } from './der.js';

const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
/** A responder's clock may run this far ahead of ours. */
export const OCSP_ALLOWED_SKEW_MS = 15 * 60 * 1000;
const MAX_RESPONSE_BYTES = 256 * 1024;

/** Signature algorithms an OCSP response may use, by OID, with the hash node's verify() takes. */
const SIGNATURE_HASHES: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.3.2': 'sha256', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

export type OcspStatus = 'good' | 'revoked' | 'unknown';

export interface OcspCheck {
  /** DER of the certificate whose status is asked. */
  certificateDer: Buffer;
  /** Its issuer (a trusted intermediate). */
  issuer: X509Certificate;
  url: string;
  timeoutMs: number;
  now: Date;
}

const arrayBuffer = (bytes: Buffer): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
const bytesOf = (x: ArrayBuffer | Buffer): Buffer => (Buffer.isBuffer(x) ? x : Buffer.from(x));
const sameBytes = (a: ArrayBuffer | Buffer, b: ArrayBuffer | Buffer) => bytesOf(a).equals(bytesOf(b));

const invalid = (message: string) => refusal('ocsp_response_invalid', `OCSP response: ${message}`);

function certId(certificateDer: Buffer, issuer: X509Certificate): CertID {
  const serial = AsnConvert.parse(certificateDer, Certificate).tbsCertificate.serialNumber;
  const issuerKey = spkiPublicKeyBits(issuer.publicKey.export({ type: 'spki', format: 'der' }));
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID_SHA256, parameters: null }),
    issuerNameHash: new OctetString(arrayBuffer(sha256(certificateSubjectDer(issuer.raw)))),
    issuerKeyHash: new OctetString(arrayBuffer(sha256(issuerKey))),
    serialNumber: serial,
  });
}

/** An OCSPRequest for one certificate, with a random nonce extension; returns its DER and the nonce extension value. */
export function buildOcspRequest(
  certificateDer: Buffer,
  issuer: X509Certificate,
): { der: Buffer; id: CertID; nonceValue: Buffer } {
  const id = certId(certificateDer, issuer);
  const nonceValue = Buffer.from(AsnConvert.serialize(new OctetString(arrayBuffer(randomBytes(32)))));
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({
      requestList: [new Request({ reqCert: id })],
      requestExtensions: [
        new Extension({
          extnID: id_pkix_ocsp_nonce,
          critical: false,
          extnValue: new OctetString(arrayBuffer(nonceValue)),
        }),
      ],
    }),
  });
  return { der: Buffer.from(AsnConvert.serialize(request)), id, nonceValue };
}

/**
 * POSTs the request over a fresh connection that closes after the answer (no pooled keep-alive
 * sockets left open towards the responder); the whole exchange must finish within `timeoutMs`.
 */
function post(url: string, body: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const fail = (reason: string) =>
      reject(refusal('ocsp_unavailable', `the OCSP responder ${url} cannot be asked: ${reason}`));
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return fail('not a URL');
    }
    const send =
      target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : null;
    if (!send) return fail('not an http(s) URL');
    const outgoing = send(target, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/ocsp-request',
        accept: 'application/ocsp-response',
        'content-length': String(body.length),
        connection: 'close',
      },
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      fail(`no answer within ${timeoutMs} ms`);
    }, timeoutMs);
    const done = () => clearTimeout(timer);
    outgoing.once('error', (error: NodeJS.ErrnoException) => {
      done();
      fail(error.code ?? error.message);
    });
    outgoing.once('response', (response) => {
      if (response.statusCode !== 200) {
        done();
        response.resume();
        return fail(`HTTP ${response.statusCode ?? '?'}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          done();
          outgoing.destroy();
          fail(`the response is larger than ${MAX_RESPONSE_BYTES} bytes`);
        } else chunks.push(chunk);
      });
      response.once('end', () => {
        done();
        resolve(Buffer.concat(chunks));
      });
      response.once('error', (error) => {
        done();
        fail(error.message);
      });
    });
    outgoing.end(body);
  });
}

/** The DER certificates a BasicOCSPResponse carries, exactly as encoded ([0] EXPLICIT SEQUENCE OF). */
function includedCertificates(basicDer: Buffer): X509Certificate[] {
  const holder = derChildren(derElement(basicDer).contents).find((e) => e.tag === 0xa0);
  if (!holder) return [];
  const [sequence] = derChildren(holder.contents);
  return sequence ? derChildren(sequence.contents).map((c) => new X509Certificate(c.whole)) : [];
}

function hasOcspSigning(cert: X509Certificate): boolean {
  const parsed = AsnConvert.parse(cert.raw, Certificate);
  const extension = parsed.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_extKeyUsage);
  return extension
    ? [...AsnConvert.parse(extension.extnValue.buffer, ExtendedKeyUsage)].includes(OID_OCSP_SIGNING)
    : false;
}

/**
 * The signer of the response: the intermediate itself, or a responder certificate included in the
 * response, issued by that intermediate, valid now and with EKU OCSPSigning.
 */
function checkSigner(basic: BasicOCSPResponse, basicDer: Buffer, issuer: X509Certificate, now: Date): void {
  const hash = SIGNATURE_HASHES[basic.signatureAlgorithm.algorithm];
  if (!hash || !basic.tbsResponseDataRaw)
    throw invalid(`unsupported signature algorithm ${basic.signatureAlgorithm.algorithm}`);
  const signed = Buffer.from(basic.tbsResponseDataRaw);
  const signature = Buffer.from(basic.signature);
  const verifies = (cert: X509Certificate) => {
    try {
      return verify(hash, signed, cert.publicKey, signature);
    } catch {
      return false;
    }
  };
  const signer = [...includedCertificates(basicDer), issuer].find(verifies);
  if (!signer)
    throw invalid('the signature does not verify with the responder certificate or the issuing CA');
  if (signer.raw.equals(issuer.raw)) return;
  if (!signer.checkIssued(issuer) || !signer.verify(issuer.publicKey))
    throw invalid("the responder certificate is not issued by the certificate's CA");
  if (now < new Date(signer.validFrom) || now > new Date(signer.validTo))
    throw invalid('the responder certificate is not valid now');
  if (!hasOcspSigning(signer))
    throw invalid('the responder certificate lacks extended key usage OCSPSigning');
}

const sameCertId = (a: CertID, b: CertID) =>
  a.hashAlgorithm.algorithm === b.hashAlgorithm.algorithm &&
  sameBytes(a.issuerNameHash.buffer, b.issuerNameHash.buffer) &&
  sameBytes(a.issuerKeyHash.buffer, b.issuerKeyHash.buffer) &&
  sameBytes(a.serialNumber, b.serialNumber);

/** Checks a DER OCSPResponse against the request; returns the certificate's status. */
export function readOcspResponse(
  der: Buffer,
  request: { id: CertID; nonceValue: Buffer },
  issuer: X509Certificate,
  now: Date,
): OcspStatus {
  let response: OCSPResponse;
  let basic: BasicOCSPResponse;
  let basicDer: Buffer;
  try {
    response = AsnConvert.parse(der, OCSPResponse);
    if (response.responseStatus !== OCSPResponseStatus.successful)
      throw invalid(`status ${OCSPResponseStatus[response.responseStatus] ?? response.responseStatus}`);
    if (!response.responseBytes || response.responseBytes.responseType !== id_pkix_ocsp_basic)
      throw invalid('not a basic OCSP response');
    basicDer = Buffer.from(response.responseBytes.response.buffer);
    basic = AsnConvert.parse(basicDer, BasicOCSPResponse);
  } catch (error) {
    if ((error as { reason?: string }).reason === 'ocsp_response_invalid') throw error;
    throw invalid(`cannot be read: ${(error as Error).message}`);
  }
  checkSigner(basic, basicDer, issuer, now);
  const data = basic.tbsResponseData;
  const single: SingleResponse | undefined = data.responses.find((r) => sameCertId(r.certID, request.id));
  if (!single) throw invalid('it does not answer for the certificate asked about');
  if (single.thisUpdate.getTime() > now.getTime() + OCSP_ALLOWED_SKEW_MS)
    throw invalid('thisUpdate is in the future');
  if (single.nextUpdate && single.nextUpdate.getTime() < now.getTime() - OCSP_ALLOWED_SKEW_MS)
    throw invalid('nextUpdate is in the past');
  const nonce = data.responseExtensions?.find((e) => e.extnID === id_pkix_ocsp_nonce);
  if (nonce && !sameBytes(nonce.extnValue.buffer, request.nonceValue))
    throw invalid('the nonce does not match the request');
  if (single.certStatus.revoked) return 'revoked';
  if (single.certStatus.good !== undefined) return 'good';
  return 'unknown';
}

/** Step 8: asks the responder and refuses a revoked or unknown certificate. */
export async function checkOcsp(check: OcspCheck): Promise<void> {
  const request = buildOcspRequest(check.certificateDer, check.issuer);
  const der = await post(check.url, request.der, check.timeoutMs);
  const status = readOcspResponse(der, request, check.issuer, check.now);
  if (status === 'revoked') throw refusal('certificate_revoked', 'the certificate has been revoked');
  if (status === 'unknown')
    throw refusal('certificate_status_unknown', 'the OCSP responder does not know the certificate');
}
