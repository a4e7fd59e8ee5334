import { graphql } from '../../gql';

export const StatisticsCommunityQuery = graphql(`
  query StatisticsCommunity($communityId: ID!) {
    node(id: $communityId) {
      ... on Community { id name timeZone grids { id code name } }
    }
  }
`);

export const CommunityStatisticsQuery = graphql(`
  query CommunityStatistics($communityId: ID!, $month: Month!, $gridId: ID) {
    communityStatistics(communityId: $communityId, month: $month, gridId: $gridId) {
      month
      grid { id code }
      verifiedPatrolMinutes
      activeVolunteers
      shiftsAtRisk
      noShows
      minutesEarned
      minutesSpentAtSchool
      minutesSpentAtMerchants
      minutesGiven
      weeks {
        weekStart
        verifiedPatrolMinutes
        activeVolunteers
        shiftsAtRisk
        noShows
        minutesEarned
        minutesSpentAtSchool
        minutesSpentAtMerchants
        minutesGiven
      }
      teams { team { id name } verifiedPatrolMinutes weeklyVerifiedPatrolMinutes }
      merchants { merchant { id name } redemptions minutes }
    }
  }
`);
