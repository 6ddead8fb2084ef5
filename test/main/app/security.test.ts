import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  resolveAppUrl,
} from '../../../src-main/app/security.js';

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy('http://127.0.0.1:4610/api/v1');
  const directives = new Map(
    csp.split('; ').map((part) => {
      const [name, ...values] = part.split(' ');
      return [name, values.join(' ')] as const;
    }),
  );

  it('allows only our own origin for code, and the register origin for connections', () => {
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self' chambers-doc://document http://127.0.0.1:4610");
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directives.get('img-src')).toBe("'self' data: blob:");
    expect(directives.get('worker-src')).toBe("'self' blob:");
  });

  it('forbids plugins, base rewriting and framing', () => {
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-eval|\*/);
  });

  it('refuses a register address without an origin', () => {
    expect(() => contentSecurityPolicy('not a url')).toThrow();
    expect(() => contentSecurityPolicy('data:text/plain,x')).toThrow(/no origin/);
  });
});

describe('isAllowedNavigation', () => {
  it('allows our own pages', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://chambers/cases/2-24-123?tab=documents#top')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4610/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://chambers.evil/index.html',
    'app://chambers:8080/index.html',
    'app://user:pw@chambers/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.riigiteataja.ee/akt/123',
    'https://e-toimik.ee/?q=1#x',
    'mailto:kantselei@kohus.ee',
    'mailto:a@b.ee?subject=Case',
  ])('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'file://server/share/case.pdf',
    'http://example.com/',
    'ftp://example.com/',
    'smb://server/share',
    'data:text/html,hi',
    'app://chambers/index.html',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'https://',
    ' https://example.com/',
    'https://exa\tmple.com/',
    'https://example.com/\n',
    'mailto:',
    'mailto://evil.example',
    `https://example.com/${'a'.repeat(3000)}`,
    'not a url',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('resolveAppUrl', () => {
  const dir = resolve('/srv/chambers/dist/renderer');

  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppUrl(dir, 'app://chambers/')).toBe(join(dir, 'index.html'));
    expect(resolveAppUrl(dir, 'app://chambers')).toBe(join(dir, 'index.html'));
    expect(resolveAppUrl(dir, 'app://chambers/assets/index-abc123.js?v=1#x')).toBe(
      join(dir, 'assets', 'index-abc123.js'),
    );
    expect(resolveAppUrl(dir, 'app://chambers/fonts/Inter%20Variable.woff2')).toBe(
      join(dir, 'fonts', 'Inter Variable.woff2'),
    );
  });

  it.each([
    'app://chambers/../secret.txt',
    'app://chambers/assets/../../secret.txt',
    'app://chambers/%2e%2e/secret.txt',
    'app://chambers/%2E%2E/secret.txt',
    'app://chambers/.%2e/secret.txt',
    'app://chambers/%2e./secret.txt',
    'app://chambers/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://chambers/..%2f..%2fsecret.txt',
    'app://chambers/..%5c..%5csecret.txt',
    'app://chambers/assets\\..\\..\\secret.txt',
    'app://chambers/%252e%252e/secret.txt',
    'app://chambers/%2fetc%2fpasswd',
    'app://chambers/a%00.js',
    'app://chambers/%E0%A4%A',
    'app://evil/index.html',
    'app://chambers.evil/index.html',
    'app://chambers:1234/index.html',
    'file:///etc/passwd',
    'https://chambers/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(dir, url)).toBeNull();
  });

  it('never returns a path outside the folder, whatever the input', () => {
    const inputs = ['..', '%2e', '%2f', '%5c', '/', '\\', '.', 'a', '%25'];
    for (const a of inputs) {
      for (const b of inputs) {
        for (const c of inputs) {
          const file = resolveAppUrl(dir, `app://chambers/${a}${b}${c}/x`);
          if (file !== null) expect(file.startsWith(dir + sep)).toBe(true);
        }
      }
    }
  });
});

describe('isTrustedSender', () => {
  const ours = new Set([1, 2]);
  const trusted = { frameUrl: 'app://chambers/index.html', isMainFrame: true, windowId: 1 };

  it('trusts our page in the main frame of our window', () => {
    expect(isTrustedSender(trusted, ours)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://chambers/cases/1', windowId: 2 }, ours)).toBe(true);
  });

  it.each([
    ['a subframe', { isMainFrame: false }],
    ['a window that is not ours', { windowId: 3 }],
    ['webContents without a window', { windowId: null }],
    ['a destroyed frame', { frameUrl: null }],
    ['another origin', { frameUrl: 'https://evil.example/' }],
    ['a look-alike host', { frameUrl: 'app://chambers.evil/index.html' }],
    ['a file page', { frameUrl: 'file:///tmp/index.html' }],
    ['about:blank', { frameUrl: 'about:blank' }],
  ])('refuses %s', (_name, change) => {
    expect(isTrustedSender({ ...trusted, ...change }, ours)).toBe(false);
  });
});
