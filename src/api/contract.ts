/**
 * The REST contract of SPEC §5, as zod schemas: the one source of truth for the HTTP client, the mock backend,
 * the tests and the published OpenAPI document (`npm run openapi`). Written with `zod/mini` so that the dialog
 * ships the lean zod (SPEC §8); `.check(z.meta(…))` documents a schema for the OpenAPI document. Each schema is
 * marked pure so that a bundle keeps only the ones it uses. The demo endpoints' schemas are in
 * `demo-contract.ts`, the endpoint list in `openapi-endpoints.ts`.
 */
import { z } from 'zod/mini';
import type { RuleCode } from '../sharing/types.ts';

/** The base path every endpoint lives under. */
export const sharingApiBasePath = '/api/v2';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/** An id: 24 hex characters. */
export const objectIdSchema = /* @__PURE__ */ z.string().check(
  z.regex(/^[0-9a-f]{24}$/),
  z.meta({
    id: 'ObjectId',
    description: 'An id: 24 lower-case hex characters.',
    examples: ['5f1a2b3c4d5e6f7a8b9c0d1e'],
  }),
);

/** Who can be given access (`shareRecipientType`). */
export const shareRecipientTypeSchema = /* @__PURE__ */ z
  .enum(['user', 'group', 'organization', 'role'])
  .check(z.meta({ id: 'ShareRecipientType', description: 'Who can be given access.' }));
export type ShareRecipientType = z.infer<typeof shareRecipientTypeSchema>;

/** The rule codes of SPEC §4, as the wire carries them in `errors[].code`. */
export const ruleCodes = [
  'RECIPIENT_INACTIVE',
  'RECIPIENT_OUTSIDE_ORGANIZATION',
  'RECIPIENT_NOT_FOUND',
  'RECIPIENT_TYPE_NOT_ALLOWED',
  'ROLE_ABOVE_OWN_LEVEL',
  'TARGET_ABOVE_OWN_LEVEL',
  'SHARING_NOT_ALLOWED',
  'ROLE_ABOVE_RECIPIENT_CEILING',
  'LAST_OWNER',
  'LAST_SHARER',
  'INVALID_ROLE',
  'OPTION_NOT_SUPPORTED',
  'TOO_MANY_ENTRIES',
  'DUPLICATE_RECIPIENT',
  'NOTE_TOO_LONG',
  'VERSION_CONFLICT',
  'LINEAGE_INPUT_NOT_SHAREABLE',
] as const satisfies readonly RuleCode[];

// Fails to compile when sharing/ gains a rule code the contract does not list.
type MissingRuleCode = Exclude<RuleCode, (typeof ruleCodes)[number]>;
const everyRuleCodeListed: MissingRuleCode extends never ? true : never = true;
void everyRuleCodeListed;

/** Codes that concern a request as a whole rather than one rule. */
export const requestErrorCodes = [
  /** Several entries broke different rules (SPEC §4). */
  'VALIDATION_FAILED',
  /** The body or a parameter is malformed (400); `errors[].path` names the field. */
  'INVALID_REQUEST',
  /** No or a bad bearer token (401). */
  'UNAUTHORIZED',
  /** The asset does not exist or the actor cannot see it (404); also unknown routes. */
  'NOT_FOUND',
  /** The actor may see the asset but not perform this operation (e.g. an external link as a consumer). */
  'FORBIDDEN',
  /** A server failure (also what injected faults answer). */
  'INTERNAL_ERROR',
] as const;

/** Every code the backend answers in `code` or `errors[].code`. */
export const errorCodes = [...ruleCodes, ...requestErrorCodes] as const;
export type ErrorCode = (typeof errorCodes)[number];

const errorCodeDescription = `One of: ${errorCodes.join(', ')}. Clients should treat unknown codes as generic failures.`;

/** One failed entry (or, with `index: null`, the request as a whole; with `path`, a malformed field). */
export const errorEntrySchema = /* @__PURE__ */ z
  .object({
    index: z.nullable(z.int()).check(
      z.meta({
        description: 'The position of the entry in `roles[]`, or null when the error concerns the request.',
      }),
    ),
    recipient: z
      .optional(z.string())
      .check(z.meta({ description: 'The recipient as the request named it.' })),
    code: z.string().check(z.meta({ description: errorCodeDescription, examples: ['RECIPIENT_INACTIVE'] })),
    message: z.string().check(z.meta({ description: 'A sentence a person understands.' })),
    path: z
      .optional(z.array(z.union([z.string(), z.number()])))
      .check(z.meta({ description: 'For a malformed body or parameter (400): the path of the field.' })),
  })
  .check(z.meta({ id: 'ErrorEntry' }));
export type ErrorEntry = z.infer<typeof errorEntrySchema>;

/** Every error response's body (SPEC §5). */
export const errorBodySchema = /* @__PURE__ */ z
  .object({
    message: z.string(),
    code: z.string().check(z.meta({ description: errorCodeDescription, examples: ['VALIDATION_FAILED'] })),
    errors: z.optional(z.array(errorEntrySchema)),
  })
  .check(
    z.meta({
      id: 'Error',
      description:
        'The status and `code` are the ones every entry shares, else 422 and VALIDATION_FAILED; each entry keeps its own code.',
    }),
  );
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A page of anything: `next`/`previous` are full URLs or null. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    count: z.int().check(z.meta({ description: 'Items on this page.' })),
    totalCount: z.int().check(z.meta({ description: 'Items matching, across all pages.' })),
    next: z.nullable(z.string()).check(z.meta({ description: 'Full URL of the next page, or null.' })),
    previous: z.nullable(z.string()).check(z.meta({ description: 'Full URL of the previous page, or null.' })),
    data: z.array(item),
  });
}

/** Offset/limit paging parameters, coerced from the query string. */
export function pagingQuery(defaultLimit: number, maxLimit: number) {
  return {
    offset: z
      ._default(z.coerce.number().check(z.int(), z.minimum(0)), 0)
      .check(z.meta({ description: 'Items to skip.' })),
    limit: z
      ._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(maxLimit)), defaultLimit)
      .check(z.meta({ description: `Items per page: ${defaultLimit} by default, ${maxLimit} at most.` })),
  };
}

/** A wire role name (upper case in answers; any case accepted in requests). */
const roleNameSchema = /* @__PURE__ */ z
  .string()
  .check(z.meta({ description: "The asset type's own role name, e.g. OWNER, EDITOR, READ." }));

// ---------------------------------------------------------------------------------------------------------------
// Account

/** The signed-in actor (`GET /account`). */
export const accountSchema = /* @__PURE__ */ z
  .object({
    id: objectIdSchema,
    username: z.string(),
    fullName: z.string(),
    orgId: objectIdSchema,
    orgName: z.optional(z.string()),
  })
  .check(z.meta({ id: 'Account' }));
export type Account = z.infer<typeof accountSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Principals (recipient search)

/** `GET /principals` query. `types` is a comma-separated list of recipient types. */
export const principalSearchQuerySchema = /* @__PURE__ */ z.object({
  search: z
    ._default(z.string(), '')
    .check(z.meta({ description: 'Words of a name, an e-mail, a group, organization or role.' })),
  types: z.optional(z.string()).check(
    z.meta({
      description: 'Comma-separated recipient types to include, e.g. `user,group`. All when omitted.',
    }),
  ),
  ...pagingQuery(20, 100),
});
export type PrincipalSearchQuery = z.infer<typeof principalSearchQuerySchema>;

/** One recipient search result. */
export const principalSchema = /* @__PURE__ */ z
  .object({
    id: objectIdSchema,
    shareRecipientType: shareRecipientTypeSchema,
    name: z
      .string()
      .check(z.meta({ description: 'Username (an e-mail) for users; the name for the others.' })),
    displayName: z
      .string()
      .check(z.meta({ description: 'Full name for users; the name for the others.' })),
    email: z.optional(z.string()),
    active: z
      .boolean()
      .check(z.meta({ description: 'False for an inactive account: shown, not selectable.' })),
    orgId: objectIdSchema,
    orgName: z.optional(z.string()),
    memberCount: z
      .optional(z.int())
      .check(z.meta({ description: 'Groups, organizations and roles: users reached.' })),
    inactiveReason: z
      .optional(z.string())
      .check(z.meta({ description: 'Why an inactive account cannot be chosen.' })),
    outsideOrganization: z.optional(z.boolean()).check(
      z.meta({
        description: 'True for a person of another organization (only an exact e-mail match is answered).',
      }),
    ),
    outsideOrganizationReason: z
      .optional(z.string())
      .check(z.meta({ description: 'Why such a person cannot be chosen.' })),
  })
  .check(z.meta({ id: 'Principal' }));
export type PrincipalItem = z.infer<typeof principalSchema>;

/** A page of recipient search results. */
export const principalPageSchema = /* @__PURE__ */ pageOf(principalSchema).check(
  z.meta({ id: 'PrincipalPage' }),
);
export type PrincipalPage = z.infer<typeof principalPageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Assets

/** A linked input of an asset (lineage). */
export const linkedInputSchema = /* @__PURE__ */ z
  .object({
    id: objectIdSchema,
    name: z.string(),
    assetType: z.string().check(z.meta({ description: 'Asset-type registry id, e.g. `dataset`.' })),
  })
  .check(z.meta({ id: 'LinkedInput' }));
export type LinkedInputItem = z.infer<typeof linkedInputSchema>;

/** An asset the actor can see, with the actor's standing on it. */
export const assetSchema = /* @__PURE__ */ z
  .object({
    id: objectIdSchema,
    name: z.string(),
    assetType: z
      .string()
      .check(z.meta({ description: 'Asset-type registry id, e.g. `dataset`, `governedModel`.' })),
    collection: z.string().check(z.meta({ description: 'REST collection, e.g. `datasets`.' })),
    description: z.optional(z.string()),
    yourRole: roleNameSchema.check(
      z.meta({ description: "The actor's effective role (RBAC ceiling applied)." }),
    ),
    canShare: z
      .boolean()
      .check(z.meta({ description: 'Whether the actor may share this asset at all (R7).' })),
    sharedWithCount: z.int().check(z.meta({ description: 'Entries in the access list.' })),
    linkedInputs: z.optional(z.array(linkedInputSchema)),
    externalShareUrl: z
      .optional(z.nullable(z.string()))
      .check(z.meta({ description: 'Applications: the external link.' })),
  })
  .check(z.meta({ id: 'Asset' }));
export type Asset = z.infer<typeof assetSchema>;

/** `GET /{collection}` and `GET /assets` query. */
export const assetListQuerySchema = /* @__PURE__ */ z.object({
  search: z.optional(z.string()).check(z.meta({ description: 'Words of the asset name.' })),
  ...pagingQuery(100, 1000),
});
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;

/** A page of assets. */
export const assetPageSchema = /* @__PURE__ */ pageOf(assetSchema).check(z.meta({ id: 'AssetPage' }));
export type AssetPage = z.infer<typeof assetPageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Shared roles (the access list)

/** `GET /{collection}/{id}/sharedRoles` query. */
export const sharedRolesQuerySchema = /* @__PURE__ */ z.object({
  ...pagingQuery(100, 1000),
  name: z
    .optional(z.string())
    .check(z.meta({ description: 'Case-insensitive substring of the name, username or full name.' })),
  shareRecipientType: z.optional(shareRecipientTypeSchema),
});
export type SharedRolesQuery = z.infer<typeof sharedRolesQuerySchema>;

/** One entry of an access list. */
export const sharedRoleSchema = /* @__PURE__ */ z
  .object({
    id: objectIdSchema,
    name: z
      .string()
      .check(z.meta({ description: 'Username for users; the name for groups, organizations and roles.' })),
    userFullName: z.optional(z.string()),
    shareRecipientType: shareRecipientTypeSchema,
    role: roleNameSchema,
    canShare: z.boolean(),
    canUseData: z.boolean(),
    memberCount: z
      .optional(z.int())
      .check(z.meta({ description: 'Groups, organizations and roles: users reached.' })),
  })
  .check(z.meta({ id: 'SharedRole' }));
export type SharedRole = z.infer<typeof sharedRoleSchema>;

/** A page of an access list. */
export const sharedRolesPageSchema = /* @__PURE__ */ pageOf(sharedRoleSchema).check(
  z.meta({ id: 'SharedRolesPage' }),
);
export type SharedRolesPage = z.infer<typeof sharedRolesPageSchema>;

/** One requested change. Names its recipient by `id`, or by `username` (users) or `name` (any type). */
export const sharedRoleUpdateSchema = /* @__PURE__ */ z
  .object({
    id: z.optional(z.string()),
    username: z.optional(z.string()),
    name: z.optional(z.string()),
    shareRecipientType: shareRecipientTypeSchema,
    role: z.nullable(z.string()).check(
      z.meta({
        description: 'The role, any case. `NO_ROLE` or null revokes.',
        examples: ['EDITOR', 'NO_ROLE'],
      }),
    ),
    canShare: z.optional(z.boolean()),
    canUseData: z.optional(z.boolean()),
  })
  .check(
    z.refine((entry) => Boolean(entry.id ?? entry.username ?? entry.name), {
      message: 'Name the recipient by id, username or name.',
      path: ['id'],
    }),
    z.meta({
      id: 'SharedRoleUpdate',
      description:
        'Names its recipient by `id`, or by `username` (users) or `name` (any type); at least one of them.',
    }),
  );
export type SharedRoleUpdate = z.infer<typeof sharedRoleUpdateSchema>;

/** `PATCH /{collection}/{id}/sharedRoles` and the preview's body. Entry count and note length are rules (422). */
export const sharedRolesUpdateBodySchema = /* @__PURE__ */ z
  .object({
    operation: z.literal('updateRoles'),
    roles: z.array(sharedRoleUpdateSchema),
    note: z.optional(z.string()),
    sendNotification: z.optional(z.boolean()).check(z.meta({ description: 'Default true.' })),
    applyGrantToLinkedObjects: z
      .optional(z.boolean())
      .check(z.meta({ description: 'Share the linked inputs too (R16).' })),
  })
  .check(z.meta({ id: 'SharedRolesUpdate' }));
export type SharedRolesUpdateBody = z.infer<typeof sharedRolesUpdateBodySchema>;

/** One person (or container) whose access a request would change. */
export const impactEntrySchema = /* @__PURE__ */ z
  .object({
    id: objectIdSchema,
    name: z.string(),
    displayName: z.string(),
    beforeRole: z.nullable(z.string()),
    afterRole: z.nullable(z.string()),
  })
  .check(z.meta({ id: 'ImpactEntry' }));
export type ImpactEntry = z.infer<typeof impactEntrySchema>;

/** Who gains, changes or loses access (users reached through groups and organizations counted). */
export const accessImpactSchema = /* @__PURE__ */ z
  .object({
    gains: z.array(impactEntrySchema),
    changes: z.array(impactEntrySchema),
    loses: z.array(impactEntrySchema),
    counts: z.object({ gains: z.int(), changes: z.int(), loses: z.int() }),
  })
  .check(z.meta({ id: 'AccessImpact' }));
export type AccessImpact = z.infer<typeof accessImpactSchema>;

/** `POST /{collection}/{id}/sharedRoles/preview` answer: nothing is applied. */
export const sharedRolesPreviewSchema = /* @__PURE__ */ z
  .object({ errors: z.array(errorEntrySchema), impact: accessImpactSchema })
  .check(z.meta({ id: 'SharedRolesPreview' }));
export type SharedRolesPreview = z.infer<typeof sharedRolesPreviewSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Why access

/** One grant that reaches a user. */
export const accessPathSchema = /* @__PURE__ */ z
  .object({
    via: z.enum(['direct', 'group', 'organization', 'role']),
    principalId: objectIdSchema,
    principalName: z.string(),
    role: roleNameSchema,
  })
  .check(z.meta({ id: 'AccessPath' }));
export type AccessPath = z.infer<typeof accessPathSchema>;

/** `GET /{collection}/{id}/access/{userId}`: why a user has access. */
export const accessExplanationSchema = /* @__PURE__ */ z
  .object({
    userId: objectIdSchema,
    level: z.int().check(z.minimum(0), z.maximum(3), z.meta({ description: 'Effective level, 0 = no access.' })),
    role: z.nullable(z.string()).check(z.meta({ description: 'The effective role, null when none.' })),
    cappedByCeiling: z
      .boolean()
      .check(z.meta({ description: "True when the user's RBAC ceiling lowered the level." })),
    paths: z.array(accessPathSchema),
  })
  .check(z.meta({ id: 'AccessExplanation' }));
export type AccessExplanation = z.infer<typeof accessExplanationSchema>;

// ---------------------------------------------------------------------------------------------------------------
// External sharing link (applications)

/** The external sharing link of an application. */
export const externalShareSchema = /* @__PURE__ */ z
  .object({
    enabled: z.boolean(),
    url: z.nullable(z.string()),
    createdAt: z.nullable(z.string()).check(z.meta({ description: 'ISO 8601.' })),
  })
  .check(z.meta({ id: 'ExternalShare' }));
export type ExternalShare = z.infer<typeof externalShareSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Notifications

/** Something was shared with the actor (directly, or with a group or organization they belong to). */
export const notificationSchema = /* @__PURE__ */ z
  .object({
    id: objectIdSchema,
    createdAt: z.string().check(z.meta({ description: 'ISO 8601.' })),
    read: z.boolean(),
    actorName: z.string().check(z.meta({ description: 'Who shared.' })),
    assetId: objectIdSchema,
    assetName: z.string(),
    assetType: z.string(),
    collection: z.string(),
    role: roleNameSchema,
    note: z.optional(z.string()),
    via: z
      .optional(z.string())
      .check(z.meta({ description: 'The group or organization shared with, when not direct.' })),
    link: z.string().check(z.meta({ description: 'App path of the asset, e.g. `/assets/dataset/<id>`.' })),
  })
  .check(z.meta({ id: 'Notification' }));
export type Notification = z.infer<typeof notificationSchema>;

/** `GET /notifications`: newest first. */
export const notificationListSchema = /* @__PURE__ */ z
  .object({ count: z.int(), unreadCount: z.int(), data: z.array(notificationSchema) })
  .check(z.meta({ id: 'NotificationList' }));
export type NotificationList = z.infer<typeof notificationListSchema>;
