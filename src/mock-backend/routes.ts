import { sharingApiBasePath } from '../api/contract.ts';

/** An MSW path under the API base that matches any origin: the browser's own, or an absolute URL in Node. */
export function apiPath(path: string): string {
  return `*${sharingApiBasePath}${path}`;
}

/** The MSW path of one asset, `/{collection}/{id}`, followed by `under` (e.g. `/sharedRoles`). */
export function assetRoute(under = ''): string {
  return apiPath(`/:collection/:id${under}`);
}
