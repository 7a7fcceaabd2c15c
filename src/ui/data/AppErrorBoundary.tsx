/**
 * AppErrorBoundary — the last net under the explorer: anything a render
 * throws (a bug, a dataset shape nobody foresaw) shows the error as text and
 * a button back to safe ground instead of a blank page: the curated seed
 * article in the data shell, the overview in corpus mode (which has no seed).
 */

import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  onReset: () => void;
  /** What the heading says could not be shown. */
  showing?: string;
  /** The reset button's words. */
  resetLabel?: string;
  children: ReactNode;
}

interface State {
  error: unknown;
}

export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('newsgraph: the explorer crashed and was replaced by the recovery screen', error, info.componentStack);
  }

  private reset = () => {
    this.setState({ error: null });
    this.props.onReset();
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return (
      <div className="startup-error crash-screen" role="alert" data-testid="crash-screen">
        <h1>Something went wrong while showing {this.props.showing ?? 'this graph'}</h1>
        <pre>{message}</pre>
        <button type="button" className="tool-button tool-primary" onClick={this.reset} data-testid="crash-reset">
          {this.props.resetLabel ?? 'Back to the seed article'}
        </button>
      </div>
    );
  }
}
