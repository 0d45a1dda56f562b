import type { Ref, TextareaHTMLAttributes } from 'react';
import { cx } from './cx.ts';

/** Props of a textarea: a native textarea's. */
export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

/** A native textarea in the dialog's look. */
export function Textarea({ className, ...props }: TextareaProps) {
  return <textarea data-slot="textarea" className={cx('sw-textarea', className)} {...props} />;
}
