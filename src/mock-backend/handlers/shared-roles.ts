import { HttpResponse, http } from 'msw';
import {
  type AccessImpact as AccessImpactBody,
  type ErrorEntry,
  type SharedRole,
  type SharedRolesPreview,
  type SharedRolesUpdateBody,
  sharedRolesQuerySchema,
  sharedRolesUpdateBodySchema,
} from '../../api/contract.ts';
import { roleAtLevel } from '../../sharing/asset-types.ts';
import { summarizeViolations } from '../../sharing/errors.ts';
import {
  type AccessImpact,
  accessImpact,
  applyChanges,
  checkVersion,
  type ImpactEntry,
  validateChanges,
} from '../../sharing/policy.ts';
import type {
  AssetTypeConfig,
  ChangeRequest,
  Grant,
  PolicyContext,
  Principal,
  Violation,
} from '../../sharing/types.ts';
import { backend } from '../backend.ts';
import type { MockDatabase } from '../db.ts';
import { authenticate, errorResponse, notFound, page, parseBody, parseQuery } from '../http.ts';
import { foldText } from '../random.ts';
import { apiPath } from '../routes.ts';
import { findVisibleAsset, linkedInputsOf, type VisibleAsset } from '../visible-assets.ts';

function sharedRoleOf(db: MockDatabase, grant: Grant): SharedRole {
  const principal = db.directory.byId(grant.principalId);
  const entry: SharedRole = {
    id: grant.principalId,
    name: principal?.name ?? grant.principalId,
    shareRecipientType: grant.principalType,
    role: grant.role,
    canShare: grant.canShare,
    canUseData: grant.canUseData,
    expiresAt: grant.expiresAt ?? null,
  };
  if (principal?.type === 'user') entry.userFullName = principal.displayName;
  const memberCount = principal && db.directory.memberCount(principal);
  if (memberCount !== undefined) entry.memberCount = memberCount;
  return entry;
}

/** The policy's view of a request body: DataRobot names users by `username`, anything by `name` or `id`. */
export function changeRequestOf(body: SharedRolesUpdateBody): ChangeRequest {
  const request: ChangeRequest = {
    changes: body.roles.map((entry) => ({
      recipient: {
        type: entry.shareRecipientType,
        ...(entry.id !== undefined ? { id: entry.id } : {}),
        ...((entry.username ?? entry.name) !== undefined ? { name: entry.username ?? entry.name } : {}),
      },
      role: entry.role,
      ...(entry.canShare !== undefined ? { canShare: entry.canShare } : {}),
      ...(entry.canUseData !== undefined ? { canUseData: entry.canUseData } : {}),
      ...(entry.expiresAt !== undefined ? { expiresAt: entry.expiresAt } : {}),
    })),
  };
  if (body.note !== undefined) request.note = body.note;
  if (body.sendNotification !== undefined) request.sendNotification = body.sendNotification;
  if (body.applyGrantToLinkedObjects !== undefined)
    request.applyToLinkedObjects = body.applyGrantToLinkedObjects;
  return request;
}

function errorEntryOf(violation: Violation): ErrorEntry {
  const entry: ErrorEntry = { index: violation.index, code: violation.code, message: violation.message };
  if (violation.recipient !== undefined) entry.recipient = violation.recipient;
  return entry;
}

function refusal(violations: readonly Violation[]): Response {
  const summary = summarizeViolations(violations);
  return errorResponse(summary.status, {
    message: summary.message,
    code: summary.code,
    errors: violations.map(errorEntryOf),
  });
}

function policyContext(
  db: MockDatabase,
  visible: VisibleAsset,
  actor: Principal,
  now: number,
): PolicyContext {
  return {
    assetType: visible.assetType,
    actor,
    grants: visible.asset.grants,
    directory: db.directory,
    linkedInputs: linkedInputsOf(db, visible.asset, now),
    now,
  };
}

/**
 * Resolves the asset of a sharedRoles request: 401, then 404 (never 403), are answered before anything else. The
 * request is judged at one instant of the backend's clock, `now`.
 */
function resolve(request: Request, params: Record<string, unknown>) {
  const actor = authenticate(request);
  if (actor instanceof Response) return actor;
  const now = backend.db.clock.now();
  const visible = findVisibleAsset(backend.db, String(params.collection), String(params.id), actor, now);
  if (!visible) return notFound();
  return { actor, visible, now };
}

/** A stale `If-Match` (R15): answered alone, before the body is read. */
function versionConflict(request: Request, visible: VisibleAsset): Response | undefined {
  const violation = checkVersion(
    request.headers.get('if-match') ?? undefined,
    backend.db.etagOf(visible.asset),
  );
  if (!violation) return undefined;
  return errorResponse(
    412,
    { message: violation.message, code: violation.code, errors: [errorEntryOf(violation)] },
    { ETag: backend.db.etagOf(visible.asset) },
  );
}

function impactBody(assetType: AssetTypeConfig, impact: AccessImpact): AccessImpactBody {
  const entryOf = (entry: ImpactEntry) => ({
    id: entry.principal.id,
    name: entry.principal.name,
    displayName: entry.principal.displayName,
    beforeRole: entry.beforeLevel === 0 ? null : (roleAtLevel(assetType, entry.beforeLevel)?.name ?? null),
    afterRole: entry.afterLevel === 0 ? null : (roleAtLevel(assetType, entry.afterLevel)?.name ?? null),
    afterExpiresAt: entry.afterExpiresAt,
  });
  return {
    gains: impact.gains.map(entryOf),
    changes: impact.changes.map(entryOf),
    loses: impact.loses.map(entryOf),
    expiries: impact.expiries.map(entryOf),
    counts: impact.counts,
  };
}

const noImpact: AccessImpact = {
  gains: [],
  changes: [],
  loses: [],
  expiries: [],
  counts: { gains: 0, changes: 0, loses: 0, expiries: 0 },
};

/**
 * Who gains, changes or loses access. With violations, the impact of the entries that broke nothing: what the
 * save would do once the failing entries are dropped.
 */
function previewImpact(
  context: PolicyContext,
  request: ChangeRequest,
  violations: readonly Violation[],
): AccessImpact {
  const failing = new Set(violations.map((violation) => violation.index));
  const candidate: ChangeRequest =
    violations.length === 0
      ? request
      : { changes: request.changes.filter((_, index) => !failing.has(index)), applyToLinkedObjects: false };
  const result = applyChanges(context, candidate);
  if (!result.ok) return noImpact;
  return accessImpact(
    context.assetType,
    context.directory,
    context.grants,
    result.grants,
    result.changes.map((change) => change.principal),
    context.now,
  );
}

/** `GET`, `PATCH /{collection}/{id}/sharedRoles` and `POST …/sharedRoles/preview`. */
export const sharedRolesHandlers = [
  http.get(apiPath('/:collection/:id/sharedRoles'), ({ request, params }) => {
    const resolved = resolve(request, params);
    if (resolved instanceof Response) return resolved;
    const query = parseQuery(request, sharedRolesQuerySchema);
    if (query instanceof Response) return query;
    const { db } = backend;
    const { asset } = resolved.visible;
    const name = query.name ? foldText(query.name) : undefined;
    const matching = db.grantIndex(asset, resolved.now).grants.filter((grant) => {
      if (query.shareRecipientType && grant.principalType !== query.shareRecipientType) return false;
      if (!name) return true;
      const principal = db.directory.byId(grant.principalId);
      return principal !== undefined && foldText(`${principal.name} ${principal.displayName}`).includes(name);
    });
    const body = page(request, matching, query.offset, query.limit);
    return HttpResponse.json(
      { ...body, data: body.data.map((grant) => sharedRoleOf(db, grant)) },
      { headers: { ETag: db.etagOf(asset) } },
    );
  }),

  http.patch(apiPath('/:collection/:id/sharedRoles'), async ({ request, params }) => {
    const resolved = resolve(request, params);
    if (resolved instanceof Response) return resolved;
    const { actor, visible, now } = resolved;
    const conflict = versionConflict(request, visible);
    if (conflict) return conflict;
    const body = await parseBody(request, sharedRolesUpdateBodySchema);
    if (body instanceof Response) return body;
    // Reading the body yielded: another save may have landed since the first check. From here on nothing awaits,
    // so checking again makes check-and-apply atomic.
    const lateConflict = versionConflict(request, visible);
    if (lateConflict) return lateConflict;
    const { db } = backend;
    const changeRequest = changeRequestOf(body);
    const result = applyChanges(policyContext(db, visible, actor, now), changeRequest);
    if (!result.ok) return refusal(result.violations);

    if (result.changes.length > 0) db.replaceGrants(visible.asset, result.grants);
    for (const share of result.linkedInputs) {
      const input = db.assets.get(share.input.assetId);
      if (input && share.added.length > 0) db.replaceGrants(input, share.grants);
    }
    const granted = result.changes.filter(
      (change) => change.after && change.after.role !== change.before?.role,
    );
    if (changeRequest.sendNotification !== false && granted.length > 0) {
      db.events.push({
        id: db.newId(),
        createdAt: new Date(now).toISOString(),
        actorId: actor.id,
        assetId: visible.asset.id,
        recipients: granted.map((change) => {
          const after = change.after as Grant;
          const recipient = { principalId: change.principal.id, role: after.role };
          return after.expiresAt ? { ...recipient, expiresAt: after.expiresAt } : recipient;
        }),
        ...(changeRequest.note ? { note: changeRequest.note } : {}),
      });
    }
    backend.save();
    return new HttpResponse(null, { status: 204, headers: { ETag: db.etagOf(visible.asset) } });
  }),

  http.post(apiPath('/:collection/:id/sharedRoles/preview'), async ({ request, params }) => {
    const resolved = resolve(request, params);
    if (resolved instanceof Response) return resolved;
    const { actor, visible, now } = resolved;
    const conflict = versionConflict(request, visible);
    if (conflict) return conflict;
    const body = await parseBody(request, sharedRolesUpdateBodySchema);
    if (body instanceof Response) return body;
    const context = policyContext(backend.db, visible, actor, now);
    const changeRequest = changeRequestOf(body);
    const violations = validateChanges(context, changeRequest);
    const preview: SharedRolesPreview = {
      errors: violations.map(errorEntryOf),
      impact: impactBody(visible.assetType, previewImpact(context, changeRequest, violations)),
    };
    return HttpResponse.json(preview, { headers: { ETag: backend.db.etagOf(visible.asset) } });
  }),
];
