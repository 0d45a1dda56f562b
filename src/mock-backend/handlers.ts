import { accessHandlers } from './handlers/access.ts';
import { accessRequestHandlers } from './handlers/access-requests.ts';
import { accountHandlers } from './handlers/account.ts';
import { assetHandlers } from './handlers/assets.ts';
import { demoHandlers } from './handlers/demo.ts';
import { externalShareHandlers } from './handlers/external-share.ts';
import { faultHandlers } from './handlers/faults.ts';
import { historyHandlers } from './handlers/history.ts';
import { notificationHandlers } from './handlers/notifications.ts';
import { outboxHandlers } from './handlers/outbox.ts';
import { principalHandlers } from './handlers/principals.ts';
import { requestGuardHandlers } from './handlers/request-guard.ts';
import { sharedRolesHandlers } from './handlers/shared-roles.ts';

/**
 * Every handler of the mock backend. Order matters: the request guard (413, 415) first, then faults and latency,
 * then the fixed paths, and the
 * generic `/{collection}/…` routes last so that `/account` or `/demo/personas` are never read as collections.
 */
export const handlers = [
  ...requestGuardHandlers,
  ...faultHandlers,
  ...demoHandlers,
  ...accountHandlers,
  ...principalHandlers,
  ...notificationHandlers,
  ...outboxHandlers,
  ...externalShareHandlers,
  ...historyHandlers,
  ...sharedRolesHandlers,
  ...accessRequestHandlers,
  ...accessHandlers,
  ...assetHandlers,
];
