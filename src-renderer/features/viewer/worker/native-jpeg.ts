/**
 * The browser's own JPEG decoder for pdf.js's worker (decision 15). pdf.js decodes a DCT image with the
 * `ImageDecoder` API when allowed, and falls back to its JavaScript decoder when the API is missing or
 * fails; in Chromium it does not allow it by default, for two Chromium bugs: huge BMPs (which pdf.js
 * makes to resize images) crash `ImageDecoder`, and JPEGs with an embedded colour profile come out
 * wrong. This stands in for `ImageDecoder` inside the worker and avoids both: it answers for JPEG only
 * (BMPs go through `createImageBitmap`, as they do by default), and it decodes with
 * `createImageBitmap(blob, { colorSpaceConversion: 'none' })` — the profile ignored, as pdf.js's own
 * decoder and the PDF specification do (the PDF's colour space applies, not the JPEG's). The real
 * `ImageDecoder` is not used: its frames are freed only by a garbage collection (the renderer grew by
 * about 4 MB a page while scrolling), and turning a frame into a bitmap costs what the decode saves.
 */
export class JpegDecoder {
  static isTypeSupported(type: string): Promise<boolean> {
    return Promise.resolve(type === 'image/jpeg');
  }

  readonly #bytes: Blob;

  constructor(init: ImageDecoderInit) {
    const { data, type } = init;
    if (type !== 'image/jpeg') throw new TypeError(`not decoded here: ${type}`);
    if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data))
      throw new TypeError('JPEG bytes expected, not a stream');
    // A copy of the bytes (a view copies only its own range); pdf.js may reuse its buffer.
    this.#bytes = new Blob([data as ArrayBufferView<ArrayBuffer> | ArrayBuffer], { type });
  }

  async decode(): Promise<ImageDecodeResult> {
    const bitmap = await createImageBitmap(this.#bytes, {
      colorSpaceConversion: 'none',
      imageOrientation: 'none', // pdf.js blanks the EXIF block anyway: a PDF image is never turned by it
    });
    // pdf.js only transfers `image` to the page and draws it, which an ImageBitmap does as a frame would.
    return { complete: true, image: bitmap as unknown as VideoFrame };
  }

  close(): void {}
}

/** Makes `JpegDecoder` the scope's `ImageDecoder`; called before pdf.js's worker code is evaluated. */
export function installNativeJpeg(scope: { ImageDecoder?: unknown }): void {
  scope.ImageDecoder = JpegDecoder;
}
