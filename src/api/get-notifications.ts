import { mutationOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { Notification, NotificationList } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** The actor's notification center, newest first. */
export async function getNotifications(client: ApiClient, signal?: AbortSignal): Promise<NotificationList> {
  const { data } = await client.request({ path: '/notifications', answer: 'notificationList', signal });
  return data;
}

/** Marks one notification read (`POST /notifications/{id}/read`), answering it as it now is. */
export async function markNotificationRead(client: ApiClient, notificationId: string): Promise<Notification> {
  const { data } = await client.request({
    method: 'POST',
    path: `/notifications/${encodeURIComponent(notificationId)}/read`,
    answer: 'notification',
  });
  return data;
}

/** Query options for the notification center, under the key a save or a read refreshes. */
export function notificationsQueryOptions(client: ApiClient) {
  return queryOptions<NotificationList, ApiError>({
    queryKey: sharingKeys.notifications(),
    queryFn: ({ signal }) => getNotifications(client, signal),
    retry: retryApiError,
  });
}

/** Mutation options that mark a notification read and refresh the center. */
export function markNotificationReadMutationOptions(client: ApiClient, queryClient: QueryClient) {
  return mutationOptions<Notification, ApiError, string>({
    mutationKey: [...sharingKeys.notifications(), 'read'],
    mutationFn: (notificationId: string) => markNotificationRead(client, notificationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKeys.notifications() }),
  });
}
