import { canActorShare } from './capabilities.ts';
import type { ActorStanding, AssetTypeConfig, Permission } from './types.ts';

/** Who may create or revoke an external sharing link: a collaborator allowed to share (R7) with read-write or more. */
export function canManageExternalLink(assetType: AssetTypeConfig, actor: ActorStanding): Permission {
  if (!assetType.options.externalLink) {
    return {
      allowed: false,
      rule: 'R12',
      code: 'OPTION_NOT_SUPPORTED',
      reason: `${assetType.pluralLabel} have no external sharing link.`,
    };
  }
  const mayShare = canActorShare(assetType, actor);
  if (!mayShare.allowed) return mayShare;
  if (actor.level >= 2) return { allowed: true };
  return {
    allowed: false,
    rule: 'R7',
    code: 'SHARING_NOT_ALLOWED',
    reason: 'Only owners and editors can create or revoke the external sharing link.',
  };
}
