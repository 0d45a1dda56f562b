import {
  type UseComboboxState,
  type UseComboboxStateChangeOptions,
  useCombobox,
  useMultipleSelection,
} from 'downshift';
import {
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useEffect,
  useMemo,
  useRef,
} from 'react';
import type { PrincipalItem } from '../../api/contract.ts';
import type { RecipientSummary } from '../../sharing/draft.ts';
import { isEmailAddress, splitRecipientList } from './recipient-list.ts';
import type { ItemState } from './recipient-options.tsx';
import { toRecipientSummary } from './recipient-summary.ts';

// Downshift reads this flag to skip its own handling of an event that was handled here.
type DownshiftEvent = Event & { preventDownshiftDefault?: boolean };

/** What the combobox is wired to: the chosen recipients, the matches, the typed text, and what adds and removes. */
export interface RecipientComboboxOptions {
  selected: readonly RecipientSummary[];
  items: PrincipalItem[];
  itemState(item: PrincipalItem): ItemState;
  inputValue: string;
  setInputValue(value: string): void;
  disabled: boolean;
  /** Whether e-mail addresses may be typed or pasted (the asset type takes users, and adding is possible). */
  canAddByUsername: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  add(recipients: RecipientSummary[]): void;
  remove(recipient: RecipientSummary): void;
  addEntries(entries: readonly string[]): Promise<void>;
}

/**
 * The combobox's state for the states downshift would otherwise get wrong here: nothing opens while disabled;
 * Enter on no option keeps the menu; choosing one clears the text for the next recipient; leaving the field or
 * Escape keeps what was typed.
 */
function reduceComboboxState(disabled: () => boolean) {
  return (
    state: UseComboboxState<PrincipalItem>,
    { type, changes }: UseComboboxStateChangeOptions<PrincipalItem>,
  ) => {
    if (disabled()) return { ...changes, isOpen: false, highlightedIndex: -1 };
    switch (type) {
      case useCombobox.stateChangeTypes.InputKeyDownEnter:
      case useCombobox.stateChangeTypes.ItemClick:
        if (!changes.selectedItem) return state;
        return { ...changes, isOpen: false, highlightedIndex: -1, inputValue: '' };
      case useCombobox.stateChangeTypes.InputBlur:
      case useCombobox.stateChangeTypes.InputKeyDownEscape:
        return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
      default:
        return changes;
    }
  };
}

/** The chips as downshift's multiple selection: Backspace and Delete remove, and focus moves to a neighbour. */
function useChips(options: RecipientComboboxOptions) {
  const { selected, remove, inputRef } = options;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterRemoval = useRef<number | null>(null);
  const selectedItems = useMemo(() => [...selected], [selected]);
  const selection = useMultipleSelection<RecipientSummary>({
    selectedItems,
    itemToKey: (recipient) => recipient?.id,
    onSelectedItemsChange({ selectedItems: next, type, activeIndex }) {
      const kept = new Set(next.map((recipient) => recipient.id));
      const { SelectedItemKeyDownBackspace, SelectedItemKeyDownDelete } =
        useMultipleSelection.stateChangeTypes;
      if (type === SelectedItemKeyDownBackspace || type === SelectedItemKeyDownDelete)
        focusAfterRemoval.current = activeIndex ?? selection.activeIndex;
      for (const recipient of selected) if (!kept.has(recipient.id)) remove(recipient);
    },
  });

  // A chip removed from the keyboard hands focus to its neighbour, or to the input when none is left.
  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null) return;
    focusAfterRemoval.current = null;
    const neighbour = index >= 0 ? selected[Math.min(index, selected.length - 1)] : undefined;
    const button = neighbour ? buttons.current.get(neighbour.id) : undefined;
    if (button) button.focus();
    else inputRef.current?.focus();
  }, [selected, inputRef]);

  return { ...selection, buttons: buttons.current };
}

/**
 * A pasted list, or typed addresses on Enter, are added entry by entry, and the menu closes, so that its hint does
 * not stay open over what follows. One pasted entry is typed text, and searched. Escape while the menu is open is
 * the menu's.
 */
function listHandlers(
  options: RecipientComboboxOptions & { combobox: ReturnType<typeof useCombobox<PrincipalItem>> },
) {
  const { canAddByUsername, inputValue, setInputValue, addEntries, combobox } = options;
  const addList = (entries: string[]) => {
    combobox.closeMenu();
    void addEntries(entries);
  };
  return {
    onPaste(event: ClipboardEvent<HTMLInputElement>) {
      if (!canAddByUsername) return;
      const entries = splitRecipientList(event.clipboardData.getData('text'));
      if (entries.length < 2) return;
      event.preventDefault();
      addList(entries);
    },
    onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
      if (event.key === 'Escape' && combobox.isOpen) {
        // Hosts that listen for Escape while it bubbles (not Radix: see useEscapeClaim) must not close on it either.
        event.stopPropagation();
        return;
      }
      const search = inputValue.trim();
      const onOption = combobox.isOpen && combobox.highlightedIndex >= 0;
      if (event.key !== 'Enter' || event.nativeEvent.isComposing || onOption || !search) return;
      // Enter on typed text chooses nothing (and must not submit an enclosing form).
      event.preventDefault();
      const entries = splitRecipientList(search);
      if (canAddByUsername && entries.length > 0 && entries.every(isEmailAddress)) {
        (event.nativeEvent as DownshiftEvent).preventDownshiftDefault = true;
        setInputValue('');
        addList(entries);
      }
    },
  };
}

/**
 * `Share with` as downshift's combobox over the matches, with the chosen recipients as its multiple selection.
 */
export function useRecipientCombobox(options: RecipientComboboxOptions) {
  const { items, itemState, inputValue, setInputValue, inputRef, add, remove } = options;
  const chips = useChips(options);
  const disabled = useRef(options.disabled);
  disabled.current = options.disabled;
  const stateReducer = useMemo(() => reduceComboboxState(() => disabled.current), []);

  const combobox = useCombobox<PrincipalItem>({
    items,
    itemToString: (item) => item?.displayName ?? '',
    itemToKey: (item) => item?.id,
    isItemDisabled: (item) => itemState(item) !== 'available',
    inputValue,
    selectedItem: null,
    stateReducer,
    onStateChange({ type, selectedItem, inputValue: next }) {
      const { InputChange, InputKeyDownEnter, ItemClick } = useCombobox.stateChangeTypes;
      if (type === InputChange) setInputValue(next ?? '');
      else if (
        (type === InputKeyDownEnter || type === ItemClick) &&
        selectedItem &&
        itemState(selectedItem) === 'available'
      ) {
        setInputValue('');
        add([toRecipientSummary(selectedItem)]);
      }
    },
  });
  const { onPaste, onKeyDown } = listHandlers({ ...options, combobox });

  function onRemoveClick(event: MouseEvent<HTMLButtonElement>, recipient: RecipientSummary) {
    (event.nativeEvent as DownshiftEvent).preventDownshiftDefault = true;
    remove(recipient);
    chips.setActiveIndex(-1);
    inputRef.current?.focus();
  }

  return { combobox, chips, onPaste, onKeyDown, onRemoveClick };
}
