import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { NotificationListQuery, NotificationsMarkReadMutation } from './operations';
import './notifications.css';

/**
 * Everything one has been told, newest first, in large type: what was new when the screen opened
 * is marked "new" and, once shown, read, so the badge on the home screen goes away.
 */
export function NotificationsScreen() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: NotificationListQuery, requestPolicy: 'cache-and-network' });
  const [, markRead] = useMutation(NotificationsMarkReadMutation);
  const marked = useRef<string | null>(null);
  const newest = data?.myNotifications.nodes[0];
  const unread = data?.myNotifications.unreadCount ?? 0;

  // the messages are worded by the server in the request's language: a new language asks again
  useEffect(() => {
    refetch({ requestPolicy: 'network-only' });
  }, [i18n.language, refetch]);

  useEffect(() => {
    if (newest && unread > 0 && marked.current !== newest.id) {
      marked.current = newest.id;
      void markRead({ input: { upTo: newest.id } });
    }
  }, [newest, unread, markRead]);

  return (
    <Page>
      <nav className="back"><Link to="/">{t('notifications.back')}</Link></nav>
      <h1>{t('notifications.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && data.myNotifications.nodes.length === 0 && <p className="intro" data-testid="notifications-none">{t('notifications.none')}</p>}
      <ul className="notification-list">
        {data?.myNotifications.nodes.map((n) => (
          <li key={n.id} className={`notification-item${n.read ? '' : ' unread'}`} data-testid="notification-item" data-kind={n.kind}>
            {!n.read && <span className="notification-new">{t('notifications.new')}</span>}
            <p className="notification-message">{n.message}</p>
            <p className="notification-when">
              {t(`notifications.kind.${n.kind}`, { defaultValue: '' })}
              {' · '}
              {new Date(n.createdAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
