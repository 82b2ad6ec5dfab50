import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  fallback: (props: { error: Error; reset: () => void }) => ReactNode;
  onReset?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

// React still needs a class for this; everything else is a function component.
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The BFF logs with the request id shown to the member; this is for whoever opens the console.
    console.error(error, info.componentStack);
  }

  reset = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error) return this.props.fallback({ error: this.state.error, reset: this.reset });
    return this.props.children;
  }
}
