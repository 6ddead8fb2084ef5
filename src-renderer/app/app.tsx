import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { I18nProvider } from '../i18n/i18n-provider';
import { createQueryClient } from './query-client';
import { AppRoot } from './root';

/** The whole renderer; tests pass their own QueryClient so no cache leaks between them. */
export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <ErrorBoundary>
          <AppRoot />
        </ErrorBoundary>
      </I18nProvider>
    </QueryClientProvider>
  );
}
