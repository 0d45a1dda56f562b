import { HttpResponse, http } from 'msw';
import { z } from 'zod/mini';
import {
  type PrincipalItem,
  principalSearchQuerySchema,
  shareRecipientTypeSchema,
} from '../../api/contract.ts';
import { messageFor } from '../../sharing/messages.ts';
import type { RecipientType } from '../../sharing/types.ts';
import { backend } from '../backend.ts';
import { authenticate, badRequest, englishIssueMessages, pageLinks, parseQuery } from '../http.ts';
import { apiPath } from '../routes.ts';
import type { SearchHit } from '../search-index.ts';

function itemOf(hit: SearchHit): PrincipalItem {
  const { directory } = backend.db;
  const { principal } = hit;
  const item: PrincipalItem = {
    id: principal.id,
    shareRecipientType: principal.type,
    name: principal.name,
    displayName: principal.displayName,
    active: principal.active,
    orgId: principal.orgId,
  };
  const email = directory.emailOf(principal);
  if (email) item.email = email;
  const orgName = directory.organization(principal.orgId)?.name;
  if (orgName) item.orgName = orgName;
  const memberCount = directory.memberCount(principal);
  if (memberCount !== undefined) item.memberCount = memberCount;
  if (!principal.active) {
    item.inactiveReason = messageFor('RECIPIENT_INACTIVE', { recipient: principal.displayName });
  }
  return item;
}

/** `GET /principals`: recipient search within the actor's organization, and nothing of any other. */
export const principalHandlers = [
  http.get(apiPath('/principals'), ({ request }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const query = parseQuery(request, principalSearchQuerySchema);
    if (query instanceof Response) return query;
    let types: Set<RecipientType> | undefined;
    if (query.types) {
      const parsed = z.array(shareRecipientTypeSchema).safeParse(
        query.types.split(',').map((type) => type.trim()),
        englishIssueMessages,
      );
      if (!parsed.success) return badRequest(parsed.error.issues, ['query', 'types']);
      types = new Set(parsed.data);
    }
    const result = backend.db.searchIndex().search(query.search, {
      orgId: actor.orgId,
      offset: query.offset,
      limit: query.limit,
      ...(types ? { types } : {}),
    });
    return HttpResponse.json({
      count: result.hits.length,
      totalCount: result.totalCount,
      ...pageLinks(request, query.offset, query.limit, result.totalCount),
      data: result.hits.map(itemOf),
    });
  }),
];
