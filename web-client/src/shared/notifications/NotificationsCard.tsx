import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LoadError } from '../ui/LoadError';
import { UnreadNotificationsQuery } from './operations';
import './notifications.css';

/** The way to one's notifications, with a badge of how many are unread; a home screen's card. */
export function NotificationsCard() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: UnreadNotificationsQuery, requestPolicy: 'cache-and-network' });
  const unread = data?.myNotifications.unreadCount ?? 0;
  return (
    <li className="card" data-testid="card-notifications">
      <h3 className="card-title">{t('notifications.title')}</h3>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && (
        <p className="card-text notification-summary">
          {unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.allRead')}
        </p>
      )}
      <Link className="button notification-open" to="/notifications" data-testid="open-notifications">
        {t('notifications.open')}
        {unread > 0 && (
          <span className="notification-badge" data-testid="unread-badge" aria-label={t('notifications.unread', { count: unread })}>
            {unread}
          </span>
        )}
      </Link>
    </li>
  );
}
