/**
 * A minimal DER reader: just enough to take the exact bytes of a certificate's subject name and
 * of a public key, which the OCSP CertID hashes (re-encoding them could change the bytes).
 */

export interface DerElement {
  tag: number;
  /** The whole element: tag, length and contents. */
  whole: Buffer;
  contents: Buffer;
}

export class DerError extends Error {
  override name = 'DerError';
}

function readElement(buffer: Buffer, offset: number): DerElement {
  if (offset + 2 > buffer.length) throw new DerError('truncated DER element');
  const tag = buffer[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not supported');
  let length = buffer[offset + 1]!;
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported DER length');
    if (offset + 2 + count > buffer.length) throw new DerError('truncated DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buffer[offset + 2 + i]!;
    header += count;
  }
  const end = offset + header + length;
  if (end > buffer.length) throw new DerError('DER element runs past its container');
  return {
    tag,
    whole: buffer.subarray(offset, end),
    contents: buffer.subarray(offset + header, end),
  };
}

/** The elements inside a constructed element's contents, in order. */
export function derChildren(contents: Buffer): DerElement[] {
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < contents.length) {
    const element = readElement(contents, offset);
    children.push(element);
    offset += element.whole.length;
  }
  return children;
}

/** Parses one element that must fill `buffer` exactly. */
export function derElement(buffer: Buffer): DerElement {
  const element = readElement(buffer, 0);
  if (element.whole.length !== buffer.length) throw new DerError('trailing bytes after a DER element');
  return element;
}

/** The DER bytes of a certificate's subject Name, exactly as encoded in it. */
export function certificateSubjectDer(certificateDer: Buffer): Buffer {
  const [tbs] = derChildren(derElement(certificateDer).contents);
  if (!tbs) throw new DerError('certificate without tbsCertificate');
  const fields = derChildren(tbs.contents);
  // version [0] is optional: serial, signature, issuer, validity, subject follow it.
  const start = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[start + 4];
  if (!subject || subject.tag !== 0x30) throw new DerError('certificate without a subject name');
  return subject.whole;
}

/** The subjectPublicKey BIT STRING value (without the unused-bits byte) of a DER SubjectPublicKeyInfo. */
export function spkiPublicKeyBits(spkiDer: Buffer): Buffer {
  const fields = derChildren(derElement(spkiDer).contents);
  const bits = fields[1];
  if (!bits || bits.tag !== 0x03 || bits.contents.length < 1)
    throw new DerError('SubjectPublicKeyInfo without a public key');
  return bits.contents.subarray(1);
}
