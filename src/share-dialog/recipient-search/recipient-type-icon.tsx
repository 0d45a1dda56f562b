import type { ComponentType } from 'react';
import type { RecipientType } from '../../sharing/types.ts';
import { GroupIcon, type IconProps, OrganizationIcon, RoleIcon, UserIcon } from '../ui/icons.tsx';

const iconOf: Record<RecipientType, ComponentType<IconProps>> = {
  user: UserIcon,
  group: GroupIcon,
  organization: OrganizationIcon,
  role: RoleIcon,
};

/** Props of {@link RecipientTypeIcon}: an icon's, with the kind of recipient it stands for. */
export interface RecipientTypeIconProps extends IconProps {
  type: RecipientType;
}

/** The icon of a kind of recipient; decorative, the text beside it names the recipient. */
export function RecipientTypeIcon({ type, ...props }: RecipientTypeIconProps) {
  const Icon = iconOf[type];
  return <Icon data-recipient-type={type} {...props} />;
}
