import { HttpResponse, http } from 'msw';
import type { NotificationList } from '../../api/contract.ts';
import { backend } from '../backend.ts';
import { authenticate, notFound } from '../http.ts';
import { notificationsFor } from '../notifications.ts';
import { apiPath } from '../routes.ts';

/** `GET /notifications` and `POST /notifications/{id}/read`: the actor's notification center. */
export const notificationHandlers = [
  http.get(apiPath('/notifications'), ({ request }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const data = notificationsFor(backend.db, actor, backend.db.clock.now());
    const list: NotificationList = {
      count: data.length,
      unreadCount: data.filter((notification) => !notification.read).length,
      data,
    };
    return HttpResponse.json(list);
  }),
  http.post(apiPath('/notifications/:id/read'), ({ request, params }) => {
    const actor = authenticate(request);
    if (actor instanceof Response) return actor;
    const notification = notificationsFor(backend.db, actor, backend.db.clock.now()).find(
      (candidate) => candidate.id === params.id,
    );
    if (!notification) return notFound('No such notification.');
    backend.db.readNotificationIds.add(notification.id);
    backend.save();
    return HttpResponse.json({ ...notification, read: true });
  }),
];
