/**
 * The invite part's form: what new recipients get, and what goes with the save. This is the one holder of these
 * fields (the draft store holds the pending changes), kept the way the draft store is — outside React, parts
 * subscribing to the field they show — rather than by a second state library in the host's bundle. Its inputs
 * stay native and uncontrolled; a role's options and the note's length are the rules of `sharing/`, applied here
 * as the person edits.
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import { type InviteSettings, inviteFlagsForRole } from '../sharing/draft.ts';
import { isNoteWithinLimit, MAX_NOTE_LENGTH } from '../sharing/policy.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import type { ShareDialogMessages } from './messages.ts';

/** The invite form's fields: the draft's invite settings, under the same names. */
export type InviteFormValues = InviteSettings;
export type InviteFieldName = keyof InviteFormValues;

/** A field's check: `true` when its value is fine, else the message that says why not. */
export type FieldValidation<Value> = (value: Value) => true | string;

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What `register` gives a native input: its name, a ref, and its change handler. */
export interface RegisteredField {
  name: InviteFieldName;
  ref(element: FieldElement | null): void;
  onChange(event: { target: EventTarget | null }): void;
}

/** Everything a part reads from the form. */
export interface InviteFormState {
  values: InviteFormValues;
  /** The message of each field whose check failed, once checked. */
  errors: Partial<Record<InviteFieldName, string>>;
}

/** The invite form: its fields' values and checks, and the inputs that show them. */
export interface InviteForm {
  getState(): InviteFormState;
  subscribe(listener: () => void): () => void;
  getValues(): InviteFormValues;
  setValue<Name extends InviteFieldName>(name: Name, value: InviteFormValues[Name]): void;
  /** Starts over from `values`, without errors. */
  reset(values: InviteFormValues): void;
  /** A native input's binding to a field, checked on every change when `validate` is given. */
  register<Name extends InviteFieldName>(
    name: Name,
    options?: {
      validate?: FieldValidation<InviteFormValues[Name]>;
      /** After the field took the new value. */
      onChange?(value: InviteFormValues[Name]): void;
    },
  ): RegisteredField;
  /** Checks every field, then runs `onValid` with the values; when a check fails, focuses that field instead. */
  handleSubmit(onValid: (values: InviteFormValues) => Promise<void> | void): () => Promise<void>;
}

function isCheckbox(element: FieldElement): element is HTMLInputElement {
  return element instanceof HTMLInputElement && element.type === 'checkbox';
}

function show(element: FieldElement, value: unknown): void {
  if (isCheckbox(element)) element.checked = value === true;
  else if (element.value !== value) element.value = String(value);
}

/** A form holding `initial`. */
export function createInviteForm(initial: InviteFormValues): InviteForm {
  let state: InviteFormState = { values: initial, errors: {} };
  const listeners = new Set<() => void>();
  const elements = new Map<InviteFieldName, FieldElement>();
  const validations = new Map<InviteFieldName, FieldValidation<never>>();

  function setState(next: InviteFormState): void {
    state = next;
    for (const listener of listeners) listener();
  }

  /** `errors` with the field checked again against `value` (as they are, when the field has no check). */
  function checked(errors: InviteFormState['errors'], name: InviteFieldName, value: unknown) {
    const validate = validations.get(name) as FieldValidation<unknown> | undefined;
    if (!validate) return errors;
    const verdict = validate(value);
    const { [name]: _previous, ...rest } = errors;
    return verdict === true ? rest : { ...rest, [name]: verdict };
  }

  const form: InviteForm = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getValues: () => state.values,
    setValue(name, value) {
      const element = elements.get(name);
      if (element) show(element, value);
      setState({ ...state, values: { ...state.values, [name]: value } });
    },
    reset(values) {
      for (const [name, element] of elements) show(element, values[name]);
      setState({ values, errors: {} });
    },
    register(name, options = {}) {
      if (options.validate) validations.set(name, options.validate as FieldValidation<never>);
      return {
        name,
        ref(element) {
          if (!element) {
            elements.delete(name);
            return;
          }
          elements.set(name, element);
          show(element, state.values[name]);
        },
        onChange(event) {
          const element = event.target as FieldElement;
          const value = (
            isCheckbox(element) ? element.checked : element.value
          ) as InviteFormValues[typeof name];
          setState({
            values: { ...state.values, [name]: value },
            errors: checked(state.errors, name, value),
          });
          options.onChange?.(value);
        },
      };
    },
    handleSubmit(onValid) {
      return async () => {
        let errors = state.errors;
        for (const name of validations.keys()) errors = checked(errors, name, state.values[name]);
        if (errors !== state.errors) setState({ ...state, errors });
        const invalid = Object.keys(errors)[0] as InviteFieldName | undefined;
        if (invalid) {
          elements.get(invalid)?.focus();
          return;
        }
        await onValid(state.values);
      };
    },
  };
  return form;
}

/** The invite form of one editor, starting from the given settings. */
export function useInviteForm(initial: InviteSettings): InviteForm {
  const [form] = useState(() => createInviteForm(initial));
  return form;
}

/** A slice of the form; the component re-renders only when the slice changes (by `Object.is`). */
export function useInviteFormState<Slice>(
  form: InviteForm,
  select: (state: InviteFormState) => Slice,
): Slice {
  const getSnapshot = useCallback(() => select(form.getState()), [form, select]);
  return useSyncExternalStore(form.subscribe, getSnapshot, getSnapshot);
}

/** One field's value, as the form holds it now. */
export function useInviteValue<Name extends InviteFieldName>(
  form: InviteForm,
  name: Name,
): InviteFormValues[Name] {
  return useInviteFormState(
    form,
    useCallback((state: InviteFormState) => state.values[name], [name]),
  );
}

/** One field's message, when its check failed. */
export function useInviteError(form: InviteForm, name: InviteFieldName): string | undefined {
  return useInviteFormState(
    form,
    useCallback((state: InviteFormState) => state.errors[name], [name]),
  );
}

/** R14, as the note field's validation: the message when the note is too long, else `true`. */
export function validateNote(messages: ShareDialogMessages): FieldValidation<string> {
  return (note) => isNoteWithinLimit(note) || messages.noteTooLong(MAX_NOTE_LENGTH);
}

/** After the role changes: its options follow it (an owner shares and always uses the data). */
export function applyRoleOptions(form: InviteForm, assetType: AssetTypeConfig, role: string): void {
  const flags = inviteFlagsForRole(assetType, role, form.getValues().canUseData);
  form.setValue('canShare', flags.canShare);
  form.setValue('canUseData', flags.canUseData);
}
