import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';
import { LockIcon } from './icons.tsx';

/** Props of a hint: a paragraph's, with a tone. `id` ties it to its control through `aria-describedby`. */
export interface HintProps extends HTMLAttributes<HTMLParagraphElement> {
  tone?: 'muted' | 'locked' | 'danger';
}

/** A visible sentence under a control: what it does, why it is disabled, or what went wrong. */
export function Hint({ tone = 'muted', className, children, ...props }: HintProps) {
  return (
    <p
      data-slot="hint"
      className={cx('sw-hint', tone !== 'muted' && `sw-hint--${tone}`, className)}
      {...props}
    >
      {tone === 'locked' ? <LockIcon size={12} /> : null}
      <span>{children}</span>
    </p>
  );
}
