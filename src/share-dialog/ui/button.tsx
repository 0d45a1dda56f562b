import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './cx.ts';
import { SpinnerIcon } from './icons.tsx';

/** Props of a button: a native button's, with a look, a size and a busy state. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'md' | 'sm' | 'icon';
  /** Shows a spinner and marks the button busy; it stays focusable but does nothing. */
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A button in the dialog's look. */
export function Button({
  variant = 'secondary',
  size = 'md',
  pending = false,
  className,
  type = 'button',
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      data-slot="button"
      type={type}
      className={cx('sw-button', `sw-button--${variant}`, `sw-button--${size}`, className)}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? <SpinnerIcon /> : null}
      {children}
    </button>
  );
}
