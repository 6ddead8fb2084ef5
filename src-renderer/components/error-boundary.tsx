import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorNotice } from './error-notice';

interface State {
  error: unknown;
}

/** A render error shows a notice with a retry instead of leaving a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Chambers renderer error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="full-page">
        <ErrorNotice error={this.state.error} onRetry={() => this.setState({ error: null })} />
      </div>
    );
  }
}
