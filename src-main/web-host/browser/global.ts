import type { ChambersApi } from '../../../src-shared/contract/index.js';

declare global {
  interface Window {
    /**
     * Provided by the browser host's bridge.js (and by the preload under Electron). Optional, and
     * declared exactly as src-renderer/platform/chambers.ts does: both are in the DOM project and
     * TypeScript requires merged declarations to be identical.
     */
    chambers?: ChambersApi;
  }
}

export {};
