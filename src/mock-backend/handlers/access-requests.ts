import { HttpResponse, http } from 'msw';
import {
  accessRequestCreateBodySchema,
  accessRequestDeclineBodySchema,
  accessRequestsQuerySchema,
} from '../../api/contract.ts';
import { accessRequestBodyOf } from '../../api/wire-mapping.ts';
import {
  type AccessRequest,
  canActOnRequest,
  checkAccessRequest,
  checkRequestPending,
  declineRequest,
  requestsVisibleTo,
} from '../../sharing/access-requests.ts';
import { summarizeViolations } from '../../sharing/errors.ts';
import { checkNoteLength } from '../../sharing/policy.ts';
import type { Principal, Violation } from '../../sharing/types.ts';
import { grantorsOf, requesterStandingOf, requestsOf } from '../access-requests.ts';
import { backend } from '../backend.ts';
import type { StoredAccessRequest } from '../db.ts';
import { authenticate, errorResponse, notFound, page, parseBody, parseQuery } from '../http.ts';
import { assetRoute } from '../routes.ts';
import { findVisibleAsset, type VisibleAsset } from '../visible-assets.ts';

function refusal(violations: readonly Violation[]): Response {
  const summary = summarizeViolations(violations);
  return errorResponse(summary.status, {
    message: summary.message,
    code: summary.code,
    errors: violations.map((violation) => ({
      index: null,
      code: violation.code,
      message: violation.message,
    })),
  });
}

function bodyOf(request: AccessRequest) {
  const user = backend.db.user(request.requesterId);
  return accessRequestBodyOf(request, {
    id: request.requesterId,
    fullName: user?.displayName ?? request.requesterId,
    username: user?.name ?? request.requesterId,
  });
}

/**
 * The asset a request names: 401, then 404 for an asset the actor cannot see (another organization's too). The
 * request is judged, and what it writes dated, at one instant of the backend's clock, `now`.
 */
function findAsset(
  request: Request,
  params: Record<string, unknown>,
): { actor: Principal; visible: VisibleAsset; now: number } | Response {
  const actor = authenticate(request);
  if (actor instanceof Response) return actor;
  const now = backend.db.clock.now();
  const visible = findVisibleAsset(backend.db, String(params.collection), String(params.id), actor, now);
  if (!visible) return notFound();
  return { actor, visible, now };
}

/** `GET`, `POST /{collection}/{id}/accessRequests` and `POST …/accessRequests/{requestId}/decline` (§12). */
export const accessRequestHandlers = [
  http.get(assetRoute('/accessRequests'), ({ request, params }) => {
    const found = findAsset(request, params);
    if (found instanceof Response) return found;
    const query = parseQuery(request, accessRequestsQuerySchema);
    if (query instanceof Response) return query;
    const { visible } = found;
    const requests = requestsOf(backend.db, visible.asset, found.now);
    const visibleRequests = requestsVisibleTo(visible.assetType, visible.standing, requests);
    const body = page(request, visibleRequests, query.offset, query.limit);
    return HttpResponse.json({ ...body, data: body.data.map(bodyOf) });
  }),

  http.post(assetRoute('/accessRequests'), async ({ request, params }) => {
    const found = findAsset(request, params);
    if (found instanceof Response) return found;
    const body = await parseBody(request, accessRequestCreateBodySchema);
    if (body instanceof Response) return body;
    const { actor, visible, now } = found;
    const { db } = backend;
    const requests = requestsOf(db, visible.asset, now);
    const ask = { role: body.role, message: body.message ?? '' };
    const violations = checkAccessRequest(
      visible.assetType,
      requesterStandingOf(db, visible.asset, actor, now),
      requests,
      ask,
    );
    if (violations.length > 0) return refusal(violations);
    const created: StoredAccessRequest = {
      id: db.newId(),
      assetId: visible.asset.id,
      requesterId: actor.id,
      role: body.role.toUpperCase(),
      message: ask.message,
      status: 'pending',
      createdAt: new Date(now).toISOString(),
      grantorIds: [],
    };
    created.grantorIds = grantorsOf(db, visible.asset, created, now);
    db.accessRequests.push(created);
    backend.save();
    return HttpResponse.json(bodyOf(created), { status: 201 });
  }),

  http.post(assetRoute('/accessRequests/:requestId/decline'), async ({ request, params }) => {
    const found = findAsset(request, params);
    if (found instanceof Response) return found;
    const { visible, now } = found;
    const { db } = backend;
    // A request the actor may not see (someone else's, not theirs to answer) does not exist for them.
    const target = requestsOf(db, visible.asset, now).find((candidate) => candidate.id === params.requestId);
    const mayAct = target && canActOnRequest(visible.assetType, visible.standing, target);
    if (!target || (!mayAct?.allowed && target.requesterId !== found.actor.id)) {
      return notFound('No such access request.');
    }
    const body = await parseBody(request, accessRequestDeclineBodySchema);
    if (body instanceof Response) return body;
    if (mayAct && !mayAct.allowed) {
      return errorResponse(403, { message: mayAct.reason, code: mayAct.code });
    }
    const violations = [
      checkRequestPending(target),
      checkNoteLength({ changes: [], note: body.message ?? '' }),
    ].filter((violation) => violation !== null);
    if (violations.length > 0) return refusal(violations);
    const declined = declineRequest(target, found.actor.id, new Date(now).toISOString(), body.message);
    db.accessRequests = db.accessRequests.map((stored) =>
      stored.id === target.id ? { ...stored, ...declined } : stored,
    );
    backend.save();
    return HttpResponse.json(bodyOf(declined));
  }),
];
