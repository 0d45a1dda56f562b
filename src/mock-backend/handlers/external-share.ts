import { HttpResponse, http } from 'msw';
import type { ExternalShare } from '../../api/contract.ts';
import { canManageExternalLink } from '../../sharing/external-link.ts';
import { backend } from '../backend.ts';
import type { StoredAsset } from '../db.ts';
import { authenticate, errorResponse, notFound } from '../http.ts';
import { apiPath } from '../routes.ts';
import { findVisibleAsset } from '../visible-assets.ts';

/**
 * The link as the actor may read it. It lets anyone in, so only those who may create and revoke it (read-write or
 * more, allowed to share) are answered its address; others learn only whether there is one.
 */
function shareOf(asset: StoredAsset, manages: boolean): ExternalShare {
  const link = asset.externalShare;
  if (!manages) return { enabled: link !== null, url: null, createdAt: null };
  return { enabled: link !== null, url: link?.url ?? null, createdAt: link?.createdAt ?? null };
}

/** The application a request names, when the actor can see it (and, `managing`, may manage its link). */
function findApplication(request: Request, params: Record<string, unknown>, managing: boolean) {
  const actor = authenticate(request);
  if (actor instanceof Response) return actor;
  const visible = findVisibleAsset(
    backend.db,
    'customApplications',
    String(params.id),
    actor,
    backend.db.clock.now(),
  );
  if (!visible) return notFound();
  const permission = canManageExternalLink(visible.assetType, visible.standing);
  if (managing && !permission.allowed) {
    return errorResponse(403, { message: permission.reason, code: 'FORBIDDEN' });
  }
  return { asset: visible.asset, manages: permission.allowed };
}

const path = apiPath('/customApplications/:id/externalShare');

/** The external sharing link of an application: read it, create it, revoke it. */
export const externalShareHandlers = [
  http.get(path, ({ request, params }) => {
    const resolved = findApplication(request, params, false);
    if (resolved instanceof Response) return resolved;
    return HttpResponse.json(shareOf(resolved.asset, resolved.manages));
  }),
  http.post(path, ({ request, params }) => {
    const resolved = findApplication(request, params, true);
    if (resolved instanceof Response) return resolved;
    const { asset } = resolved;
    if (!asset.externalShare) {
      asset.externalShare = {
        url: `https://share.acme.test/a/${backend.db.newToken(22)}`,
        createdAt: new Date(backend.db.clock.now()).toISOString(),
      };
      backend.save();
    }
    return HttpResponse.json(shareOf(asset, true), { status: 201 });
  }),
  http.delete(path, ({ request, params }) => {
    const resolved = findApplication(request, params, true);
    if (resolved instanceof Response) return resolved;
    const { asset } = resolved;
    asset.externalShare = null;
    backend.save();
    return new HttpResponse(null, { status: 204 });
  }),
];
