// The part of pdf.js's image decoders build (no types shipped) that jpeg.tsx uses.
declare module 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    constructor(options?: { decodeTransform?: Int32Array | null; colorTransform?: number });
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    getData(options: {
      width: number;
      height: number;
      forceRGB?: boolean;
      forceRGBA?: boolean;
      isSourcePDF?: boolean;
    }): Uint8ClampedArray;
  }
}
