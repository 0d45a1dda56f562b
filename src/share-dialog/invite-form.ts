/**
 * The invite part's form: what new recipients get, and what goes with the save. It is a react-hook-form form
 * validated by a zod schema; every change is also dispatched to the draft, which stays the one source of truth.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import type { Draft } from '../sharing/draft.ts';
import { MAX_NOTE_LENGTH } from '../sharing/policy.ts';
import type { ShareDialogMessages } from './messages.ts';

/** The invite part's fields, named as the draft names them. */
export interface InviteFormValues {
  newRole: string;
  allowSharing: boolean;
  canUseData: boolean;
  note: string;
  sendNotification: boolean;
  shareWithLineage: boolean;
}

/** The invite part's schema: the note is held to R14's length. */
export function inviteFormSchema(messages: ShareDialogMessages) {
  return z.object({
    newRole: z.string().check(z.minLength(1)),
    allowSharing: z.boolean(),
    canUseData: z.boolean(),
    note: z.string().check(z.maxLength(MAX_NOTE_LENGTH, messages.noteTooLong(MAX_NOTE_LENGTH))),
    sendNotification: z.boolean(),
    shareWithLineage: z.boolean(),
  }) satisfies z.ZodMiniType<InviteFormValues>;
}

/** The form's values as the draft holds them. */
export function inviteValuesOf(draft: Draft): InviteFormValues {
  return {
    newRole: draft.newRole,
    allowSharing: draft.canShare,
    canUseData: draft.canUseData,
    note: draft.note,
    sendNotification: draft.sendNotification,
    shareWithLineage: draft.shareWithLineage,
  };
}

/** The invite form, starting from the draft. */
export function useInviteForm(draft: Draft, messages: ShareDialogMessages) {
  const resolver = useMemo(() => zodResolver(inviteFormSchema(messages)), [messages]);
  return useForm<InviteFormValues>({
    resolver,
    defaultValues: inviteValuesOf(draft),
    mode: 'onChange',
  });
}
