import { roleLabel } from './format.ts';

export interface RolePillProps {
  /** The asset type's registry id, e.g. `deployment`. */
  assetTypeId: string;
  /** The role's wire name, e.g. `USER`. */
  role: string;
}

/** A role as a pill, labelled the way its asset type names it; an owner's stands out. */
export function RolePill({ assetTypeId, role }: RolePillProps) {
  return <span className={`role-pill role-pill--${role.toLowerCase()}`}>{roleLabel(assetTypeId, role)}</span>;
}
