import { HttpResponse, http } from 'msw';
import {
  type SharedRole,
  type SharedRolesPreview,
  sharedRolesQuerySchema,
  sharedRolesUpdateBodySchema,
} from '../../api/contract.ts';
import { accessImpactBodyOf, changeRequestOf, errorEntryOf, sharedRoleOf } from '../../api/wire-mapping.ts';
import { summarizeViolations } from '../../sharing/errors.ts';
import { diffGrants } from '../../sharing/history.ts';
import { changesToNotify } from '../../sharing/notify.ts';
import { applyChanges, checkVersion, previewChanges } from '../../sharing/policy.ts';
import type { ChangeRequest, Grant, PolicyContext, Principal, Violation } from '../../sharing/types.ts';
import { approvalViolations, settleRequestsAfterSave } from '../access-requests.ts';
import { backend } from '../backend.ts';
import { recordChangeSet } from '../history.ts';
import { authenticate, errorResponse, notFound, page, parseBody, parseQuery } from '../http.ts';
import { foldText } from '../random.ts';
import { assetRoute } from '../routes.ts';
import { findVisibleAsset, linkedInputsOf, type VisibleAsset } from '../visible-assets.ts';

/** An access-list entry as the wire answers it: the grant, with its holder's names and member count. */
function sharedRoleOfGrant(grant: Grant): SharedRole {
  const holder = backend.db.directory.byId(grant.principalId);
  return sharedRoleOf(grant, holder, holder && backend.db.directory.memberCount(holder));
}

function refusal(violations: readonly Violation[]): Response {
  const summary = summarizeViolations(violations);
  return errorResponse(summary.status, {
    message: summary.message,
    code: summary.code,
    errors: violations.map(errorEntryOf),
  });
}

/**
 * The asset a sharedRoles request names: 401, then 404 (never 403), are answered before anything else. The
 * request is judged at one instant of the backend's clock, `now`.
 */
function findRequestedAsset(
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

/** A stale `If-Match` (R15): answered alone, before the body is read. */
function versionConflict(request: Request, visible: VisibleAsset): Response | undefined {
  const etag = backend.db.etagOf(visible.asset);
  const violation = checkVersion(request.headers.get('if-match') ?? undefined, etag);
  if (!violation) return undefined;
  return errorResponse(
    412,
    { message: violation.message, code: violation.code, errors: [errorEntryOf(violation)] },
    { ETag: etag },
  );
}

/** A change request (PATCH or preview) read, and what the policy judges it against. */
interface ReadChangeRequest {
  actor: Principal;
  visible: VisibleAsset;
  context: PolicyContext;
  changeRequest: ChangeRequest;
}

/** Reads a change request (PATCH or preview): 401, 404, then a stale `If-Match` (412) before the body is read (400). */
async function readChangeRequest(
  request: Request,
  params: Record<string, unknown>,
): Promise<ReadChangeRequest | Response> {
  const found = findRequestedAsset(request, params);
  if (found instanceof Response) return found;
  const { actor, visible, now } = found;
  const conflict = versionConflict(request, visible);
  if (conflict) return conflict;
  const body = await parseBody(request, sharedRolesUpdateBodySchema);
  if (body instanceof Response) return body;
  const context: PolicyContext = {
    assetType: visible.assetType,
    actor,
    grants: visible.asset.grants,
    directory: backend.db.directory,
    linkedInputs: linkedInputsOf(backend.db, visible.asset, now),
    now,
  };
  return { actor, visible, context, changeRequest: changeRequestOf(body) };
}

/** `GET`, `PATCH /{collection}/{id}/sharedRoles` and `POST …/sharedRoles/preview`. */
export const sharedRolesHandlers = [
  http.get(assetRoute('/sharedRoles'), ({ request, params }) => {
    const found = findRequestedAsset(request, params);
    if (found instanceof Response) return found;
    const query = parseQuery(request, sharedRolesQuerySchema);
    if (query instanceof Response) return query;
    const { db } = backend;
    const { asset } = found.visible;
    const name = query.name ? foldText(query.name) : undefined;
    // Only the grants in force at this instant: an expired grant is never listed.
    const matching = db.grantIndex(asset, found.now).grants.filter((grant) => {
      if (query.shareRecipientType && grant.principalType !== query.shareRecipientType) return false;
      if (!name) return true;
      const principal = db.directory.byId(grant.principalId);
      return principal !== undefined && foldText(`${principal.name} ${principal.displayName}`).includes(name);
    });
    const body = page(request, matching, query.offset, query.limit);
    return HttpResponse.json(
      { ...body, data: body.data.map(sharedRoleOfGrant) },
      { headers: { ETag: db.etagOf(asset) } },
    );
  }),

  http.patch(assetRoute('/sharedRoles'), async ({ request, params }) => {
    const read = await readChangeRequest(request, params);
    if (read instanceof Response) return read;
    const { actor, visible, context, changeRequest } = read;
    // Reading the body yielded: another save may have landed since the first check. From here on nothing awaits,
    // so checking again makes check-and-apply atomic.
    const lateConflict = versionConflict(request, visible);
    if (lateConflict) return lateConflict;
    const { db } = backend;
    const result = applyChanges(context, changeRequest);
    // The approvals are judged with the entries, and every violation of either is answered together (SPEC §4).
    const approvals = changeRequest.approvesRequests ?? [];
    const refusedApprovals = approvalViolations(
      db,
      visible.asset,
      actor,
      approvals,
      result.ok ? result.grants : null,
      context.now,
    );
    if (!result.ok || refusedApprovals.length > 0) {
      return refusal([...(result.ok ? [] : result.violations), ...refusedApprovals]);
    }

    // The history records each list's change in the same step as the write (SPEC §10).
    const written = { at: context.now, actor, note: changeRequest.note };
    if (result.changes.length > 0) {
      const cause = approvals.length > 0 ? 'request' : 'share';
      recordChangeSet(
        db,
        visible.asset.id,
        { ...written, cause },
        diffGrants(visible.asset.grants, result.grants),
      );
      db.replaceGrants(visible.asset, result.grants);
    }
    for (const share of result.linkedInputs) {
      const input = db.assets.get(share.input.assetId);
      if (input && share.added.length > 0) {
        recordChangeSet(
          db,
          input.id,
          { ...written, cause: 'lineage' },
          diffGrants(input.grants, share.grants),
        );
        db.replaceGrants(input, share.grants);
      }
    }
    settleRequestsAfterSave(db, visible.asset, actor, approvals, context.now);
    const notified = changesToNotify(changeRequest, result.changes);
    if (notified.length > 0) {
      db.events.push({
        id: db.newId(),
        createdAt: new Date(context.now).toISOString(),
        actorId: actor.id,
        assetId: visible.asset.id,
        recipients: notified.map(({ principal, after }) =>
          after.expiresAt
            ? { principalId: principal.id, role: after.role, expiresAt: after.expiresAt }
            : { principalId: principal.id, role: after.role },
        ),
        ...(changeRequest.note ? { note: changeRequest.note } : {}),
      });
    }
    backend.save();
    return new HttpResponse(null, { status: 204, headers: { ETag: db.etagOf(visible.asset) } });
  }),

  http.post(assetRoute('/sharedRoles/preview'), async ({ request, params }) => {
    const read = await readChangeRequest(request, params);
    if (read instanceof Response) return read;
    const { visible, context, changeRequest } = read;
    const { violations, impact } = previewChanges(context, changeRequest);
    const preview: SharedRolesPreview = {
      errors: violations.map(errorEntryOf),
      impact: accessImpactBodyOf(visible.assetType, impact),
    };
    return HttpResponse.json(preview, { headers: { ETag: backend.db.etagOf(visible.asset) } });
  }),
];
