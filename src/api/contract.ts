/**
 * The REST contract of SPEC §5 and the demo endpoints of §7, as zod schemas: the one source of truth for the
 * HTTP client, the mock backend, the tests and the published OpenAPI document (`npm run openapi`).
 */
import { z } from 'zod';
import type { RuleCode } from '../sharing/types.ts';

/** The base path every endpoint lives under. */
export const sharingApiBasePath = '/api/v2';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/** An id: 24 hex characters. */
export const objectIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/)
  .meta({
    id: 'ObjectId',
    description: 'An id: 24 lower-case hex characters.',
    examples: ['5f1a2b3c4d5e6f7a8b9c0d1e'],
  });

/** Who can be given access (`shareRecipientType`). */
export const shareRecipientTypeSchema = z
  .enum(['user', 'group', 'organization', 'role'])
  .meta({ id: 'ShareRecipientType', description: 'Who can be given access.' });
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
export const errorEntrySchema = z
  .object({
    index: z.number().int().nullable().meta({
      description: 'The position of the entry in `roles[]`, or null when the error concerns the request.',
    }),
    recipient: z.string().optional().meta({ description: 'The recipient as the request named it.' }),
    code: z.string().meta({ description: errorCodeDescription, examples: ['RECIPIENT_INACTIVE'] }),
    message: z.string().meta({ description: 'A sentence a person understands.' }),
    path: z
      .array(z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: 'For a malformed body or parameter (400): the path of the field.' }),
  })
  .meta({ id: 'ErrorEntry' });
export type ErrorEntry = z.infer<typeof errorEntrySchema>;

/** Every error response's body (SPEC §5). */
export const errorBodySchema = z
  .object({
    message: z.string(),
    code: z.string().meta({ description: errorCodeDescription, examples: ['VALIDATION_FAILED'] }),
    errors: z.array(errorEntrySchema).optional(),
  })
  .meta({
    id: 'Error',
    description:
      'The status and `code` are the ones every entry shares, else 422 and VALIDATION_FAILED; each entry keeps its own code.',
  });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A page of anything: `next`/`previous` are full URLs or null. */
function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int().meta({ description: 'Items on this page.' }),
    totalCount: z.number().int().meta({ description: 'Items matching, across all pages.' }),
    next: z.string().nullable().meta({ description: 'Full URL of the next page, or null.' }),
    previous: z.string().nullable().meta({ description: 'Full URL of the previous page, or null.' }),
    data: z.array(item),
  });
}

/** Offset/limit paging parameters, coerced from the query string. */
function pagingQuery(defaultLimit: number, maxLimit: number) {
  return {
    offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Items to skip.' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(defaultLimit)
      .meta({ description: `Items per page: ${defaultLimit} by default, ${maxLimit} at most.` }),
  };
}

/** A wire role name (upper case in answers; any case accepted in requests). */
const roleNameSchema = z
  .string()
  .meta({ description: "The asset type's own role name, e.g. OWNER, EDITOR, READ." });

// ---------------------------------------------------------------------------------------------------------------
// Account

/** The signed-in actor (`GET /account`). */
export const accountSchema = z
  .object({
    id: objectIdSchema,
    username: z.string(),
    fullName: z.string(),
    orgId: objectIdSchema,
    orgName: z.string().optional(),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof accountSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Principals (recipient search)

/** `GET /principals` query. `types` is a comma-separated list of recipient types. */
export const principalSearchQuerySchema = z.object({
  search: z
    .string()
    .default('')
    .meta({ description: 'Words of a name, an e-mail, a group, organization or role.' }),
  types: z.string().optional().meta({
    description: 'Comma-separated recipient types to include, e.g. `user,group`. All when omitted.',
  }),
  ...pagingQuery(20, 100),
});
export type PrincipalSearchQuery = z.infer<typeof principalSearchQuerySchema>;

/** One recipient search result. */
export const principalSchema = z
  .object({
    id: objectIdSchema,
    shareRecipientType: shareRecipientTypeSchema,
    name: z.string().meta({ description: 'Username (an e-mail) for users; the name for the others.' }),
    displayName: z.string().meta({ description: 'Full name for users; the name for the others.' }),
    email: z.string().optional(),
    active: z.boolean().meta({ description: 'False for an inactive account: shown, not selectable.' }),
    orgId: objectIdSchema,
    orgName: z.string().optional(),
    memberCount: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Groups, organizations and roles: users reached.' }),
    inactiveReason: z.string().optional().meta({ description: 'Why an inactive account cannot be chosen.' }),
    outsideOrganization: z.boolean().optional().meta({
      description: 'True for a person of another organization (only an exact e-mail match is answered).',
    }),
    outsideOrganizationReason: z
      .string()
      .optional()
      .meta({ description: 'Why such a person cannot be chosen.' }),
  })
  .meta({ id: 'Principal' });
export type PrincipalItem = z.infer<typeof principalSchema>;

/** A page of recipient search results. */
export const principalPageSchema = pageOf(principalSchema).meta({ id: 'PrincipalPage' });
export type PrincipalPage = z.infer<typeof principalPageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Assets

/** A linked input of an asset (lineage). */
export const linkedInputSchema = z
  .object({
    id: objectIdSchema,
    name: z.string(),
    assetType: z.string().meta({ description: 'Asset-type registry id, e.g. `dataset`.' }),
  })
  .meta({ id: 'LinkedInput' });
export type LinkedInputItem = z.infer<typeof linkedInputSchema>;

/** An asset the actor can see, with the actor's standing on it. */
export const assetSchema = z
  .object({
    id: objectIdSchema,
    name: z.string(),
    assetType: z.string().meta({ description: 'Asset-type registry id, e.g. `dataset`, `governedModel`.' }),
    collection: z.string().meta({ description: 'REST collection, e.g. `datasets`.' }),
    description: z.string().optional(),
    yourRole: roleNameSchema.meta({ description: "The actor's effective role (RBAC ceiling applied)." }),
    canShare: z.boolean().meta({ description: 'Whether the actor may share this asset at all (R7).' }),
    sharedWithCount: z.number().int().meta({ description: 'Entries in the access list.' }),
    linkedInputs: z.array(linkedInputSchema).optional(),
    externalShareUrl: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Applications: the external link.' }),
  })
  .meta({ id: 'Asset' });
export type Asset = z.infer<typeof assetSchema>;

/** `GET /{collection}` and `GET /assets` query. */
export const assetListQuerySchema = z.object({
  search: z.string().optional().meta({ description: 'Words of the asset name.' }),
  ...pagingQuery(100, 1000),
});
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;

/** A page of assets. */
export const assetPageSchema = pageOf(assetSchema).meta({ id: 'AssetPage' });
export type AssetPage = z.infer<typeof assetPageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Shared roles (the access list)

/** `GET /{collection}/{id}/sharedRoles` query. */
export const sharedRolesQuerySchema = z.object({
  ...pagingQuery(100, 1000),
  name: z
    .string()
    .optional()
    .meta({ description: 'Case-insensitive substring of the name, username or full name.' }),
  shareRecipientType: shareRecipientTypeSchema.optional(),
});
export type SharedRolesQuery = z.infer<typeof sharedRolesQuerySchema>;

/** One entry of an access list. */
export const sharedRoleSchema = z
  .object({
    id: objectIdSchema,
    name: z
      .string()
      .meta({ description: 'Username for users; the name for groups, organizations and roles.' }),
    userFullName: z.string().optional(),
    shareRecipientType: shareRecipientTypeSchema,
    role: roleNameSchema,
    canShare: z.boolean(),
    canUseData: z.boolean(),
    memberCount: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Groups, organizations and roles: users reached.' }),
  })
  .meta({ id: 'SharedRole' });
export type SharedRole = z.infer<typeof sharedRoleSchema>;

/** A page of an access list. */
export const sharedRolesPageSchema = pageOf(sharedRoleSchema).meta({ id: 'SharedRolesPage' });
export type SharedRolesPage = z.infer<typeof sharedRolesPageSchema>;

/** One requested change. Names its recipient by `id`, or by `username` (users) or `name` (any type). */
export const sharedRoleUpdateSchema = z
  .object({
    id: z.string().optional(),
    username: z.string().optional(),
    name: z.string().optional(),
    shareRecipientType: shareRecipientTypeSchema,
    role: z
      .string()
      .nullable()
      .meta({
        description: 'The role, any case. `NO_ROLE` or null revokes.',
        examples: ['EDITOR', 'NO_ROLE'],
      }),
    canShare: z.boolean().optional(),
    canUseData: z.boolean().optional(),
  })
  .refine((entry) => Boolean(entry.id ?? entry.username ?? entry.name), {
    message: 'Name the recipient by id, username or name.',
    path: ['id'],
  })
  .meta({
    id: 'SharedRoleUpdate',
    description:
      'Names its recipient by `id`, or by `username` (users) or `name` (any type); at least one of them.',
  });
export type SharedRoleUpdate = z.infer<typeof sharedRoleUpdateSchema>;

/** `PATCH /{collection}/{id}/sharedRoles` and the preview's body. Entry count and note length are rules (422). */
export const sharedRolesUpdateBodySchema = z
  .object({
    operation: z.literal('updateRoles'),
    roles: z.array(sharedRoleUpdateSchema),
    note: z.string().optional(),
    sendNotification: z.boolean().optional().meta({ description: 'Default true.' }),
    applyGrantToLinkedObjects: z
      .boolean()
      .optional()
      .meta({ description: 'Share the linked inputs too (R16).' }),
  })
  .meta({ id: 'SharedRolesUpdate' });
export type SharedRolesUpdateBody = z.infer<typeof sharedRolesUpdateBodySchema>;

/** One person (or container) whose access a request would change. */
export const impactEntrySchema = z
  .object({
    id: objectIdSchema,
    name: z.string(),
    displayName: z.string(),
    beforeRole: z.string().nullable(),
    afterRole: z.string().nullable(),
  })
  .meta({ id: 'ImpactEntry' });
export type ImpactEntry = z.infer<typeof impactEntrySchema>;

/** Who gains, changes or loses access (users reached through groups and organizations counted). */
export const accessImpactSchema = z
  .object({
    gains: z.array(impactEntrySchema),
    changes: z.array(impactEntrySchema),
    loses: z.array(impactEntrySchema),
    counts: z.object({ gains: z.number().int(), changes: z.number().int(), loses: z.number().int() }),
  })
  .meta({ id: 'AccessImpact' });
export type AccessImpact = z.infer<typeof accessImpactSchema>;

/** `POST /{collection}/{id}/sharedRoles/preview` answer: nothing is applied. */
export const sharedRolesPreviewSchema = z
  .object({ errors: z.array(errorEntrySchema), impact: accessImpactSchema })
  .meta({ id: 'SharedRolesPreview' });
export type SharedRolesPreview = z.infer<typeof sharedRolesPreviewSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Why access

/** One grant that reaches a user. */
export const accessPathSchema = z
  .object({
    via: z.enum(['direct', 'group', 'organization', 'role']),
    principalId: objectIdSchema,
    principalName: z.string(),
    role: roleNameSchema,
  })
  .meta({ id: 'AccessPath' });
export type AccessPath = z.infer<typeof accessPathSchema>;

/** `GET /{collection}/{id}/access/{userId}`: why a user has access. */
export const accessExplanationSchema = z
  .object({
    userId: objectIdSchema,
    level: z.number().int().min(0).max(3).meta({ description: 'Effective level, 0 = no access.' }),
    role: z.string().nullable().meta({ description: 'The effective role, null when none.' }),
    cappedByCeiling: z
      .boolean()
      .meta({ description: "True when the user's RBAC ceiling lowered the level." }),
    paths: z.array(accessPathSchema),
  })
  .meta({ id: 'AccessExplanation' });
export type AccessExplanation = z.infer<typeof accessExplanationSchema>;

// ---------------------------------------------------------------------------------------------------------------
// External sharing link (applications)

/** The external sharing link of an application. */
export const externalShareSchema = z
  .object({
    enabled: z.boolean(),
    url: z.string().nullable(),
    createdAt: z.string().nullable().meta({ description: 'ISO 8601.' }),
  })
  .meta({ id: 'ExternalShare' });
export type ExternalShare = z.infer<typeof externalShareSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Notifications and outbox

/** Something was shared with the actor (directly, or with a group or organization they belong to). */
export const notificationSchema = z
  .object({
    id: objectIdSchema,
    createdAt: z.string().meta({ description: 'ISO 8601.' }),
    read: z.boolean(),
    actorName: z.string().meta({ description: 'Who shared.' }),
    assetId: objectIdSchema,
    assetName: z.string(),
    assetType: z.string(),
    collection: z.string(),
    role: roleNameSchema,
    note: z.string().optional(),
    via: z
      .string()
      .optional()
      .meta({ description: 'The group or organization shared with, when not direct.' }),
    link: z.string().meta({ description: 'App path of the asset, e.g. `/assets/dataset/<id>`.' }),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

/** `GET /notifications`: newest first. */
export const notificationListSchema = z
  .object({ count: z.number().int(), unreadCount: z.number().int(), data: z.array(notificationSchema) })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof notificationListSchema>;

/** One e-mail the backend "sent". */
export const outboxEmailSchema = z
  .object({
    id: objectIdSchema,
    sentAt: z.string().meta({ description: 'ISO 8601.' }),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    link: z.string(),
  })
  .meta({ id: 'OutboxEmail' });
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;

/** `GET /outbox` query. */
export const outboxQuerySchema = z.object({ ...pagingQuery(100, 1000) });
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

/** `GET /outbox`: a page of e-mails, newest first (sharing with an organization writes one per member). */
export const outboxPageSchema = pageOf(outboxEmailSchema).meta({ id: 'OutboxPage' });
export type OutboxPage = z.infer<typeof outboxPageSchema>;
/** The outbox as the first version of the contract named it (now a page: `data` is unchanged). */
export const outboxListSchema = outboxPageSchema;
export type OutboxList = OutboxPage;

// ---------------------------------------------------------------------------------------------------------------
// Demo endpoints (mock backend only)

/** A demo persona and its bearer token. */
export const personaSchema = z
  .object({
    id: objectIdSchema,
    fullName: z.string(),
    username: z.string(),
    token: z.string(),
    orgName: z.string(),
    description: z.string().meta({ description: 'What the persona shows.' }),
  })
  .meta({ id: 'Persona' });
export type Persona = z.infer<typeof personaSchema>;

/** `GET /demo/personas`. */
export const personaListSchema = z
  .object({ count: z.number().int(), data: z.array(personaSchema) })
  .meta({ id: 'PersonaList' });
export type PersonaList = z.infer<typeof personaListSchema>;

/** `POST /demo/faults`: one of status, delay or network error, for the next `times` matching requests. */
export const faultSpecSchema = z
  .object({
    path: z
      .string()
      .min(1)
      .meta({
        description: 'Matched against the end of the request path; `*` matches one path segment.',
        examples: ['/sharedRoles', '/datasets/*/sharedRoles'],
      }),
    method: z.string().optional().meta({ description: 'Any method when omitted.' }),
    status: z.number().int().min(400).max(599).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    networkError: z.boolean().optional(),
    times: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'How many requests; unlimited when omitted.' }),
  })
  .meta({ id: 'FaultSpec' });
export type FaultSpec = z.infer<typeof faultSpecSchema>;

/** An injected fault as stored, with the requests it still applies to. */
export const faultSchema = z
  .object({
    id: z.string(),
    path: z.string(),
    method: z.string().nullable(),
    status: z.number().int().nullable(),
    delayMs: z.number().int().nullable(),
    networkError: z.boolean(),
    remaining: z.number().int().nullable().meta({ description: 'Null = unlimited.' }),
  })
  .meta({ id: 'Fault' });
export type Fault = z.infer<typeof faultSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The endpoint list, walked by the OpenAPI generator.

/** A response an endpoint may answer. */
export interface EndpointResponse {
  description: string;
  schema?: z.ZodType;
  headers?: Record<string, string>;
}

/** One endpoint of the contract, as data. Paths are relative to `sharingApiBasePath`, OpenAPI-style. */
export interface Endpoint {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  tag: 'account' | 'principals' | 'assets' | 'sharing' | 'notifications' | 'demo';
  summary: string;
  description?: string;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** Request headers that matter beyond Authorization, with what they mean. */
  requestHeaders?: Record<string, string>;
  body?: z.ZodType;
  responses: Record<number, EndpointResponse>;
  /** No bearer token needed. */
  public?: boolean;
}

const collectionParam = z.string().meta({
  description:
    'REST collection: useCases, customApplications, deployments, datasets, dataStores, projects, workloads, models.',
});
const assetPath = z.object({ collection: collectionParam, id: z.string() });
const unauthorized = { description: 'No or a bad bearer token.', schema: errorBodySchema };
const notFound = {
  description: 'No such asset, or the actor cannot see it (never 403).',
  schema: errorBodySchema,
};
const badRequest = {
  description: 'Malformed body or parameter; `errors[].path` names the field.',
  schema: errorBodySchema,
};
const ruleBroken = (status: number) => ({
  description: `Rules broken (SPEC §4): ${status === 403 ? 'R5, R6, R7' : status === 409 ? 'R9, R10, R16' : 'R1–R4, R8, R11–R14, or a mix'}.`,
  schema: errorBodySchema,
});

/** Every endpoint of the contract. */
export const endpoints: readonly Endpoint[] = [
  {
    operationId: 'getAccount',
    method: 'get',
    path: '/account',
    tag: 'account',
    summary: 'The signed-in actor.',
    responses: { 200: { description: 'The actor.', schema: accountSchema }, 401: unauthorized },
  },
  {
    operationId: 'searchPrincipals',
    method: 'get',
    path: '/principals',
    tag: 'principals',
    summary: "Recipient search within the actor's organization.",
    description:
      'Case- and accent-insensitive on name words, e-mail, group, organization and role names; exact matches first, then prefixes, then word prefixes. Inactive users are answered with `active: false`; a person of another organization is answered only for an exact e-mail, flagged `outsideOrganization`.',
    query: principalSearchQuerySchema,
    responses: {
      200: { description: 'A page of recipients.', schema: principalPageSchema },
      400: badRequest,
      401: unauthorized,
    },
  },
  {
    operationId: 'listAllAssets',
    method: 'get',
    path: '/assets',
    tag: 'assets',
    summary: 'Every asset the actor can see, of every type.',
    query: assetListQuerySchema,
    responses: {
      200: { description: 'A page of assets.', schema: assetPageSchema },
      400: badRequest,
      401: unauthorized,
    },
  },
  {
    operationId: 'listAssets',
    method: 'get',
    path: '/{collection}',
    tag: 'assets',
    summary: 'The assets of one type the actor can see.',
    pathParams: z.object({ collection: collectionParam }),
    query: assetListQuerySchema,
    responses: {
      200: { description: 'A page of assets.', schema: assetPageSchema },
      400: badRequest,
      401: unauthorized,
      404: { description: 'Unknown collection.', schema: errorBodySchema },
    },
  },
  {
    operationId: 'getAsset',
    method: 'get',
    path: '/{collection}/{id}',
    tag: 'assets',
    summary: 'One asset, with the actor’s role on it.',
    pathParams: assetPath,
    responses: { 200: { description: 'The asset.', schema: assetSchema }, 401: unauthorized, 404: notFound },
  },
  {
    operationId: 'listSharedRoles',
    method: 'get',
    path: '/{collection}/{id}/sharedRoles',
    tag: 'sharing',
    summary: 'One page of the access list.',
    pathParams: assetPath,
    query: sharedRolesQuerySchema,
    responses: {
      200: {
        description: 'A page of the access list.',
        schema: sharedRolesPageSchema,
        headers: { ETag: 'The version of the access list, quoted; send it back as `If-Match`.' },
      },
      400: badRequest,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    operationId: 'updateSharedRoles',
    method: 'patch',
    path: '/{collection}/{id}/sharedRoles',
    tag: 'sharing',
    summary: 'Apply changes to the access list, atomically.',
    description:
      'Every entry is checked against every rule; any violation changes nothing. `role: "NO_ROLE"` or `null` revokes.',
    pathParams: assetPath,
    requestHeaders: { 'If-Match': 'The ETag the changes were made against; a stale one answers 412.' },
    body: sharedRolesUpdateBodySchema,
    responses: {
      204: { description: 'Applied.', headers: { ETag: 'The new version of the access list.' } },
      400: badRequest,
      401: unauthorized,
      403: ruleBroken(403),
      404: notFound,
      409: ruleBroken(409),
      412: {
        description: 'Stale `If-Match` (R15, VERSION_CONFLICT): nothing was overwritten.',
        schema: errorBodySchema,
      },
      422: ruleBroken(422),
    },
  },
  {
    operationId: 'previewSharedRoles',
    method: 'post',
    path: '/{collection}/{id}/sharedRoles/preview',
    tag: 'sharing',
    summary:
      'Check changes without applying them: the per-entry errors and who gains, changes or loses access.',
    pathParams: assetPath,
    body: sharedRolesUpdateBodySchema,
    responses: {
      200: { description: 'The errors (possibly none) and the impact.', schema: sharedRolesPreviewSchema },
      400: badRequest,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    operationId: 'explainAccess',
    method: 'get',
    path: '/{collection}/{id}/access/{userId}',
    tag: 'sharing',
    summary: 'Why a user has access: each grant that reaches them.',
    pathParams: z.object({ collection: collectionParam, id: z.string(), userId: z.string() }),
    responses: {
      200: { description: 'The explanation.', schema: accessExplanationSchema },
      401: unauthorized,
      404: {
        description: 'No such asset or user, or the actor cannot see the asset.',
        schema: errorBodySchema,
      },
    },
  },
  {
    operationId: 'getExternalShare',
    method: 'get',
    path: '/customApplications/{id}/externalShare',
    tag: 'sharing',
    summary: 'The external sharing link of an application.',
    pathParams: z.object({ id: z.string() }),
    responses: {
      200: { description: 'The link.', schema: externalShareSchema },
      401: unauthorized,
      404: notFound,
    },
  },
  {
    operationId: 'createExternalShare',
    method: 'post',
    path: '/customApplications/{id}/externalShare',
    tag: 'sharing',
    summary: 'Create the external sharing link (owners and editors).',
    pathParams: z.object({ id: z.string() }),
    responses: {
      201: {
        description: 'The link (the existing one if there already is one).',
        schema: externalShareSchema,
      },
      401: unauthorized,
      403: { description: 'The actor is a consumer.', schema: errorBodySchema },
      404: notFound,
    },
  },
  {
    operationId: 'deleteExternalShare',
    method: 'delete',
    path: '/customApplications/{id}/externalShare',
    tag: 'sharing',
    summary: 'Revoke the external sharing link (owners and editors).',
    pathParams: z.object({ id: z.string() }),
    responses: {
      204: { description: 'Revoked.' },
      401: unauthorized,
      403: { description: 'The actor is a consumer.', schema: errorBodySchema },
      404: notFound,
    },
  },
  {
    operationId: 'listNotifications',
    method: 'get',
    path: '/notifications',
    tag: 'notifications',
    summary: "The actor's notification center, newest first.",
    responses: {
      200: { description: 'The notifications.', schema: notificationListSchema },
      401: unauthorized,
    },
  },
  {
    operationId: 'markNotificationRead',
    method: 'post',
    path: '/notifications/{id}/read',
    tag: 'notifications',
    summary: 'Mark one notification read.',
    pathParams: z.object({ id: z.string() }),
    responses: {
      200: { description: 'The notification.', schema: notificationSchema },
      401: unauthorized,
      404: { description: 'No such notification for the actor.', schema: errorBodySchema },
    },
  },
  {
    operationId: 'listOutbox',
    method: 'get',
    path: '/outbox',
    tag: 'demo',
    summary: 'Demo only: the notification e-mails the backend "sent" (to anyone), newest first.',
    query: outboxQuerySchema,
    responses: {
      200: { description: 'A page of e-mails.', schema: outboxPageSchema },
      400: badRequest,
      401: unauthorized,
    },
  },
  {
    operationId: 'listPersonas',
    method: 'get',
    path: '/demo/personas',
    tag: 'demo',
    summary: 'Demo only: every persona with its bearer token.',
    public: true,
    responses: { 200: { description: 'The personas.', schema: personaListSchema } },
  },
  {
    operationId: 'resetDemo',
    method: 'post',
    path: '/demo/reset',
    tag: 'demo',
    summary: 'Demo only: restore the seed (and clear faults).',
    public: true,
    responses: { 204: { description: 'Restored.' } },
  },
  {
    operationId: 'injectFault',
    method: 'post',
    path: '/demo/faults',
    tag: 'demo',
    summary: 'Demo only: make matching requests fail, hang or lose the network.',
    public: true,
    body: faultSpecSchema,
    responses: { 201: { description: 'The fault.', schema: faultSchema }, 400: badRequest },
  },
  {
    operationId: 'clearFaults',
    method: 'delete',
    path: '/demo/faults',
    tag: 'demo',
    summary: 'Demo only: remove every injected fault.',
    public: true,
    responses: { 204: { description: 'Cleared.' } },
  },
];
