import type { Directory, Principal, RecipientType } from './types.ts';

/** Usernames are unique across organizations; group, organization and role names only within one. */
function nameKey(type: RecipientType, name: string, orgId: string): string {
  return type === 'user' ? `user:${name.toLowerCase()}` : `${type}:${orgId}:${name.toLowerCase()}`;
}

function containerIdsOf(user: Principal): string[] {
  return [...(user.groupIds ?? []), user.orgId, ...(user.roleIds ?? [])];
}

/**
 * A directory over a fixed list of principals, indexed once: lookups by id and name, and the members of every
 * group, organization and role, are constant-time however large the directory is.
 */
export function createInMemoryDirectory(principals: readonly Principal[]): Directory {
  const byId = new Map<string, Principal>();
  const byName = new Map<string, Principal>();
  const members = new Map<string, Principal[]>();
  for (const principal of principals) {
    byId.set(principal.id, principal);
    byName.set(nameKey(principal.type, principal.name, principal.orgId), principal);
    if (principal.type !== 'user') continue;
    for (const containerId of containerIdsOf(principal)) {
      const list = members.get(containerId);
      if (list) list.push(principal);
      else members.set(containerId, [principal]);
    }
  }
  return {
    byId: (id) => byId.get(id),
    byName: (type, name, orgId) => byName.get(nameKey(type, name, orgId)),
    membersOf: (containerId) =>
      byId.get(containerId)?.type === 'user' ? [] : (members.get(containerId) ?? []),
  };
}
