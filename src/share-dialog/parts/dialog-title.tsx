import * as Dialog from '@radix-ui/react-dialog';
import type { ComponentPropsWithRef } from 'react';
import { useDialogAsset } from '../dialog-asset.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { cx } from '../ui/cx.ts';

/** Props of {@link ShareDialogTitle}: a heading's; without children it says `Share <asset name>`. */
export type ShareDialogTitleProps = ComponentPropsWithRef<typeof Dialog.Title>;

/** The dialog's name (`Share <asset name>`, or the asset type while the asset loads). A dialog needs one. */
export function ShareDialogTitle({ className, children, ...props }: ShareDialogTitleProps) {
  const { messages } = useShareDialogConfig();
  const state = useDialogAsset();
  let title: string;
  if (state.status === 'unknownType') title = messages.dialogTitleLoading(state.assetTypeId);
  else if (state.asset) title = messages.dialogTitle(state.asset.name);
  else title = messages.dialogTitleLoading(state.assetType.label);
  return (
    <Dialog.Title className={cx('sw-title', className)} data-slot="share-dialog-title" {...props}>
      {children ?? title}
    </Dialog.Title>
  );
}
