import { graphql } from '../../gql';

export const CaptainTeamsQuery = graphql(`
  query CaptainTeams {
    me {
      id
      roles {
        role
        scope {
          __typename
          id
          ... on Team {
            name
            community { id name }
            memberships { status account { id displayName } }
          }
        }
      }
    }
  }
`);

export const TeamBoardsQuery = graphql(`
  query TeamBoards($communityId: ID!, $period: LeaderboardPeriod!) {
    teams: leaderboard(subject: TEAMS, scope: COMMUNITY, placeId: $communityId, period: $period, first: 100) {
      totalCount
      nodes { rank points displayName team { id } }
    }
    volunteers: leaderboard(subject: VOLUNTEERS, scope: COMMUNITY, placeId: $communityId, period: $period, first: 100) {
      totalCount
      nodes { rank points displayName account { id } }
    }
  }
`);

export const TeamReviewFlagsQuery = graphql(`
  query TeamReviewFlags($teamId: ID!) {
    reviewFlags(teamId: $teamId, first: 20) {
      totalCount
      nodes { kind flaggedAt detail account { id displayName } }
    }
  }
`);

export const StreakPauseSetMutation = graphql(`
  mutation StreakPauseSet($input: StreakPauseSetInput!) {
    streakPauseSet(input: $input) {
      pause { from until reason }
      userErrors { code message field }
    }
  }
`);
