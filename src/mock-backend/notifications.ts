import type { Notification } from '../api/contract.ts';
import type { OutboxEmail } from '../api/demo-contract.ts';
import { effectiveLevel, grantReaches, indexGrants } from '../sharing/access.ts';
import { findRole } from '../sharing/asset-types.ts';
import { DAY_MS, EXPIRY_NOTICE_DAYS, expiresWithin, expiryOf } from '../sharing/expiry.ts';
import type { Grant, Principal } from '../sharing/types.ts';
import type { MockDatabase, ShareEvent, StoredAsset } from './db.ts';
import { objectIdFor } from './random.ts';
import { assetLink } from './visible-assets.ts';

/** One person a share reached: directly, or as a member of a group, organization or role. */
interface ShareDelivery {
  user: Principal;
  role: string;
  /** When the access shared ends, if it does. */
  expiresAt?: string;
  /** The container shared with, when not direct. */
  via?: Principal;
}

const deliveryCache = new WeakMap<
  ShareEvent,
  { list: ShareDelivery[]; byUser: Map<string, ShareDelivery> }
>();

/**
 * The people a share reaches, each once (a direct grant wins over a group's): active users other than the one
 * who shared, members of the groups and organizations shared with included.
 */
function deliveriesOf(
  db: MockDatabase,
  event: ShareEvent,
): { list: ShareDelivery[]; byUser: Map<string, ShareDelivery> } {
  const cached = deliveryCache.get(event);
  if (cached) return cached;
  const byUser = new Map<string, ShareDelivery>();
  const recipients = event.recipients
    .map((recipient) => ({ ...recipient, principal: db.directory.byId(recipient.principalId) }))
    .filter(
      (recipient): recipient is typeof recipient & { principal: Principal } =>
        recipient.principal !== undefined,
    )
    .sort((a, b) => Number(a.principal.type !== 'user') - Number(b.principal.type !== 'user'));
  for (const { principal, role, expiresAt } of recipients) {
    const users = principal.type === 'user' ? [principal] : db.directory.membersOf(principal.id);
    for (const user of users) {
      if (!user.active || user.id === event.actorId || byUser.has(user.id)) continue;
      const delivery: ShareDelivery =
        principal.type === 'user' ? { user, role } : { user, role, via: principal };
      if (expiresAt) delivery.expiresAt = expiresAt;
      byUser.set(user.id, delivery);
    }
  }
  const result = { list: [...byUser.values()], byUser };
  deliveryCache.set(event, result);
  return result;
}

interface ShareStory {
  actorName: string;
  assetName: string;
  assetTypeId: string;
  collection: string;
  typeNoun: string;
  roleLabel: string;
  link: string;
}

function storyOf(db: MockDatabase, event: ShareEvent, delivery: ShareDelivery): ShareStory | undefined {
  const asset = db.assets.get(event.assetId);
  if (!asset) return undefined;
  const assetType = db.assetTypeOf(asset);
  return {
    actorName: db.directory.byId(event.actorId)?.displayName ?? 'Someone',
    assetName: asset.name,
    assetTypeId: asset.assetTypeId,
    collection: assetType.collection,
    typeNoun: assetType.label.toLowerCase(),
    roleLabel: findRole(assetType, delivery.role)?.label ?? delivery.role,
    link: assetLink(asset),
  };
}

/** The id of the notification a share gave a user. */
function notificationId(event: ShareEvent, userId: string): string {
  return objectIdFor(`notification:${event.id}:${userId}`);
}

/** The date and time an access ends, as an e-mail states it (the backend does not know the reader's time zone). */
export function endDateText(expiresAt: string): string {
  const instant = Date.parse(expiresAt);
  if (Number.isNaN(instant)) return expiresAt;
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
  const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' }).format(instant);
  return `${date} at ${time} UTC`;
}

/**
 * Three days before a grant ends, the people it reaches are told, when it is what gives them their access: a
 * person who keeps the same level through another grant is not. Computed from the clock when notifications are
 * read; once the grant has ended the notice has done its work and is gone.
 */
function accessEndsNotices(db: MockDatabase, user: Principal, now: number): Notification[] {
  const notices: Notification[] = [];
  if (!user.active) return notices;
  for (const asset of db.assets.values()) {
    const ending = asset.grants.filter(
      (grant) => expiresWithin(grant, now, EXPIRY_NOTICE_DAYS) && grantReaches(grant, user),
    );
    for (const grant of ending) {
      const notice = accessEndsNotice(db, asset, grant, user, now);
      if (notice) notices.push(notice);
    }
  }
  return notices;
}

function accessEndsNotice(
  db: MockDatabase,
  asset: StoredAsset,
  grant: Grant,
  user: Principal,
  now: number,
): Notification | undefined {
  const expiry = expiryOf(grant) as number;
  const assetType = db.assetTypeOf(asset);
  const before = effectiveLevel(assetType, db.grantIndex(asset, now), user);
  if (before === 0 || effectiveLevel(assetType, indexGrants(asset.grants, expiry), user) >= before)
    return undefined;
  const id = objectIdFor(`access-ends:${asset.id}:${grant.principalId}:${grant.expiresAt}:${user.id}`);
  const notice: Notification = {
    id,
    kind: 'accessEnds',
    createdAt: new Date(expiry - EXPIRY_NOTICE_DAYS * DAY_MS).toISOString(),
    read: db.readNotificationIds.has(id),
    assetId: asset.id,
    assetName: asset.name,
    assetType: asset.assetTypeId,
    collection: assetType.collection,
    role: grant.role,
    link: assetLink(asset),
    expiresAt: grant.expiresAt as string,
  };
  const via = grant.principalType === 'user' ? undefined : db.directory.byId(grant.principalId);
  if (via) notice.via = via.displayName;
  return notice;
}

/** Where a link opens the asset's share dialog on its access requests. */
export function accessRequestsLink(link: string): string {
  return `${link}?share=requests`;
}

/**
 * What access requests tell a user: each person who could grant a role hears that someone asked for it (with the
 * message, and a link that opens the requests), and the requester hears when it was approved or declined.
 */
function requestNotificationsFor(db: MockDatabase, user: Principal): Notification[] {
  const notifications: Notification[] = [];
  for (const request of db.accessRequests) {
    const asset = db.assets.get(request.assetId);
    if (!asset) continue;
    const assetType = db.assetTypeOf(asset);
    const about = {
      assetId: asset.id,
      assetName: asset.name,
      assetType: asset.assetTypeId,
      collection: assetType.collection,
      role: request.role,
    };
    const nameOf = (id: string | undefined) => (id && db.user(id)?.displayName) || 'Someone';
    const notify = (
      key: string,
      createdAt: string,
      fields: Pick<Notification, 'actorName' | 'kind' | 'link'>,
      message?: string,
    ) => {
      const id = objectIdFor(`${key}:${request.id}:${user.id}`);
      const notification: Notification = {
        id,
        createdAt,
        read: db.readNotificationIds.has(id),
        ...about,
        ...fields,
      };
      if (message) notification.message = message;
      notifications.push(notification);
    };
    if (request.grantorIds.includes(user.id)) {
      notify(
        'access-request',
        request.createdAt,
        {
          actorName: nameOf(request.requesterId),
          kind: 'accessRequested',
          link: accessRequestsLink(assetLink(asset)),
        },
        request.message,
      );
    }
    if (request.requesterId === user.id && (request.status === 'approved' || request.status === 'declined')) {
      notify(
        'access-request-decision',
        request.decidedAt ?? request.createdAt,
        {
          actorName: nameOf(request.deciderId),
          kind: request.status === 'approved' ? 'requestApproved' : 'requestDeclined',
          link: assetLink(asset),
        },
        request.declineMessage,
      );
    }
  }
  return notifications;
}

function newestFirst(a: Notification, b: Notification): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

/**
 * The actor's notifications at `now`, newest first: what was shared with them, access about to end, and what
 * access requests told them.
 */
export function notificationsFor(db: MockDatabase, user: Principal, now: number): Notification[] {
  return [
    ...shareNotificationsFor(db, user),
    ...accessEndsNotices(db, user, now),
    ...requestNotificationsFor(db, user),
  ].sort(newestFirst);
}

function shareNotificationsFor(db: MockDatabase, user: Principal): Notification[] {
  const notifications: Notification[] = [];
  for (let i = db.events.length - 1; i >= 0; i--) {
    const event = db.events[i] as ShareEvent;
    const delivery = deliveriesOf(db, event).byUser.get(user.id);
    const story = delivery && storyOf(db, event, delivery);
    if (!delivery || !story) continue;
    const id = notificationId(event, user.id);
    const notification: Notification = {
      id,
      kind: 'share',
      createdAt: event.createdAt,
      read: db.readNotificationIds.has(id),
      actorName: story.actorName,
      assetId: event.assetId,
      assetName: story.assetName,
      assetType: story.assetTypeId,
      collection: story.collection,
      role: delivery.role,
      link: story.link,
    };
    if (event.note) notification.note = event.note;
    if (delivery.via) notification.via = delivery.via.displayName;
    if (delivery.expiresAt) notification.expiresAt = delivery.expiresAt;
    notifications.push(notification);
  }
  return notifications;
}

function emailOf(db: MockDatabase, event: ShareEvent, delivery: ShareDelivery): OutboxEmail | undefined {
  const story = storyOf(db, event, delivery);
  if (!story) return undefined;
  const via = delivery.via ? ` (through ${delivery.via.displayName})` : '';
  const lines = [
    `Hi ${delivery.user.displayName},`,
    '',
    `${story.actorName} gave you ${story.roleLabel} access to the ${story.typeNoun} “${story.assetName}”${via}.`,
  ];
  if (delivery.expiresAt) lines.push('', `Your access ends on ${endDateText(delivery.expiresAt)}.`);
  if (event.note) lines.push('', `${story.actorName} wrote: “${event.note}”`);
  lines.push('', `Open it: ${story.link}`);
  return {
    id: objectIdFor(`email:${event.id}:${delivery.user.id}`),
    sentAt: event.createdAt,
    to: db.directory.emailOf(delivery.user) ?? delivery.user.name,
    subject: `${story.actorName} shared “${story.assetName}” with you`,
    body: lines.join('\n'),
    link: story.link,
  };
}

/** The deliveries of a share to the members of one organization: an outbox shows an organization nothing else. */
function deliveriesWithin(db: MockDatabase, event: ShareEvent, orgId: string): ShareDelivery[] {
  return deliveriesOf(db, event).list.filter((delivery) => delivery.user.orgId === orgId);
}

/** How many e-mails the outbox holds for the members of an organization. */
export function outboxSize(db: MockDatabase, orgId: string): number {
  return db.events.reduce((total, event) => total + deliveriesWithin(db, event, orgId).length, 0);
}

/** One page of an organization's outbox, newest first: one e-mail per member each share reached. */
export function outboxPage(db: MockDatabase, orgId: string, offset: number, limit: number): OutboxEmail[] {
  const emails: OutboxEmail[] = [];
  let skip = offset;
  for (let i = db.events.length - 1; i >= 0 && emails.length < limit; i--) {
    const event = db.events[i] as ShareEvent;
    const list = deliveriesWithin(db, event, orgId);
    if (skip >= list.length) {
      skip -= list.length;
      continue;
    }
    for (const delivery of list.slice(skip, skip + (limit - emails.length))) {
      const email = emailOf(db, event, delivery);
      if (email) emails.push(email);
    }
    skip = 0;
  }
  return emails;
}
