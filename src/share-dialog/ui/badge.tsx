import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

/** Props of a badge: a span's, with a tone. */
export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: 'neutral' | 'pending' | 'danger' | 'accent';
}

/** A small label, e.g. "Pending" on a changed row. */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return <span data-slot="badge" className={cx('sw-badge', `sw-badge--${tone}`, className)} {...props} />;
}
