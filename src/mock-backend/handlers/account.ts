import { HttpResponse, http } from 'msw';
import type { Account } from '../../api/contract.ts';
import { backend } from '../backend.ts';
import { authenticate } from '../http.ts';
import { apiPath } from '../routes.ts';

/** `GET /account`: the signed-in actor. */
export const accountHandlers = [
  http.get(apiPath('/account'), ({ request }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const account: Account = {
      id: actor.id,
      username: actor.name,
      fullName: actor.displayName,
      orgId: actor.orgId,
    };
    const orgName = backend.db.directory.organization(actor.orgId)?.name;
    if (orgName) account.orgName = orgName;
    if (actor.rbacCeiling !== undefined) account.rbacCeiling = actor.rbacCeiling;
    return HttpResponse.json(account);
  }),
];
