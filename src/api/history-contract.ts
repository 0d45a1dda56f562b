/**
 * The sharing history's part of the REST contract (SPEC §10), as zod schemas. Apart from `contract.ts` so that only
 * the History view, which loads when first opened, carries them in the dialog.
 */
import { z } from 'zod/mini';
import {
  dateTimeSchema,
  documented,
  objectIdSchema,
  pageOf,
  pagingQuery,
  roleNameSchema,
  sharedRoleSchema,
} from './contract.ts';

/** `GET /{collection}/{id}/sharedRoles/history` query. */
export const historyQuerySchema = z.extend(z.object(pagingQuery(100, 1000)), {
  principalId: documented(z.optional(objectIdSchema), {
    description: 'Only the change sets that touch this principal.',
  }),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** A grant as the history records it: its role, options and end, without whom it is for. */
export const historyGrantSchema = documented(
  z.object({
    role: roleNameSchema,
    canShare: z.boolean(),
    canUseData: z.boolean(),
    expiresAt: documented(z.nullable(dateTimeSchema), { description: 'When the access ends; null: never.' }),
  }),
  { id: 'Grant' },
);
export type HistoryGrant = z.infer<typeof historyGrantSchema>;

/** The principal a change concerns. */
export const historyPrincipalSchema = documented(
  // Named as the access list names its entries.
  z.object({
    id: sharedRoleSchema.shape.id,
    name: sharedRoleSchema.shape.name,
    userFullName: sharedRoleSchema.shape.userFullName,
    shareRecipientType: sharedRoleSchema.shape.shareRecipientType,
  }),
  { id: 'HistoryPrincipal' },
);

/** One principal's grant before and after a change set; null = no grant. */
export const historyChangeSchema = documented(
  z.object({
    principal: historyPrincipalSchema,
    before: z.nullable(historyGrantSchema),
    after: z.nullable(historyGrantSchema),
  }),
  { id: 'HistoryChange' },
);

/** Everything one write changed on an access list. */
export const changeSetSchema = documented(
  z.object({
    id: objectIdSchema,
    at: dateTimeSchema,
    actor: documented(z.nullable(z.object({ id: objectIdSchema, fullName: z.string() })), {
      description: 'Null when no person made it (an expiry).',
    }),
    note: z.nullable(z.string()),
    cause: documented(z.enum(['share', 'expiry', 'lineage', 'request']), {
      description: 'A save, an expiry, a lineage share, or an approved access request.',
    }),
    changes: z.array(historyChangeSchema),
  }),
  { id: 'ChangeSet' },
);
export type ChangeSetBody = z.infer<typeof changeSetSchema>;

/** A page of change sets, newest first. */
export const historyPageSchema = documented(pageOf(changeSetSchema), { id: 'SharingHistoryPage' });
export type HistoryPageBody = z.infer<typeof historyPageSchema>;
