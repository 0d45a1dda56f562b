import { HttpResponse, http } from 'msw';
import { outboxQuerySchema } from '../../api/demo-contract.ts';
import { backend } from '../backend.ts';
import { authenticate, pageLinks, parseQuery } from '../http.ts';
import { outboxPage, outboxSize } from '../notifications.ts';
import { apiPath } from '../routes.ts';

/** `GET /outbox`: demo only, the e-mails the backend "sent" to the actor's organization, newest first. */
export const outboxHandlers = [
  http.get(apiPath('/outbox'), ({ request }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const query = parseQuery(request, outboxQuerySchema);
    if (query instanceof Response) return query;
    const totalCount = outboxSize(backend.db, actor.orgId);
    const data = outboxPage(backend.db, actor.orgId, query.offset, query.limit);
    return HttpResponse.json({
      count: data.length,
      totalCount,
      ...pageLinks(request, query.offset, query.limit, totalCount),
      data,
    });
  }),
];
