import * as Dialog from '@radix-ui/react-dialog';
import { useControllableState } from '@radix-ui/react-use-controllable-state';
import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useMemo,
  useRef,
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

/** Props of {@link ShareDialogRoot} besides the target: the open state, controlled or not (as Radix's Dialog). */
export interface ShareDialogRootOptions {
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. */
  defaultOpen?: boolean;
  /**
   * Called when the open state changes, and only then; closing with pending changes asks the person first, and
   * calls it only once they chose to discard.
   */
  onOpenChange?(open: boolean): void;
  /** Open on the access requests (`Requests (<n>)` expanded and focused), e.g. from a notification's link. */
  initialView?: 'requests';
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
  /** The view the dialog opens on (`requests`: the access requests), from the root's `initialView`. */
  initialView: 'requests' | undefined;
  /** The editor registers its guard here; the root consults it before closing. */
  closeGuardRef: RefObject<CloseGuard | null>;
  /** The dialog element, once the content is rendered: where the editor moves focus. */
  contentRef: RefObject<HTMLDivElement | null>;
  /** The element that opened the dialog, once `ShareDialog.Trigger` is rendered: where focus returns on close. */
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** Closes without asking (after the person chose to discard). */
  forceClose(): void;
}

const ShareDialogRootContext = createContext<ShareDialogRootContextValue | null>(null);

/** The root's asset, close guard and dialog element, for the parts inside it; throws outside a Root. */
export function useShareDialogRoot(): ShareDialogRootContextValue {
  const context = useContext(ShareDialogRootContext);
  if (!context) throw new Error('The parts of ShareDialog must be inside ShareDialog.Root.');
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
  initialView,
  children,
}: ShareDialogRootProps) {
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
    caller: 'ShareDialog.Root',
  });
  const closeGuardRef = useRef<CloseGuard | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);

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
      initialView,
      closeGuardRef,
      contentRef,
      triggerRef,
      forceClose: () => setOpen(false),
    }),
    [assetType, assetId, assets, initialView, setOpen],
  );

  return (
    <ShareDialogRootContext.Provider value={context}>
      {/* Modal, but made so by `ShareDialog.Content` rather than by Radix (see `ModalScope`). */}
      <Dialog.Root open={open} onOpenChange={handleOpenChange} modal={false}>
        {children}
      </Dialog.Root>
    </ShareDialogRootContext.Provider>
  );
}
