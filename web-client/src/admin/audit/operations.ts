import { graphql } from '../../gql';

export const AuditLogQuery = graphql(`
  query AuditLog($communityId: ID!, $first: Int, $after: String, $action: String, $actorId: ID, $from: DateTime, $to: DateTime) {
    auditLog(communityId: $communityId, first: $first, after: $after, action: $action, actorId: $actorId, from: $from, to: $to) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        at
        action
        summary
        subjectType
        before
        after
        actor { id displayName }
      }
    }
  }
`);
