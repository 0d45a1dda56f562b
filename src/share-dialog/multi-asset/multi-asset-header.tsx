import * as Dialog from '@radix-ui/react-dialog';
import { ShareDialogClose } from '../parts/dialog-close.tsx';

/** The header of a dialog of several assets: `Share <n> assets`, how many of how many types, and Close. */
export function MultiAssetHeader({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <div className="sw-header" data-slot="share-dialog-header">
      <div className="sw-header__text">
        <Dialog.Title className="sw-title" data-slot="share-dialog-title">
          {title}
        </Dialog.Title>
        <Dialog.Description className="sw-subtitle" data-slot="share-dialog-description">
          {subtitle}
        </Dialog.Description>
      </div>
      <ShareDialogClose />
    </div>
  );
}
