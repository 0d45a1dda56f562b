import type { RecipientType } from '../../sharing/types.ts';
import { GroupIcon, OrganizationIcon, RoleIcon } from './icons.tsx';

/** Props of an avatar: who it stands for. */
export interface AvatarProps {
  type: RecipientType;
  /** The name initials are taken from (users). */
  name: string;
}

function initialsOf(name: string): string {
  const words = name.split(/[\s@._-]+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const second = words.length > 1 ? (words[1]?.[0] ?? '') : '';
  return `${first}${second}`;
}

const containerIcons = { group: GroupIcon, organization: OrganizationIcon, role: RoleIcon } as const;

/** A round badge with a person's initials, or the icon of a group, organization or role. Decorative. */
export function Avatar({ type, name }: AvatarProps) {
  const Icon = type === 'user' ? null : containerIcons[type];
  return (
    <span data-slot="avatar" className="sw-avatar" data-type={type} aria-hidden="true">
      {Icon ? <Icon size={16} /> : initialsOf(name)}
    </span>
  );
}
