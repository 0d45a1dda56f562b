import * as Dialog from '@radix-ui/react-dialog';
import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';

/** One asset of a dialog that shares several at once. */
export interface ShareDialogAssetRef {
  /** The asset type's registry id, e.g. `dataset`. */
  assetType: string;
  assetId: string;
}

/** Which asset a dialog shares: one (`assetType` and `assetId`), or several at once (`assets`, SPEC §11). */
export type ShareDialogTarget =
  | (ShareDialogAssetRef & { assets?: never })
  | { assets: readonly ShareDialogAssetRef[]; assetType?: never; assetId?: never };

/** Props of {@link ShareDialogRoot} besides the target: the open state, controlled or not. */
export interface ShareDialogRootOptions {
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close; closing with pending changes asks the person first. */
  onOpenChange?(open: boolean): void;
  children?: ReactNode;
}

/** Props of {@link ShareDialogRoot}: which asset (or assets), and the open state, controlled or not. */
export type ShareDialogRootProps = ShareDialogTarget & ShareDialogRootOptions;

/** Decides whether the dialog may close now; answers false after asking the person (e.g. to discard changes). */
export type CloseGuard = () => boolean;

interface ShareDialogRootContextValue {
  assetType: string;
  assetId: string;
  /** The assets of a dialog that shares several at once; null for one asset. */
  assets: readonly ShareDialogAssetRef[] | null;
  open: boolean;
  /** The content registers its guard here; the root consults it before closing. */
  closeGuardRef: RefObject<CloseGuard | null>;
  /** Asks to close, through the guard. */
  requestClose(): void;
  /** Closes without asking (after the person chose to discard). */
  forceClose(): void;
}

const ShareDialogRootContext = createContext<ShareDialogRootContextValue | null>(null);

/** The root's state, for the parts inside it. */
export function useShareDialogRoot(): ShareDialogRootContextValue {
  const context = useContext(ShareDialogRootContext);
  if (!context)
    throw new Error('ShareDialog.Trigger and ShareDialog.Content must be inside ShareDialog.Root.');
  return context;
}

/** Holds a share dialog of one asset (or several): its open state and the parts (`Trigger`, `Content`) inside. */
export function ShareDialogRoot({
  assetType = '',
  assetId = '',
  assets,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  children,
}: ShareDialogRootProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const controlled = openProp !== undefined;
  const open = controlled ? openProp : uncontrolledOpen;
  const closeGuardRef = useRef<CloseGuard | null>(null);

  const setOpen = useCallback(
    (next: boolean) => {
      if (!controlled) setUncontrolledOpen(next);
      onOpenChange?.(next);
    },
    [controlled, onOpenChange],
  );

  const handleOpenChange = useCallback(
    (next: boolean) => {
      if (!next && closeGuardRef.current && !closeGuardRef.current()) return;
      setOpen(next);
    },
    [setOpen],
  );

  const context = useMemo<ShareDialogRootContextValue>(
    () => ({
      assetType,
      assetId,
      assets: assets ?? null,
      open,
      closeGuardRef,
      requestClose: () => handleOpenChange(false),
      forceClose: () => setOpen(false),
    }),
    [assetType, assetId, assets, open, handleOpenChange, setOpen],
  );

  return (
    <ShareDialogRootContext.Provider value={context}>
      <Dialog.Root open={open} onOpenChange={handleOpenChange}>
        {children}
      </Dialog.Root>
    </ShareDialogRootContext.Provider>
  );
}
