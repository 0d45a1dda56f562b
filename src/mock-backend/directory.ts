import type { Directory, Principal, RecipientType } from '../sharing/types.ts';

/** Usernames are unique across organizations; group, organization and role names only within one. */
function nameKey(type: RecipientType, name: string, orgId: string): string {
  return type === 'user' ? name.toLowerCase() : `${orgId}:${name.toLowerCase()}`;
}

/** An organization (tenant). Its principal, for organization grants, has the same id. */
export interface Organization {
  id: string;
  name: string;
  /** E-mail domain of its people, e.g. `acme.test`. */
  domain: string;
}

/** A user as the mock backend keeps them: a principal with an e-mail. */
export interface DirectoryUser extends Principal {
  type: 'user';
  email: string;
}

/** The mock backend's people, groups, organizations and roles, indexed the way the policy asks for them. */
export class PrincipalDirectory implements Directory {
  private readonly principals = new Map<string, Principal>();
  private readonly names: Record<RecipientType, Map<string, Principal>> = {
    user: new Map(),
    group: new Map(),
    organization: new Map(),
    role: new Map(),
  };
  private readonly members = new Map<string, Principal[]>();
  private readonly organizations = new Map<string, Organization>();
  /** Bumped on every change, so that derived indexes (search) know when to rebuild. */
  revision = 0;

  /** Adds an organization and its principal. */
  addOrganization(organization: Organization): Principal {
    this.organizations.set(organization.id, organization);
    return this.add({
      id: organization.id,
      type: 'organization',
      name: organization.name,
      displayName: organization.name,
      orgId: organization.id,
      active: true,
    });
  }

  /** Adds a principal; a user becomes a member of its organization, groups and roles. */
  add<P extends Principal>(principal: P): P {
    this.principals.set(principal.id, principal);
    this.names[principal.type].set(nameKey(principal.type, principal.name, principal.orgId), principal);
    if (principal.type === 'user') {
      for (const containerId of [
        principal.orgId,
        ...(principal.groupIds ?? []),
        ...(principal.roleIds ?? []),
      ]) {
        this.memberList(containerId).push(principal);
      }
    }
    this.revision += 1;
    return principal;
  }

  private memberList(containerId: string): Principal[] {
    let list = this.members.get(containerId);
    if (!list) {
      list = [];
      this.members.set(containerId, list);
    }
    return list;
  }

  byId(id: string): Principal | undefined {
    return this.principals.get(id);
  }

  byName(type: RecipientType, name: string, orgId: string): Principal | undefined {
    return this.names[type].get(nameKey(type, name, orgId));
  }

  membersOf(containerId: string): readonly Principal[] {
    return this.members.get(containerId) ?? [];
  }

  /** Users a container reaches; for users, undefined. */
  memberCount(principal: Principal): number | undefined {
    return principal.type === 'user' ? undefined : this.membersOf(principal.id).length;
  }

  organization(id: string): Organization | undefined {
    return this.organizations.get(id);
  }

  /** Every principal, in the order they were added. */
  all(): IterableIterator<Principal> {
    return this.principals.values();
  }

  get size(): number {
    return this.principals.size;
  }

  /** A user's e-mail (the username), for users the directory knows. */
  emailOf(principal: Principal): string | undefined {
    return principal.type === 'user' ? ((principal as DirectoryUser).email ?? principal.name) : undefined;
  }
}
