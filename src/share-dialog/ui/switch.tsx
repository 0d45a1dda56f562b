import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './cx.ts';

/** Props of a switch: a button's, with its on/off state. */
export interface SwitchProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onChange' | 'role'> {
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  ref?: Ref<HTMLButtonElement>;
}

/** An on/off switch (`role="switch"`); name it with `aria-labelledby` or `aria-label`. */
export function Switch({ checked, onCheckedChange, className, disabled, ...props }: SwitchProps) {
  return (
    <button
      data-slot="switch"
      type="button"
      role="switch"
      aria-checked={checked}
      data-state={checked ? 'on' : 'off'}
      className={cx('sw-switch', className)}
      disabled={disabled}
      onClick={() => onCheckedChange(!checked)}
      {...props}
    >
      <span className="sw-switch__thumb" aria-hidden="true" />
    </button>
  );
}
