import type { HTMLAttributes } from 'react';
import { cx } from '../ui/cx.ts';

/** Props of {@link ShareDialogBody}: a div's. */
export type ShareDialogBodyProps = HTMLAttributes<HTMLDivElement>;

/** The dialog's scrolling middle, between the header and the footer, where the sections go. */
export function ShareDialogBody({ className, ...props }: ShareDialogBodyProps) {
  return <div className={cx('sw-body', className)} data-slot="share-dialog-body" {...props} />;
}
