import { HttpResponse, http } from 'msw';
import type { AccessExplanation } from '../../api/contract.ts';
import { effectiveAccess } from '../../sharing/access.ts';
import { roleAtLevel } from '../../sharing/asset-types.ts';
import { backend } from '../backend.ts';
import { authenticate, notFound } from '../http.ts';
import { assetRoute } from '../routes.ts';
import { findVisibleAsset } from '../visible-assets.ts';

/**
 * `GET /{collection}/{id}/access/{userId}`: each grant that reaches a user, and the level they end up with. A user
 * of another organization is no one here (404), like an asset the actor cannot see.
 */
export const accessHandlers = [
  http.get(assetRoute('/access/:userId'), ({ request, params }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const { db } = backend;
    const now = db.clock.now();
    const visible = findVisibleAsset(db, String(params.collection), String(params.id), actor, now);
    if (!visible) return notFound();
    const user = db.user(String(params.userId));
    if (!user || user.orgId !== actor.orgId) return notFound('No such user.');
    const access = effectiveAccess(visible.assetType, db.grantIndex(visible.asset, now), user, db.directory);
    const explanation: AccessExplanation = {
      userId: user.id,
      level: access.level,
      role: access.level === 0 ? null : (roleAtLevel(visible.assetType, access.level)?.name ?? null),
      cappedByCeiling: access.cappedByCeiling,
      paths: access.paths.map((path) => ({
        via: path.via,
        principalId: path.principal.id,
        principalName: path.principal.displayName,
        role: path.grant.role,
      })),
    };
    return HttpResponse.json(explanation);
  }),
];
