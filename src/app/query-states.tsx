import type { ReactNode } from 'react';

export interface QueryLoadingProps {
  /** What a screen reader hears while it loads, e.g. `Loading the outbox…`. */
  label: string;
  className?: string;
  /** The skeletons shown meanwhile. */
  children: ReactNode;
}

/** A page's part while its query loads: skeletons, and a status that says what is loading. */
export function QueryLoading({ label, className, children }: QueryLoadingProps) {
  return (
    <div className={className} role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {children}
    </div>
  );
}

export interface QueryErrorProps {
  /** What could not be loaded, as the sentence's subject, e.g. `The outbox`. */
  subject: string;
  error: Error;
  onRetry(): void;
}

/** A page's part when its query failed: what could not be loaded and why, and Try again. */
export function QueryError({ subject, error, onRetry }: QueryErrorProps) {
  return (
    <div className="callout callout--error" role="alert">
      <p>
        {subject} could not be loaded: {error.message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
