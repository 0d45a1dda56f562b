import type { Ref, SelectHTMLAttributes } from 'react';
import { cx } from './cx.ts';

/** Props of a select: a native select's. */
export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  ref?: Ref<HTMLSelectElement>;
  /** A smaller control, for rows of a list. */
  compact?: boolean;
}

/** A native select in the dialog's look: small, keyboard- and phone-friendly. */
export function Select({ className, compact = false, children, ...props }: SelectProps) {
  return (
    <span data-slot="select" className={cx('sw-select', compact && 'sw-select--compact', className)}>
      <select className="sw-select__control" {...props}>
        {children}
      </select>
      <svg className="sw-select__chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    </span>
  );
}
