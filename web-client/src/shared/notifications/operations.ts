import { graphql } from '../../gql';

export const NotificationListQuery = graphql(`
  query NotificationList {
    myNotifications(first: 30) {
      totalCount
      unreadCount
      nodes { id kind message read createdAt }
    }
  }
`);

export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    myNotifications(first: 1) { unreadCount }
  }
`);

export const NotificationsMarkReadMutation = graphql(`
  mutation NotificationsMarkRead($input: NotificationsMarkReadInput!) {
    notificationsMarkRead(input: $input) { unreadCount userErrors { code message } }
  }
`);
