/**
 * Every endpoint of the contract as data, for the OpenAPI generator (`scripts/openapi.ts`): what each one takes
 * and answers, with the schemas of `contract.ts` and `demo-contract.ts`. Only the generator and its test read it;
 * the dialog does not ship it.
 */
import { z } from 'zod/mini';
import {
  accessExplanationSchema,
  accessRequestCreateBodySchema,
  accessRequestDeclineBodySchema,
  accessRequestPageSchema,
  accessRequestSchema,
  accessRequestsQuerySchema,
  accountSchema,
  assetListQuerySchema,
  assetPageSchema,
  assetSchema,
  documented,
  errorBodySchema,
  externalShareSchema,
  notificationListSchema,
  notificationSchema,
  principalPageSchema,
  principalSearchQuerySchema,
  sharedRolesPageSchema,
  sharedRolesPreviewSchema,
  sharedRolesQuerySchema,
  sharedRolesUpdateBodySchema,
} from './contract.ts';
import {
  demoClockSchema,
  demoClockUpdateSchema,
  faultSchema,
  faultSpecSchema,
  outboxPageSchema,
  outboxQuerySchema,
  personaListSchema,
} from './demo-contract.ts';
import { historyPageSchema, historyQuerySchema } from './history-contract.ts';

/** A response an endpoint may answer. */
export interface EndpointResponse {
  description: string;
  schema?: z.core.$ZodType;
  headers?: Record<string, string>;
}

/** One endpoint of the contract, as data. Paths are relative to `sharingApiBasePath`, OpenAPI-style. */
export interface Endpoint {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  tag: 'account' | 'principals' | 'assets' | 'sharing' | 'accessRequests' | 'notifications' | 'demo';
  summary: string;
  description?: string;
  pathParams?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  /** Request headers that matter beyond Authorization, with what they mean. */
  requestHeaders?: Record<string, string>;
  body?: z.core.$ZodType;
  responses: Record<number, EndpointResponse>;
  /** No bearer token needed. */
  public?: boolean;
}

const collectionParam = documented(z.string(), {
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
const versionConflict = {
  description: 'Stale `If-Match` (R15, VERSION_CONFLICT): answered alone, before the body is checked.',
  schema: errorBodySchema,
};
const ifMatchHeader = {
  'If-Match':
    'The ETag the changes were made against, compared strongly (a weak `W/"…"` tag never matches); a stale one answers 412. Optional.',
};
const linkForbidden = {
  description: 'The actor may not manage the link: below read-write on the application, or may not share it.',
  schema: errorBodySchema,
};
const ruleBroken = (status: number) => ({
  description: `Rules broken (SPEC §4): ${status === 403 ? 'R5, R6, R7, R18 (answered alone: an entry the actor may not make is refused for that only)' : status === 409 ? 'R9, R10, R16' : 'R1–R4, R8, R11–R14, R19, or a mix'}.`,
  schema: errorBodySchema,
});

/** What every write answers before anything else (SPEC §5 "Requests"), demo endpoints included. */
const writeRefusals: Record<number, EndpointResponse> = {
  413: {
    description: 'The body is over 1 MB (PAYLOAD_TOO_LARGE): nothing was read.',
    schema: errorBodySchema,
  },
  415: {
    description:
      'The body is not `Content-Type: application/json` (UNSUPPORTED_MEDIA_TYPE): nothing changed, so a form or `text/plain` post from another site changes nothing.',
    schema: errorBodySchema,
  },
};

const endpointsAsWritten: readonly Endpoint[] = [
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
      'Case- and accent-insensitive on name words, e-mail, group, organization and role names; exact matches first, then prefixes, then word prefixes. Inactive users are answered with `active: false`. Nothing of another organization is ever answered, not even for an exact e-mail (tenant isolation).',
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
      'Every entry is checked against every rule; any violation changes nothing. `role: "NO_ROLE"` or `null` revokes. `approvesRequests` approves access requests in the same save: each must be pending here, grantable by the actor and granted by this save (else 422 REQUEST_NOT_PENDING); any refusal approves nothing.',
    pathParams: assetPath,
    requestHeaders: ifMatchHeader,
    body: sharedRolesUpdateBodySchema,
    responses: {
      204: { description: 'Applied.', headers: { ETag: 'The new version of the access list.' } },
      400: badRequest,
      401: unauthorized,
      403: ruleBroken(403),
      404: notFound,
      409: ruleBroken(409),
      412: versionConflict,
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
    description:
      'Rule violations are answered in `errors` with a 200, never as an error status: the same checks as PATCH, nothing applied.',
    pathParams: assetPath,
    requestHeaders: ifMatchHeader,
    body: sharedRolesUpdateBodySchema,
    responses: {
      200: {
        description: 'The errors (possibly none) and the impact.',
        schema: sharedRolesPreviewSchema,
        headers: { ETag: 'The version of the access list the preview was made against.' },
      },
      400: badRequest,
      401: unauthorized,
      404: notFound,
      412: versionConflict,
    },
  },
  {
    operationId: 'getSharingHistory',
    method: 'get',
    path: '/{collection}/{id}/sharedRoles/history',
    tag: 'sharing',
    summary: 'The change sets of the access list, newest first (SPEC §10).',
    description:
      'Each change set is everything one write changed, recorded in the same step as the write: a refused request records nothing. Answered to the people who may share the asset.',
    pathParams: assetPath,
    query: historyQuerySchema,
    responses: {
      200: { description: 'A page of change sets, newest first.', schema: historyPageSchema },
      400: badRequest,
      401: unauthorized,
      403: {
        description: 'The actor may not share this asset (R7): SHARING_NOT_ALLOWED.',
        schema: errorBodySchema,
      },
      404: notFound,
    },
  },
  {
    operationId: 'listAccessRequests',
    method: 'get',
    path: '/{collection}/{id}/accessRequests',
    tag: 'accessRequests',
    summary: 'Access requests (§12): pending ones the actor may act on (R5, R7), and the actor’s own.',
    description:
      'A pending request whose role the requester has meanwhile been given some other way is answered as `granted`.',
    pathParams: assetPath,
    query: accessRequestsQuerySchema,
    responses: {
      200: { description: 'A page of access requests, oldest first.', schema: accessRequestPageSchema },
      400: badRequest,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    operationId: 'createAccessRequest',
    method: 'post',
    path: '/{collection}/{id}/accessRequests',
    tag: 'accessRequests',
    summary: 'Ask for a role above your own (R20); everyone who may grant it is notified.',
    pathParams: assetPath,
    body: accessRequestCreateBodySchema,
    responses: {
      201: { description: 'The request, pending.', schema: accessRequestSchema },
      400: badRequest,
      401: unauthorized,
      404: notFound,
      409: {
        description: 'A request of yours is already pending here (R20, REQUEST_PENDING).',
        schema: errorBodySchema,
      },
      422: {
        description:
          'R20: the role is not above your own (REQUEST_NOT_NEEDED) or above your RBAC ceiling (ROLE_ABOVE_RECIPIENT_CEILING, with a suggestion); or an unknown role (INVALID_ROLE), a message over 1,000 characters (NOTE_TOO_LONG).',
        schema: errorBodySchema,
      },
    },
  },
  {
    operationId: 'declineAccessRequest',
    method: 'post',
    path: '/{collection}/{id}/accessRequests/{requestId}/decline',
    tag: 'accessRequests',
    summary: 'Decline a pending access request, with an optional message; the requester is notified.',
    pathParams: z.object({ collection: collectionParam, id: z.string(), requestId: z.string() }),
    body: accessRequestDeclineBodySchema,
    responses: {
      200: { description: 'The request, declined.', schema: accessRequestSchema },
      400: badRequest,
      401: unauthorized,
      403: {
        description: 'The actor could not grant the role asked for (R5, R7), e.g. the requester themselves.',
        schema: errorBodySchema,
      },
      404: {
        description: 'No such asset or request, or the actor cannot see them.',
        schema: errorBodySchema,
      },
      422: {
        description:
          'The request is no longer pending (REQUEST_NOT_PENDING), or the message is over 1,000 characters.',
        schema: errorBodySchema,
      },
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
        description:
          'No such asset or user, a user of another organization, or the actor cannot see the asset.',
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
    description:
      'The link lets anyone in: its `url` is answered only to those who may create and revoke it (read-write or more, allowed to share); others learn only whether there is one.',
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
      403: linkForbidden,
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
      403: linkForbidden,
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
    summary:
      'Demo only: the notification e-mails the backend "sent" to members of the actor’s organization, newest first.',
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
  {
    operationId: 'getDemoClock',
    method: 'get',
    path: '/demo/clock',
    tag: 'demo',
    summary: 'Demo only: what time it is for the backend.',
    public: true,
    responses: { 200: { description: 'The clock.', schema: demoClockSchema } },
  },
  {
    operationId: 'moveDemoClock',
    method: 'post',
    path: '/demo/clock',
    tag: 'demo',
    summary: 'Demo only: move the backend’s clock to an instant, or some days on or back (SPEC §9).',
    description:
      'Grants end when the clock passes their `expiresAt`. What has ended stays ended: moving the clock back brings no grant back.',
    public: true,
    body: demoClockUpdateSchema,
    responses: {
      200: { description: 'The clock after the move.', schema: demoClockSchema },
      400: badRequest,
    },
  },
  {
    operationId: 'resetDemoClock',
    method: 'delete',
    path: '/demo/clock',
    tag: 'demo',
    summary: 'Demo only: put the backend’s clock back to real time.',
    public: true,
    responses: { 204: { description: 'Real time again.' } },
  },
];

/** Every endpoint of the contract; every write also answers 413 and 415. */
export const endpoints: readonly Endpoint[] = endpointsAsWritten.map((endpoint) =>
  endpoint.method === 'get'
    ? endpoint
    : { ...endpoint, responses: { ...endpoint.responses, ...writeRefusals } },
);
