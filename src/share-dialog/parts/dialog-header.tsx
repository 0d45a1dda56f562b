import { cx } from '../ui/cx.ts';
import { ShareDialogClose } from './dialog-close.tsx';
import { ShareDialogDescription } from './dialog-description.tsx';
import { ShareDialogTitle } from './dialog-title.tsx';

/** Props of {@link ShareDialogHeader}: only a class; a header of its own is composed from Title, Description, Close. */
export interface ShareDialogHeaderProps {
  /** Extra classes on the header (it already has `sw-header`). */
  className?: string;
}

/** The dialog's default header: title and description, and the × button. Compose your own from the three. */
export function ShareDialogHeader({ className }: ShareDialogHeaderProps) {
  return (
    <div className={cx('sw-header', className)} data-slot="share-dialog-header">
      <div className="sw-header__text">
        <ShareDialogTitle />
        <ShareDialogDescription />
      </div>
      <ShareDialogClose />
    </div>
  );
}
