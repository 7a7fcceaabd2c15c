/**
 * CorpusErrorBoundary — the last net under the explorer in corpus mode:
 * anything a render throws shows the error as text and a button that opens
 * the corpus's overview again (the data shell's net offers the seed article,
 * which a corpus page does not have).
 */

import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  onReset: () => void;
  children: ReactNode;
}

interface State {
  error: unknown;
}

export class CorpusErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('newsgraph: the corpus explorer crashed and was replaced by the recovery screen', error, info.componentStack);
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
        <h1>Something went wrong while showing the corpus</h1>
        <pre>{message}</pre>
        <button type="button" className="tool-button tool-primary" onClick={this.reset} data-testid="crash-reset">
          Back to the overview
        </button>
      </div>
    );
  }
}
