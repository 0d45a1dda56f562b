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

/** Props of {@link ShareDialogRoot}: which asset, and the open state, controlled or not. */
export interface ShareDialogRootProps {
  /** The asset type's registry id, e.g. `dataset`. */
  assetType: string;
  assetId: string;
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close; closing with pending changes asks the person first. */
  onOpenChange?(open: boolean): void;
  /** Open on the access requests (`Requests (<n>)` expanded and focused), e.g. from a notification's link. */
  initialView?: 'requests';
  children?: ReactNode;
}

/** Decides whether the dialog may close now; answers false after asking the person (e.g. to discard changes). */
export type CloseGuard = () => boolean;

interface ShareDialogRootContextValue {
  assetType: string;
  assetId: string;
  open: boolean;
  initialView: 'requests' | undefined;
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

/** Holds one asset's share dialog: its open state and the parts (`Trigger`, `Content`) inside. */
export function ShareDialogRoot({
  assetType,
  assetId,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  initialView,
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
      open,
      initialView,
      closeGuardRef,
      requestClose: () => handleOpenChange(false),
      forceClose: () => setOpen(false),
    }),
    [assetType, assetId, open, initialView, handleOpenChange, setOpen],
  );

  return (
    <ShareDialogRootContext.Provider value={context}>
      <Dialog.Root open={open} onOpenChange={handleOpenChange}>
        {children}
      </Dialog.Root>
    </ShareDialogRootContext.Provider>
  );
}
