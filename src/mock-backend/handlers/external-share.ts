import { HttpResponse, http } from 'msw';
import type { ExternalShare } from '../../api/contract.ts';
import { canManageExternalLink } from '../../sharing/external-link.ts';
import { backend } from '../backend.ts';
import type { StoredAsset } from '../db.ts';
import { authenticate, errorResponse, notFound } from '../http.ts';
import { apiPath } from '../routes.ts';
import { findVisibleAsset } from '../visible-assets.ts';

function shareOf(asset: StoredAsset): ExternalShare {
  const link = asset.externalShare;
  return { enabled: link !== null, url: link?.url ?? null, createdAt: link?.createdAt ?? null };
}

function resolve(request: Request, params: Record<string, unknown>, managing: boolean) {
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
  if (managing) {
    const permission = canManageExternalLink(visible.assetType, visible.standing);
    if (!permission.allowed) return errorResponse(403, { message: permission.reason, code: 'FORBIDDEN' });
  }
  return visible.asset;
}

const path = apiPath('/customApplications/:id/externalShare');

/** The external sharing link of an application: read it, create it, revoke it. */
export const externalShareHandlers = [
  http.get(path, ({ request, params }) => {
    const asset = resolve(request, params, false);
    if (asset instanceof Response) return asset;
    return HttpResponse.json(shareOf(asset));
  }),
  http.post(path, ({ request, params }) => {
    const asset = resolve(request, params, true);
    if (asset instanceof Response) return asset;
    if (!asset.externalShare) {
      asset.externalShare = {
        url: `https://share.acme.test/a/${backend.db.newToken(22)}`,
        createdAt: new Date(backend.db.clock.now()).toISOString(),
      };
      backend.save();
    }
    return HttpResponse.json(shareOf(asset), { status: 201 });
  }),
  http.delete(path, ({ request, params }) => {
    const asset = resolve(request, params, true);
    if (asset instanceof Response) return asset;
    asset.externalShare = null;
    backend.save();
    return new HttpResponse(null, { status: 204 });
  }),
];
