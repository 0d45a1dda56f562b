import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../api/contract.ts';
import { markNotificationReadMutationOptions, notificationsQueryOptions } from '../api/get-notifications.ts';
import { assetTypeLabel, fullDateTime, roleLabel, timeAgo } from './format.ts';
import { BellIcon } from './icons.tsx';
import { useSession } from './session.tsx';

/** The bell in the header: the unread count, and a panel listing what was shared with the current persona. */
export function NotificationCenter() {
  const { client } = useSession();
  const queryClient = useQueryClient();
  const notificationsQuery = useQuery({ ...notificationsQueryOptions(client), refetchInterval: 15_000 });
  const markRead = useMutation(markNotificationReadMutationOptions(client, queryClient));
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const unread = notificationsQuery.data?.unreadCount ?? 0;
  const notifications = notificationsQuery.data?.data ?? [];

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    function closeOnOutsidePointer(event: PointerEvent) {
      const target = event.target as Node;
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpen(false);
    }
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div className="notification-center">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button notification-center__bell"
        aria-label={`Notifications, ${unread} unread`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="notification-center__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          className="notification-center__panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby={headingId}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <div className="notification-center__header">
            <h2 id={headingId} className="notification-center__title">
              Notifications
            </h2>
            <span className="notification-center__summary">
              {unread === 0 ? 'All caught up' : `${unread} unread`}
            </span>
          </div>
          {notificationsQuery.isPending ? (
            <p className="notification-center__empty">Loading notifications…</p>
          ) : notificationsQuery.isError ? (
            <p className="notification-center__empty" role="alert">
              Notifications could not be loaded. {notificationsQuery.error.message}
            </p>
          ) : notifications.length === 0 ? (
            <p className="notification-center__empty">Nothing has been shared with you yet.</p>
          ) : (
            <ul className="notification-list" aria-label="Notifications">
              {notifications.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onOpen={() => {
                    if (!notification.read) markRead.mutate(notification.id);
                    setOpen(false);
                  }}
                  onMarkRead={() => markRead.mutate(notification.id)}
                  marking={markRead.isPending && markRead.variables === notification.id}
                />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** What happened, in one sentence: a share, or an access request asked, approved or declined. */
function NotificationText({ notification, typeLabel }: { notification: Notification; typeLabel: string }) {
  const actor = <strong>{notification.actorName}</strong>;
  const asset = <strong>{notification.assetName}</strong>;
  const role = <strong>{roleLabel(notification.assetType, notification.role)}</strong>;
  switch (notification.kind) {
    case 'accessRequested':
      return (
        <p className="notification__text">
          {actor} asks for {role} access to the {typeLabel} {asset}.
        </p>
      );
    case 'requestApproved':
      return (
        <p className="notification__text">
          {actor} approved your request for {role} access to the {typeLabel} {asset}.
        </p>
      );
    case 'requestDeclined':
      return (
        <p className="notification__text">
          {actor} declined your request for {role} access to the {typeLabel} {asset}.
        </p>
      );
    case 'accessEnds':
      return (
        <p className="notification__text">
          Your access to {asset} ends on <strong>{fullDateTime(notification.expiresAt ?? '')}</strong>
          {notification.via ? <> (through {notification.via})</> : null}.
        </p>
      );
    default:
      return (
        <p className="notification__text">
          {actor} shared the {typeLabel} {asset}{' '}
          {notification.via ? <>with {notification.via}, which includes you,</> : 'with you'} as {role}
          {notification.expiresAt ? (
            <>
              , until <strong>{fullDateTime(notification.expiresAt)}</strong>
            </>
          ) : null}
          .
        </p>
      );
  }
}

interface NotificationItemProps {
  notification: Notification;
  onOpen: () => void;
  onMarkRead: () => void;
  marking: boolean;
}

function NotificationItem({ notification, onOpen, onMarkRead, marking }: NotificationItemProps) {
  const typeLabel = assetTypeLabel(notification.assetType).toLowerCase();
  return (
    <li className={notification.read ? 'notification' : 'notification notification--unread'}>
      {notification.read ? null : <span className="notification__dot" role="img" aria-label="Unread" />}
      <div className="notification__body">
        <NotificationText notification={notification} typeLabel={typeLabel} />
        {notification.note || notification.message ? (
          <blockquote className="notification__note">{notification.note ?? notification.message}</blockquote>
        ) : null}
        <div className="notification__meta">
          <time dateTime={notification.createdAt} title={fullDateTime(notification.createdAt)}>
            {timeAgo(notification.createdAt)}
          </time>
          <span className="notification__actions">
            <Link
              className="notification__link"
              to={notification.link}
              onClick={onOpen}
              aria-label={
                notification.kind === 'accessRequested'
                  ? `Answer ${notification.actorName}'s request for ${notification.assetName}`
                  : `Open ${notification.assetName}`
              }
            >
              {notification.kind === 'accessRequested' ? 'Answer' : 'Open'}
            </Link>
            {notification.read ? null : (
              <button type="button" className="text-button" onClick={onMarkRead} disabled={marking}>
                Mark as read
              </button>
            )}
          </span>
        </div>
      </div>
    </li>
  );
}
