import { HttpResponse, http } from 'msw';
import { assetListQuerySchema } from '../../api/contract.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { Principal } from '../../sharing/types.ts';
import { backend } from '../backend.ts';
import { authenticate, notFound, page, parseQuery } from '../http.ts';
import { foldText } from '../random.ts';
import { apiPath, assetRoute } from '../routes.ts';
import { assetView, findVisibleAsset, type VisibleAsset, visibleAsset } from '../visible-assets.ts';

const typeOrder = new Map(assetTypes.all().map((config, index) => [config.id, index]));

function listVisible(request: Request, actor: Principal, assetTypeId: string | undefined): Response {
  const query = parseQuery(request, assetListQuerySchema);
  if (query instanceof Response) return query;
  const { db } = backend;
  const search = query.search ? foldText(query.search) : undefined;
  const now = db.clock.now();
  const visible: VisibleAsset[] = [];
  for (const asset of db.assets.values()) {
    if (assetTypeId !== undefined && asset.assetTypeId !== assetTypeId) continue;
    if (search && !foldText(asset.name).includes(search)) continue;
    const found = visibleAsset(db, asset, actor, now);
    if (found) visible.push(found);
  }
  visible.sort(
    (a, b) =>
      (typeOrder.get(a.asset.assetTypeId) ?? 99) - (typeOrder.get(b.asset.assetTypeId) ?? 99) ||
      a.asset.name.localeCompare(b.asset.name),
  );
  const views = visible.map((found) => assetView(db, found, actor, now));
  return HttpResponse.json(page(request, views, query.offset, query.limit));
}

/** `GET /assets` (every type), `GET /{collection}` and `GET /{collection}/{id}`: what the actor can see. */
export const assetHandlers = [
  http.get(apiPath('/assets'), ({ request }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    return listVisible(request, actor, undefined);
  }),
  http.get(apiPath('/:collection'), ({ request, params }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const assetType = assetTypes.byCollection(String(params.collection));
    if (!assetType) return notFound(`No collection named “${String(params.collection)}”.`);
    return listVisible(request, actor, assetType.id);
  }),
  http.get(assetRoute(), ({ request, params }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const { db } = backend;
    const now = db.clock.now();
    const found = findVisibleAsset(db, String(params.collection), String(params.id), actor, now);
    if (!found) return notFound();
    return HttpResponse.json(assetView(db, found, actor, now));
  }),
];
