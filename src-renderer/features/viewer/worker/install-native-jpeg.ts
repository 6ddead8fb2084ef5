import { installNativeJpeg } from './native-jpeg';

installNativeJpeg(globalThis as { ImageDecoder?: unknown });
