import { graphql } from '../../gql';

export const TimeBankOverviewQuery = graphql(`
  query TimeBankOverview($communityId: ID!) {
    timeBankOverview(communityId: $communityId) {
      community {
        name
      }
      issued
      spent
      outstanding
      honourMinutes
      months {
        month
        issued
        spent
        outstanding
      }
    }
    ledgerCheck {
      healthy
      checkedAt
      breaches {
        code
        detail
      }
    }
  }
`);
