/**
 * The REST contract of SPEC §5, as zod schemas: the one source of truth for the HTTP client, the mock backend,
 * the tests and the published OpenAPI document (`npm run openapi`). Written with `zod/mini`, the lean zod that
 * the dialog ships (SPEC §8). The demo endpoints' schemas are in `demo-contract.ts`, the endpoint list that the
 * OpenAPI generator walks in `openapi-endpoints.ts`.
 */
import { z } from 'zod/mini';
import type { RuleCode } from '../sharing/types.ts';

/** The base path every endpoint lives under. */
export const sharingApiBasePath = '/api/v2';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/**
 * `schema`, documented for the OpenAPI document: a copy that carries `meta`, as full zod's `.meta()` makes. A
 * function the bundler knows to be pure, unlike zod/mini's `.check()` method, so that a host's bundle drops
 * every schema the dialog does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function documented<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  return schema.check(z.meta(meta));
}

/** An id: 24 hex characters. */
export const objectIdSchema = documented(z.string().check(z.regex(/^[0-9a-f]{24}$/)), {
  id: 'ObjectId',
  description: 'An id: 24 lower-case hex characters.',
  examples: ['5f1a2b3c4d5e6f7a8b9c0d1e'],
});

/** Who can be given access (`shareRecipientType`). */
export const shareRecipientTypeSchema = documented(z.enum(['user', 'group', 'organization', 'role']), {
  id: 'ShareRecipientType',
  description: 'Who can be given access.',
});
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
  'DATA_USE_NOT_HELD',
  'REQUEST_NOT_NEEDED',
  'REQUEST_PENDING',
  'REQUEST_NOT_PENDING',
  'INVALID_EXPIRY',
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
  /** A body over 1 MB (413), refused before anything else is read. */
  'PAYLOAD_TOO_LARGE',
  /** A write whose body is not `application/json` (415): nothing changes. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** A server failure (also what injected faults answer). */
  'INTERNAL_ERROR',
] as const;

/** Every code the backend answers in `code` or `errors[].code`. */
export const errorCodes = [...ruleCodes, ...requestErrorCodes] as const;
export type ErrorCode = (typeof errorCodes)[number];

const errorCodeDescription = `One of: ${errorCodes.join(', ')}. Clients should treat unknown codes as generic failures.`;

/** One failed entry (or, with `index: null`, the request as a whole; with `path`, a malformed field). */
export const errorEntrySchema = documented(
  z.object({
    index: documented(z.nullable(z.int()), {
      description: 'The position of the entry in `roles[]`, or null when the error concerns the request.',
    }),
    recipient: documented(z.optional(z.string()), { description: 'The recipient as the request named it.' }),
    code: documented(z.string(), { description: errorCodeDescription, examples: ['RECIPIENT_INACTIVE'] }),
    message: documented(z.string(), { description: 'A sentence a person understands.' }),
    path: documented(z.optional(z.array(z.union([z.string(), z.number()]))), {
      description: 'For a malformed body or parameter (400): the path of the field.',
    }),
  }),
  { id: 'ErrorEntry' },
);
export type ErrorEntry = z.infer<typeof errorEntrySchema>;

/** Every error response's body (SPEC §5). */
export const errorBodySchema = documented(
  z.object({
    message: z.string(),
    code: documented(z.string(), { description: errorCodeDescription, examples: ['VALIDATION_FAILED'] }),
    errors: z.optional(z.array(errorEntrySchema)),
  }),
  {
    id: 'Error',
    description:
      'The status and `code` are the ones every entry shares, else 422 and VALIDATION_FAILED; each entry keeps its own code.',
  },
);
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A page of anything: `next`/`previous` are full URLs or null. */
/* @__NO_SIDE_EFFECTS__ */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    count: documented(z.int(), { description: 'Items on this page.' }),
    totalCount: documented(z.int(), { description: 'Items matching, across all pages.' }),
    next: documented(z.nullable(z.string()), { description: 'Full URL of the next page, or null.' }),
    previous: documented(z.nullable(z.string()), { description: 'Full URL of the previous page, or null.' }),
    data: z.array(item),
  });
}

/** Offset/limit paging parameters, coerced from the query string: a shape that query schemas extend. */
/* @__NO_SIDE_EFFECTS__ */
export function pagingQuery(defaultLimit: number, maxLimit: number) {
  return {
    offset: documented(z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0), {
      description: 'Items to skip.',
    }),
    limit: documented(
      z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(maxLimit)), defaultLimit),
      { description: `Items per page: ${defaultLimit} by default, ${maxLimit} at most.` },
    ),
  };
}

/** An instant as the wire writes it: an RFC 3339 date-time (answers are always UTC, e.g. `2025-07-08T12:00:00.000Z`). */
export const dateTimeSchema = documented(z.string(), {
  description: 'RFC 3339, UTC.',
  examples: ['2025-07-08T12:00:00.000Z'],
});

/** A wire role name (upper case in answers; any case accepted in requests). */
export const roleNameSchema = documented(z.string(), {
  description: "The asset type's own role name, e.g. OWNER, EDITOR, READ.",
});

// ---------------------------------------------------------------------------------------------------------------
// Account

/** The signed-in actor (`GET /account`). */
export const accountSchema = documented(
  z.object({
    id: objectIdSchema,
    username: z.string(),
    fullName: z.string(),
    orgId: objectIdSchema,
    orgName: z.optional(z.string()),
    rbacCeiling: documented(z.optional(/* @__PURE__ */ z.int().check(z.minimum(1), z.maximum(3))), {
      description:
        'The highest level (3 = owner, 2 = read-write, 1 = read-only) the organization allows the actor on any asset; absent = 3.',
    }),
  }),
  { id: 'Account' },
);
export type Account = z.infer<typeof accountSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Principals (recipient search)

/** `GET /principals` query. `types` is a comma-separated list of recipient types. */
export const principalSearchQuerySchema = z.extend(
  z.object({
    search: documented(z._default(z.string(), ''), {
      description: 'Words of a name, an e-mail, a group, organization or role.',
    }),
    types: documented(z.optional(z.string()), {
      description: 'Comma-separated recipient types to include, e.g. `user,group`. All when omitted.',
    }),
  }),
  pagingQuery(20, 100),
);
export type PrincipalSearchQuery = z.infer<typeof principalSearchQuerySchema>;

/** One recipient search result. */
export const principalSchema = documented(
  z.object({
    id: objectIdSchema,
    shareRecipientType: shareRecipientTypeSchema,
    name: documented(z.string(), { description: 'Username (an e-mail) for users; the name for the others.' }),
    displayName: documented(z.string(), { description: 'Full name for users; the name for the others.' }),
    email: z.optional(z.string()),
    active: documented(z.boolean(), {
      description: 'False for an inactive account: shown, not selectable.',
    }),
    orgId: objectIdSchema,
    orgName: z.optional(z.string()),
    memberCount: documented(z.optional(z.int()), {
      description: 'Groups, organizations and roles: users reached.',
    }),
    inactiveReason: documented(z.optional(z.string()), {
      description: 'Why an inactive account cannot be chosen.',
    }),
  }),
  { id: 'Principal' },
);
export type PrincipalItem = z.infer<typeof principalSchema>;

/** One page of recipient search results (`GET /principals`). */
export const principalPageSchema = documented(pageOf(principalSchema), { id: 'PrincipalPage' });
export type PrincipalPage = z.infer<typeof principalPageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Assets

/** A linked input of an asset (lineage). */
export const linkedInputSchema = documented(
  z.object({
    id: objectIdSchema,
    name: z.string(),
    assetType: documented(z.string(), { description: 'Asset-type registry id, e.g. `dataset`.' }),
  }),
  { id: 'LinkedInput' },
);
export type LinkedInputItem = z.infer<typeof linkedInputSchema>;

/** An asset the actor can see, with the actor's standing on it. */
export const assetSchema = documented(
  z.object({
    id: objectIdSchema,
    name: z.string(),
    assetType: documented(z.string(), {
      description: 'Asset-type registry id, e.g. `dataset`, `governedModel`.',
    }),
    collection: documented(z.string(), { description: 'REST collection, e.g. `datasets`.' }),
    description: z.optional(z.string()),
    yourRole: documented(roleNameSchema, {
      description: "The actor's effective role (RBAC ceiling applied).",
    }),
    canShare: documented(z.boolean(), { description: 'Whether the actor may share this asset at all (R7).' }),
    canUseData: documented(z.optional(z.boolean()), {
      description:
        'Whether the actor’s own access includes “Can use data”, which only then they may pass on (R18).',
    }),
    sharedWithCount: documented(z.int(), { description: 'Entries in the access list.' }),
    linkedInputs: documented(z.optional(z.array(linkedInputSchema)), {
      description: 'Lineage: the linked inputs the actor can open.',
    }),
    hiddenLinkedInputCount: documented(z.optional(z.int()), {
      description: 'Lineage: how many more linked inputs there are that the actor cannot open (never named).',
    }),
    externalShareUrl: documented(z.optional(z.nullable(z.string())), {
      description:
        'Applications, to those who may create and revoke it (read-write or more, allowed to share): the external link, null when there is none. Absent for everyone else.',
    }),
  }),
  { id: 'Asset' },
);
export type Asset = z.infer<typeof assetSchema>;

/** `GET /{collection}` and `GET /assets` query. */
export const assetListQuerySchema = z.extend(
  z.object({ search: documented(z.optional(z.string()), { description: 'Words of the asset name.' }) }),
  pagingQuery(100, 1000),
);
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;

/** A page of assets (`GET /assets`, `GET /{collection}`). */
export const assetPageSchema = documented(pageOf(assetSchema), { id: 'AssetPage' });
export type AssetPage = z.infer<typeof assetPageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Shared roles (the access list)

/** `GET /{collection}/{id}/sharedRoles` query. */
export const sharedRolesQuerySchema = z.extend(z.object(pagingQuery(100, 1000)), {
  name: documented(z.optional(z.string()), {
    description: 'Case-insensitive substring of the name, username or full name.',
  }),
  shareRecipientType: z.optional(shareRecipientTypeSchema),
});
export type SharedRolesQuery = z.infer<typeof sharedRolesQuerySchema>;

/** One entry of an access list. */
export const sharedRoleSchema = documented(
  z.object({
    id: objectIdSchema,
    name: documented(z.string(), {
      description: 'Username for users; the name for groups, organizations and roles.',
    }),
    userFullName: z.optional(z.string()),
    shareRecipientType: shareRecipientTypeSchema,
    role: roleNameSchema,
    canShare: z.boolean(),
    canUseData: z.boolean(),
    // Optional on read, so the dialog still reads a backend of DataRobot's shape, which has no expiring access.
    expiresAt: documented(z.optional(z.nullable(dateTimeSchema)), {
      description: 'When the grant ends (SPEC §9); null: never.',
    }),
    memberCount: documented(z.optional(z.int()), {
      description: 'Groups, organizations and roles: users reached.',
    }),
  }),
  { id: 'SharedRole' },
);
export type SharedRole = z.infer<typeof sharedRoleSchema>;

/** One page of an access list (`GET /{collection}/{id}/sharedRoles`). */
export const sharedRolesPageSchema = documented(pageOf(sharedRoleSchema), { id: 'SharedRolesPage' });
export type SharedRolesPage = z.infer<typeof sharedRolesPageSchema>;

/** One requested change. Names its recipient by `id`, or by `username` (users) or `name` (any type). */
export const sharedRoleUpdateSchema = documented(
  /* @__PURE__ */ z
    .object({
      id: z.optional(z.string()),
      username: z.optional(z.string()),
      name: z.optional(z.string()),
      shareRecipientType: shareRecipientTypeSchema,
      role: documented(z.nullable(z.string()), {
        description: 'The role, any case. `NO_ROLE` or null revokes.',
        examples: ['EDITOR', 'NO_ROLE'],
      }),
      canShare: z.optional(z.boolean()),
      canUseData: z.optional(z.boolean()),
      expiresAt: documented(z.optional(z.nullable(z.string())), {
        description:
          'When the grant ends: future, ≤ 365 days, not for owners or revocations (R19); null: never; omitted: unchanged.',
        examples: ['2025-07-08T12:00:00Z'],
      }),
    })
    .check(
      z.refine((entry) => Boolean(entry.id ?? entry.username ?? entry.name), {
        message: 'Name the recipient by id, username or name.',
        path: ['id'],
      }),
    ),
  {
    id: 'SharedRoleUpdate',
    description:
      'Names its recipient by `id`, or by `username` (users) or `name` (any type); at least one of them.',
  },
);
export type SharedRoleUpdate = z.infer<typeof sharedRoleUpdateSchema>;

/** `PATCH /{collection}/{id}/sharedRoles` and the preview's body. Entry count and note length are rules (422). */
export const sharedRolesUpdateBodySchema = documented(
  z.object({
    operation: z.literal('updateRoles'),
    roles: z.array(sharedRoleUpdateSchema),
    note: z.optional(z.string()),
    sendNotification: documented(z.optional(z.boolean()), { description: 'Default true.' }),
    applyGrantToLinkedObjects: documented(z.optional(z.boolean()), {
      description: 'Share the linked inputs too (R16).',
    }),
    approvesRequests: documented(z.optional(z.array(z.string())), {
      description:
        'Pending access requests (§12) this save approves. Each must be pending on this asset, grantable by the actor (R5, R7), and granted by the same save (else 422 REQUEST_NOT_PENDING); any refusal approves nothing.',
    }),
  }),
  { id: 'SharedRolesUpdate' },
);
export type SharedRolesUpdateBody = z.infer<typeof sharedRolesUpdateBodySchema>;

/** One person (or container) whose access a request would change. */
export const impactEntrySchema = documented(
  z.object({
    id: objectIdSchema,
    name: z.string(),
    displayName: z.string(),
    beforeRole: z.nullable(z.string()),
    afterRole: z.nullable(z.string()),
    afterExpiresAt: documented(z.optional(z.nullable(dateTimeSchema)), {
      description: 'When the access after the save ends.',
    }),
  }),
  { id: 'ImpactEntry' },
);
export type ImpactEntry = z.infer<typeof impactEntrySchema>;

/** Who gains, changes or loses access (users reached through groups and organizations counted). */
export const accessImpactSchema = documented(
  z.object({
    gains: z.array(impactEntrySchema),
    changes: z.array(impactEntrySchema),
    loses: z.array(impactEntrySchema),
    expiries: documented(z.array(impactEntrySchema), {
      description: 'Same role, another end.',
    }),
    counts: z.object({ gains: z.int(), changes: z.int(), loses: z.int(), expiries: z.int() }),
  }),
  { id: 'AccessImpact' },
);
export type AccessImpact = z.infer<typeof accessImpactSchema>;

/** `POST /{collection}/{id}/sharedRoles/preview` answer: nothing is applied. */
export const sharedRolesPreviewSchema = documented(
  z.object({ errors: z.array(errorEntrySchema), impact: accessImpactSchema }),
  { id: 'SharedRolesPreview' },
);
export type SharedRolesPreview = z.infer<typeof sharedRolesPreviewSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Why access

/** One grant that reaches a user. */
export const accessPathSchema = documented(
  z.object({
    via: z.enum(['direct', 'group', 'organization', 'role']),
    principalId: objectIdSchema,
    principalName: z.string(),
    role: roleNameSchema,
  }),
  { id: 'AccessPath' },
);
export type AccessPath = z.infer<typeof accessPathSchema>;

/** `GET /{collection}/{id}/access/{userId}`: why a user has access. */
export const accessExplanationSchema = documented(
  z.object({
    userId: objectIdSchema,
    level: documented(/* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(3)), {
      description: 'Effective level, 0 = no access.',
    }),
    role: documented(z.nullable(z.string()), { description: 'The effective role, null when none.' }),
    cappedByCeiling: documented(z.boolean(), {
      description: "True when the user's RBAC ceiling lowered the level.",
    }),
    paths: z.array(accessPathSchema),
  }),
  { id: 'AccessExplanation' },
);
export type AccessExplanation = z.infer<typeof accessExplanationSchema>;

// ---------------------------------------------------------------------------------------------------------------
// External sharing link (applications)

/** The external sharing link of an application. */
export const externalShareSchema = documented(
  z.object({
    enabled: z.boolean(),
    url: z.nullable(z.string()),
    createdAt: documented(z.nullable(z.string()), { description: 'ISO 8601.' }),
  }),
  { id: 'ExternalShare' },
);
export type ExternalShare = z.infer<typeof externalShareSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Notifications

/**
 * Something was shared with the actor (directly, or with a group or organization they belong to), the access it
 * gave is about to end, or an access request was made to or answered for the actor.
 */
export const notificationSchema = documented(
  z.object({
    id: objectIdSchema,
    kind: documented(
      z.enum(['share', 'accessEnds', 'accessRequested', 'requestApproved', 'requestDeclined']),
      {
        description:
          'What happened: shared with the actor; the actor’s access ends within three days (`accessEnds`); someone asked the actor for access (`role` asked for, `link` opens the requests); the actor’s request was approved or declined.',
      },
    ),
    createdAt: documented(z.string(), { description: 'ISO 8601.' }),
    read: z.boolean(),
    actorName: documented(z.optional(z.string()), {
      description: 'Who shared; absent for `accessEnds`.',
    }),
    assetId: objectIdSchema,
    assetName: z.string(),
    assetType: z.string(),
    collection: z.string(),
    role: roleNameSchema,
    note: z.optional(z.string()),
    via: documented(z.optional(z.string()), {
      description: 'The group or organization shared with, when not direct.',
    }),
    link: documented(z.string(), { description: 'App path of the asset, e.g. `/assets/dataset/<id>`.' }),
    message: documented(z.optional(z.string()), {
      description: 'An access request’s message, or what the person who declined it wrote.',
    }),
    expiresAt: documented(z.optional(dateTimeSchema), {
      description: 'When the access ends, if it does.',
    }),
  }),
  { id: 'Notification' },
);
export type Notification = z.infer<typeof notificationSchema>;

/** `GET /notifications`: newest first. */
export const notificationListSchema = documented(
  z.object({ count: z.int(), unreadCount: z.int(), data: z.array(notificationSchema) }),
  { id: 'NotificationList' },
);
export type NotificationList = z.infer<typeof notificationListSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Access requests (SPEC §12)

/** Where an access request stands. */
export const accessRequestStatusSchema = documented(z.enum(['pending', 'approved', 'declined', 'granted']), {
  id: 'AccessRequestStatus',
  description: '`granted`: the role arrived some other way while the request was pending.',
});

/** One access request: who asks, for which role, why, and where it stands. */
export const accessRequestSchema = documented(
  z.object({
    id: objectIdSchema,
    requester: z.object({ id: objectIdSchema, fullName: z.string(), username: z.string() }),
    role: roleNameSchema,
    message: z.string(),
    status: accessRequestStatusSchema,
    createdAt: documented(z.string(), { description: 'ISO 8601.' }),
    decidedAt: documented(z.optional(z.string()), {
      description: 'When it stopped being pending (ISO 8601).',
    }),
    declineMessage: documented(z.optional(z.string()), {
      description: 'What the person who declined wrote.',
    }),
  }),
  { id: 'AccessRequest' },
);
export type AccessRequestBody = z.infer<typeof accessRequestSchema>;

/** `GET /{collection}/{id}/accessRequests`: pending requests the actor may act on, and the actor's own. */
export const accessRequestPageSchema = documented(pageOf(accessRequestSchema), { id: 'AccessRequestPage' });
export type AccessRequestPage = z.infer<typeof accessRequestPageSchema>;

/** `GET /{collection}/{id}/accessRequests` query. */
export const accessRequestsQuerySchema = z.object(pagingQuery(100, 1000));

/** `POST /{collection}/{id}/accessRequests` body. Role and message length are rules (422). */
export const accessRequestCreateBodySchema = documented(
  z.object({
    role: documented(z.string(), { description: 'The role asked for, any case.', examples: ['EDITOR'] }),
    message: documented(z.optional(z.string()), { description: 'At most 1,000 characters.' }),
  }),
  { id: 'AccessRequestCreate' },
);
export type AccessRequestCreateBody = z.infer<typeof accessRequestCreateBodySchema>;

/** `POST …/accessRequests/{requestId}/decline` body. */
export const accessRequestDeclineBodySchema = documented(
  z.object({
    message: documented(z.optional(z.string()), { description: 'At most 1,000 characters.' }),
  }),
  { id: 'AccessRequestDecline' },
);
export type AccessRequestDeclineBody = z.infer<typeof accessRequestDeclineBodySchema>;
