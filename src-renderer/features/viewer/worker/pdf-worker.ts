// pdf.js's worker with the browser's JPEG decoder in place (see native-jpeg.ts). Modules are evaluated
// in import order, so the decoder is installed before pdf.js reads `ImageDecoder`.
import './install-native-jpeg';
import 'pdfjs-dist/build/pdf.worker.min.mjs';
