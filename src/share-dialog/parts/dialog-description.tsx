import * as Dialog from '@radix-ui/react-dialog';
import type { ComponentPropsWithRef } from 'react';
import { findRole } from '../../sharing/asset-types.ts';
import { useDialogAsset } from '../dialog-asset.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { cx } from '../ui/cx.ts';

/** Props of {@link ShareDialogDescription}: a paragraph's; without children it names the type and your role. */
export type ShareDialogDescriptionProps = ComponentPropsWithRef<typeof Dialog.Description>;

/** The line under the title: the asset type, and the actor's role once known (`Dataset · You are Owner`). */
export function ShareDialogDescription({ className, children, ...props }: ShareDialogDescriptionProps) {
  const { messages, roleLabel } = useShareDialogConfig();
  const state = useDialogAsset();
  let description = '';
  if (state.status === 'ready') {
    const yourRole = findRole(state.assetType, state.asset.yourRole);
    const yourRoleLabel = yourRole ? roleLabel(state.assetType, yourRole) : null;
    description = messages.dialogSubtitle(state.assetType.label, yourRoleLabel);
  } else if (state.status !== 'unknownType') description = state.assetType.label;
  return (
    <Dialog.Description
      className={cx('sw-subtitle', className)}
      data-slot="share-dialog-description"
      {...props}
    >
      {children ?? description}
    </Dialog.Description>
  );
}
