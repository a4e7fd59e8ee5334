import { graphql } from '../../gql';

export const CommunityGoalsQuery = graphql(`
  query CommunityGoals($communityId: ID!) {
    communityGoals(communityId: $communityId) {
      id
      month
      metric
      target
      progress
      title { zhCN en }
    }
  }
`);

export const GridLocalLegendQuery = graphql(`
  query GridLocalLegend($gridId: ID!) {
    node(id: $gridId) {
      __typename
      ... on Grid {
        id
        name
        community { id }
        localLegend { displayName verifiedMinutes }
      }
    }
  }
`);
