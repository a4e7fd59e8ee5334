import { graphql } from '../../gql';

export const BadgeFields = graphql(`
  fragment BadgeFields on Badge {
    id
    key
    name { zhCN en }
    description { zhCN en }
    rule { metric threshold window }
  }
`);

export const GamificationSummaryQuery = graphql(`
  query GamificationSummary {
    gamification {
      community { id }
      points
      level { number name { zhCN en } }
      streak { currentWeeks thisWeekCounted }
      badges { times badge { ...BadgeFields } }
    }
  }
`);

export const GamificationProfileQuery = graphql(`
  query GamificationProfile {
    gamification {
      community { id name }
      points
      level { number threshold name { zhCN en } }
      nextLevel { number threshold name { zhCN en } }
      pointsToNextLevel
      badges { earnedAt times badge { ...BadgeFields } }
      nextBadges { current threshold badge { ...BadgeFields } }
      streak {
        currentWeeks
        longestWeeks
        thisWeekCounted
        graceLeft
        pause { from until reason }
      }
      ranks { subject scope period rank points of }
    }
  }
`);

export const PointsHistoryQuery = graphql(`
  query PointsHistory($first: Int, $after: String) {
    gamification {
      pointsHistory(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { at points source sourceRef }
      }
    }
  }
`);

export const CommunityBoardQuery = graphql(`
  query CommunityBoard($subject: LeaderboardSubject!, $placeId: ID!, $period: LeaderboardPeriod!) {
    leaderboard(subject: $subject, scope: COMMUNITY, placeId: $placeId, period: $period, first: 10) {
      totalCount
      nodes { rank points displayName nameMasked account { id } team { id } }
    }
  }
`);

export const LeaderboardNameHideMutation = graphql(`
  mutation LeaderboardNameHide($input: LeaderboardNameHideInput!) {
    leaderboardNameHide(input: $input) {
      hidden
      userErrors { code message field }
    }
  }
`);

export const ServiceRecordQuery = graphql(`
  query ServiceRecord {
    serviceRecord {
      account { displayName }
      totalMinutes
      issuedAt
      lines {
        year
        verifiedMinutes
        patrols
        community { id name street { name district { name city { name } } } }
        team { id name }
      }
    }
  }
`);
