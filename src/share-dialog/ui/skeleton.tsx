import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

/** Props of a skeleton: a div's, with the size of what it stands in for. */
export interface SkeletonProps extends HTMLAttributes<HTMLDivElement> {
  width?: string;
  height?: string;
}

/** A grey placeholder where content is loading; hidden from assistive technology. */
export function Skeleton({ width, height, className, style, ...props }: SkeletonProps) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cx('sw-skeleton', className)}
      style={{ width, height, ...style }}
      {...props}
    />
  );
}
