import { cleanup, render } from '@testing-library/react';
import { App } from '../../../src-renderer/app/app';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { createFakeHost, type FakeHost, type FakeHostOptions } from './fake-host';

/**
 * Installs a fake host as window.chambers and renders the whole app, as main.tsx would. The app
 * opens at `at` (the case list unless a test says otherwise) when the test has not set an address.
 */
export function renderApp(options: FakeHostOptions | FakeHost = {}, at = '#/cases') {
  if (window.location.hash === '' && at !== '') window.history.replaceState(null, '', `/${at}`);
  const host = 'api' in options ? options : createFakeHost(options);
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const queryClient = createQueryClient();
  const view = render(<App queryClient={queryClient} />);
  return { host, queryClient, ...view };
}

/** Each test starts in a fresh window: no host, no stored preferences, no route. */
export function resetWindow(): void {
  cleanup();
  Reflect.deleteProperty(window, 'chambers');
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.lang = '';
}
