import { assetTypes, findRole } from '../sharing/asset-types.ts';

/** What a person reads for a wire role name of an asset type, e.g. `USER` on a deployment → `User`. */
export function roleLabel(assetTypeId: string, roleName: string): string {
  const config = assetTypes.get(assetTypeId);
  const role = config ? findRole(config, roleName) : undefined;
  if (role) return role.label;
  return roleName.charAt(0) + roleName.slice(1).toLowerCase();
}

/** The singular label of an asset type, e.g. `Deployment`; the id itself when the registry does not know it. */
export function assetTypeLabel(assetTypeId: string): string {
  return assetTypes.get(assetTypeId)?.label ?? assetTypeId;
}

const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absoluteTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 minutes ago", "yesterday", or a date for anything older than a week. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relativeTime.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relativeTime.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return relativeTime.format(Math.round(seconds / 86400), 'day');
  return absoluteTime.format(then);
}

/** The full date and time, for a `title` or a `<time>` element's text. */
export function fullDateTime(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? iso : absoluteTime.format(then);
}

/** "1 person", "12 people": how many entries an access list holds. */
export function accessCountLabel(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'has' : 'have'} access`;
}

/** Initials for an avatar: "Olivia Owens" → "OO". */
export function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}
