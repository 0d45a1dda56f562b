import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './cx.ts';
import { Hint } from './hint.tsx';

/** Props of a labelled checkbox: a native checkbox's, with its label and an optional visible description. */
export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  /** Shown under the label and tied to the checkbox by `aria-describedby` (e.g. why it is disabled). */
  description?: ReactNode;
  /** The id of the description element; required with `description`. */
  descriptionId?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A checkbox with its label, and, when there is one, the sentence that explains it. */
export function CheckboxField({
  label,
  description,
  descriptionId,
  className,
  ...props
}: CheckboxFieldProps) {
  return (
    <div data-slot="checkbox-field" className={cx('sw-check', className)}>
      <label className="sw-check__label">
        <input
          type="checkbox"
          className="sw-check__input"
          aria-describedby={description ? descriptionId : undefined}
          {...props}
        />
        <span>{label}</span>
      </label>
      {description ? (
        <Hint id={descriptionId} tone={props.disabled ? 'locked' : 'muted'}>
          {description}
        </Hint>
      ) : null}
    </div>
  );
}
