/**
 * The sharing domain's vocabulary. Plain data, no behaviour: the policy, the effective-access
 * calculation and the draft reducer all speak in these types, and so do the dialog and the mock backend.
 */

/** The rank of a role: 3 = owner (read/write/administer), 2 = read-write, 1 = read-only. */
export type Level = 1 | 2 | 3;

/** The owner level: read, write and administer. */
export const OWNER_LEVEL = 3 satisfies Level;

/** Who can be given access (`shareRecipientType` on the wire). */
export type RecipientType = 'user' | 'group' | 'organization' | 'role';

/** The wire value that revokes a grant. `null` revokes too. */
export const NO_ROLE = 'NO_ROLE';

/** One role of an asset type: its wire name (upper case), its level, and what a person reads. */
export interface RoleDefinition {
  /** Wire name, upper case: `OWNER`, `EDITOR`, `USER`, `CONSUMER`, `WRITE`, `READ`. */
  name: string;
  level: Level;
  /** Label shown to people, e.g. `Editor`. */
  label: string;
  /** One line on what the role may do. */
  description: string;
}

/** Who may share an asset of a type (SPEC §3, column "who may share"). */
export type SharingModel =
  /** Any collaborator, up to their own level. */
  | { kind: 'anyCollaborator' }
  /** Only grants with `canShare` (datasets, data connections). */
  | { kind: 'canShareFlag' }
  /** Only collaborators at or above a level (governed models: owners and WRITE, never READ). */
  | { kind: 'minimumLevel'; level: Level };

/** The options an asset type supports, beyond role. */
export interface AssetTypeOptions {
  /** Per-grant "Allow sharing" (`canShare`). */
  allowSharing: boolean;
  /** Per-grant "Can use data" (`canUseData`). */
  canUseData: boolean;
  /** An external sharing link (applications). */
  externalLink: boolean;
  /** "Share with lineage": linked inputs are shared too (`applyGrantToLinkedObjects` on the wire). */
  shareWithLineage: boolean;
  note: boolean;
  notify: boolean;
  /** Grants that end on their own (`expiresAt`, SPEC §9). Off when omitted, so a host's older configs keep working. */
  expiry?: boolean;
}

/** Rules that hold for the state after every save. */
export interface AssetTypeInvariants {
  /** R9: at least one owner who is a user. Every asset type has it. */
  lastOwner: true;
  /** R10: at least one user who can share (datasets, data connections). */
  lastSharer: boolean;
}

/** One asset type as plain config: everything that differs between asset types lives here. */
export interface AssetTypeConfig {
  /** Registry key, e.g. `dataset`. */
  id: string;
  /** `Dataset` */
  label: string;
  /** `Datasets` */
  pluralLabel: string;
  /** REST collection, e.g. `datasets`. */
  collection: string;
  recipientTypes: readonly RecipientType[];
  /** Highest level first: owner, read-write, read-only. */
  roles: readonly RoleDefinition[];
  /** Wire name of the role new recipients get by default. */
  defaultRole: string;
  options: AssetTypeOptions;
  whoMayShare: SharingModel;
  invariants: AssetTypeInvariants;
}

/** Anyone who can be given access. Users carry their memberships; the others are containers. */
export interface Principal {
  /** 24 hex characters. An organization principal's id is the organization's id. */
  id: string;
  type: RecipientType;
  /** Username (an e-mail) for users; the name for groups, organizations and roles. */
  name: string;
  /** Full name for users; the name again for the others. */
  displayName: string;
  /** The organization the principal belongs to (an organization's own id for an organization). */
  orgId: string;
  /** Only users can be inactive; containers are always active. */
  active: boolean;
  /** Users only: the highest level the organization admin allows (RBAC ceiling). Absent = no ceiling (3). */
  rbacCeiling?: Level;
  /** Users only: groups the user belongs to. */
  groupIds?: readonly string[];
  /** Users only: roles the user holds. */
  roleIds?: readonly string[];
  /** Containers only: how many users a group, organization or role reaches. */
  memberCount?: number;
}

/** One entry of an asset's access list. */
export interface Grant {
  principalId: string;
  principalType: RecipientType;
  /** Wire name of the role, upper case. */
  role: string;
  canShare: boolean;
  canUseData: boolean;
  /** When the grant ends (RFC 3339, UTC); absent = never. From that instant it grants nothing (SPEC §9). */
  expiresAt?: string;
}

/** What the policy needs to know about people, groups and organizations. */
export interface Directory {
  /** The principal with this id, if any. */
  byId(id: string): Principal | undefined;
  /**
   * The principal of this type with this name, case-insensitive. Group, organization and role names resolve
   * within `orgId` only (two organizations may each have a "Data Science"); a username is unique across
   * organizations, so a user of another organization is found, for R2 to refuse.
   */
  byName(type: RecipientType, name: string, orgId: string): Principal | undefined;
  /** The users a group, organization or role reaches (empty for a user). */
  membersOf(containerId: string): readonly Principal[];
}

/** How a change names its recipient: by id, or by name (username / group name) as DataRobot's API allows. */
export interface RecipientRef {
  type: RecipientType;
  id?: string;
  name?: string;
}

/** One requested change of the access list: grant, change or revoke (role `null` or `NO_ROLE`). */
export interface GrantChange {
  recipient: RecipientRef;
  /** Wire name of the role, any case; `null` or `NO_ROLE` revokes. */
  role: string | null;
  /** Omitted: keep the current value, or the default for a new grant. */
  canShare?: boolean;
  canUseData?: boolean;
  /** When the grant ends (RFC 3339); `null` makes it permanent; omitted keeps the current one (none when new). */
  expiresAt?: string | null;
}

/** A whole save: the changes and what goes with them. */
export interface ChangeRequest {
  changes: readonly GrantChange[];
  note?: string;
  sendNotification?: boolean;
  /** Share the linked inputs too (R16). */
  shareWithLineage?: boolean;
  /** Access requests (§12) this save approves: it must grant each its role. */
  approvesRequests?: readonly string[];
}

/** A linked input of an asset (lineage): its type and its current access list. */
export interface LinkedInput {
  assetId: string;
  assetName: string;
  assetType: AssetTypeConfig;
  grants: readonly Grant[];
}

/** Everything the policy looks at to judge a request. */
export interface PolicyContext {
  assetType: AssetTypeConfig;
  /** The signed-in user acting. */
  actor: Principal;
  /** The asset's current access list. */
  grants: readonly Grant[];
  directory: Directory;
  /** Linked inputs, for lineage shares (R16). */
  linkedInputs?: readonly LinkedInput[];
  /** The instant the request is judged at (ms since the epoch): a grant expired by then is absent (SPEC §9). */
  now: number;
}

/** Error codes of SPEC §4. */
export type RuleCode =
  | 'RECIPIENT_INACTIVE'
  | 'RECIPIENT_OUTSIDE_ORGANIZATION'
  | 'RECIPIENT_NOT_FOUND'
  | 'RECIPIENT_TYPE_NOT_ALLOWED'
  | 'ROLE_ABOVE_OWN_LEVEL'
  | 'TARGET_ABOVE_OWN_LEVEL'
  | 'SHARING_NOT_ALLOWED'
  | 'ROLE_ABOVE_RECIPIENT_CEILING'
  | 'LAST_OWNER'
  | 'LAST_SHARER'
  | 'INVALID_ROLE'
  | 'OPTION_NOT_SUPPORTED'
  | 'TOO_MANY_ENTRIES'
  | 'DUPLICATE_RECIPIENT'
  | 'NOTE_TOO_LONG'
  | 'VERSION_CONFLICT'
  | 'LINEAGE_INPUT_NOT_SHAREABLE'
  | 'DATA_USE_NOT_HELD'
  | 'REQUEST_NOT_NEEDED'
  | 'REQUEST_PENDING'
  | 'REQUEST_NOT_PENDING'
  | 'INVALID_EXPIRY';

/** One broken rule. `index` is the entry of the request it concerns, or `null` for the request as a whole. */
export interface Violation {
  rule: `R${number}`;
  code: RuleCode;
  index: number | null;
  /** The recipient's name as the request named it (username or group name), when the entry has one. */
  recipient?: string;
  /** A sentence a person understands. */
  message: string;
}

/** The actor's standing on one asset, as both the dialog (from the asset's `yourRole`/`canShare`) and the backend
 * (from effective access) know it. Capability checks take this, so the dialog needs no directory. */
export interface ActorStanding {
  principalId: string;
  /** Effective level, 0 when the actor has no access. */
  level: Level | 0;
  /** Whether the actor may share at all (R7), by the asset type's sharing model. */
  canShare: boolean;
  /**
   * Whether the actor's own access includes "Can use data" (R18). Absent when the caller does not know it (the
   * dialog, from an asset that does not say): then only the backend, which always knows, refuses.
   */
  canUseData?: boolean;
}

/** Whether an action is allowed, and when it is not, the rule that stops it and why. */
export type Permission =
  | { allowed: true }
  | { allowed: false; rule: `R${number}`; code: RuleCode; reason: string };
