/**
 * The invite part's form: what new recipients get, and what goes with the save. react-hook-form is the one holder
 * of these fields (the draft store holds the pending changes); a role's options and the note's length are the
 * rules of `sharing/`, applied here as the person edits.
 */
import { type UseFormReturn, useForm } from 'react-hook-form';
import { type InviteSettings, inviteFlagsForRole } from '../sharing/draft.ts';
import { isNoteWithinLimit, MAX_NOTE_LENGTH } from '../sharing/policy.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import type { ShareDialogMessages } from './messages.ts';

/** The invite form's fields: the draft's invite settings, under the same names. */
export type InviteFormValues = InviteSettings;

/** The invite form, validated as the person edits (`onChange`), starting from the given settings. */
export function useInviteForm(initial: InviteSettings): UseFormReturn<InviteFormValues> {
  return useForm<InviteFormValues>({ defaultValues: initial, mode: 'onChange' });
}

/** R14, as the note field's validation: the message when the note is too long, else `true`. */
export function validateNote(messages: ShareDialogMessages) {
  return (note: string): true | string => isNoteWithinLimit(note) || messages.noteTooLong(MAX_NOTE_LENGTH);
}

/** After the role changes: its options follow it (an owner shares and always uses the data). */
export function applyRoleOptions(
  form: UseFormReturn<InviteFormValues>,
  assetType: AssetTypeConfig,
  role: string,
): void {
  const flags = inviteFlagsForRole(assetType, role, form.getValues('canUseData'));
  form.setValue('canShare', flags.canShare);
  form.setValue('canUseData', flags.canUseData);
}
