import { type RefObject, useCallback, useEffect } from 'react';

const enabledCombobox = '[role="combobox"]:not([aria-disabled="true"])';

/** Moves focus to where sharing starts, `Share with`, inside the dialog (e.g. after a save); false when it is not there. */
export function focusShareWith(dialog: HTMLElement | null): boolean {
  const combobox = dialog?.querySelector<HTMLElement>(enabledCombobox);
  combobox?.focus();
  return combobox !== null && combobox !== undefined;
}

/** A stable function that moves focus to `Share with` in the dialog element the ref holds. */
export function useFocusShareWith(dialogRef: RefObject<HTMLElement | null>): () => void {
  return useCallback(() => void focusShareWith(dialogRef.current), [dialogRef]);
}

/** Once the editor is loaded, focus starts in `Share with`, unless the person has already moved on. */
export function useInitialFocus(dialogRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    const active = dialog?.ownerDocument.activeElement;
    if (
      !dialog ||
      (active && active !== dialog && active !== dialog.ownerDocument.body && dialog.contains(active))
    )
      return;
    focusShareWith(dialog);
  }, [dialogRef]);
}
