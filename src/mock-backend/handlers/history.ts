import { HttpResponse, http } from 'msw';
import { type HistoryPageBody, historyQuerySchema } from '../../api/history-contract.ts';
import { changeSetBodyOf } from '../../api/wire-mapping.ts';
import { canViewHistory } from '../../sharing/history.ts';
import { backend } from '../backend.ts';
import { historyPage } from '../history.ts';
import { authenticate, errorResponse, notFound, pageLinks, parseQuery } from '../http.ts';
import { assetRoute } from '../routes.ts';
import { findVisibleAsset } from '../visible-assets.ts';

/** `GET /{collection}/{id}/sharedRoles/history`: change sets, newest first, to the people who may share (SPEC §10). */
export const historyHandlers = [
  http.get(assetRoute('/sharedRoles/history'), ({ request, params }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const { db } = backend;
    // Reading the list settles what has expired by now: the history then holds those expiries too.
    const visible = findVisibleAsset(db, String(params.collection), String(params.id), actor, db.clock.now());
    if (!visible) return notFound();
    const permission = canViewHistory(visible.assetType, visible.standing);
    if (!permission.allowed) {
      return errorResponse(403, {
        message: permission.reason,
        code: permission.code,
        errors: [{ index: null, code: permission.code, message: permission.reason }],
      });
    }
    const query = parseQuery(request, historyQuerySchema);
    if (query instanceof Response) return query;
    const { totalCount, items } = historyPage(db, visible.asset.id, query);
    const body: HistoryPageBody = {
      count: items.length,
      totalCount,
      ...pageLinks(request, query.offset, query.limit, totalCount),
      data: items.map(changeSetBodyOf),
    };
    return HttpResponse.json(body);
  }),
];
