import { graphql } from '../../gql';

export const AdminBadgeFields = graphql(`
  fragment AdminBadgeFields on Badge {
    id
    key
    active
    name { zhCN en }
    description { zhCN en }
    rule { metric threshold window beforeTime weekday }
  }
`);

export const AdminBadgesQuery = graphql(`
  query AdminBadges($communityId: ID!) {
    badges(communityId: $communityId) { ...AdminBadgeFields }
  }
`);

export const BadgeCreateMutation = graphql(`
  mutation BadgeCreate($input: BadgeCreateInput!) {
    badgeCreate(input: $input) {
      badge { ...AdminBadgeFields }
      backfilledAwards
      userErrors { code message field }
    }
  }
`);

export const BadgeUpdateMutation = graphql(`
  mutation BadgeUpdate($input: BadgeUpdateInput!) {
    badgeUpdate(input: $input) {
      badge { ...AdminBadgeFields }
      backfilledAwards
      userErrors { code message field }
    }
  }
`);

export const AdminLevelsQuery = graphql(`
  query AdminLevels($communityId: ID!) {
    levels(communityId: $communityId) { number threshold name { zhCN en } }
  }
`);

export const LevelsSetMutation = graphql(`
  mutation LevelsSet($input: LevelsSetInput!) {
    levelsSet(input: $input) {
      levels { number threshold name { zhCN en } }
      userErrors { code message field }
    }
  }
`);

export const CommunityGoalSetMutation = graphql(`
  mutation CommunityGoalSet($input: CommunityGoalSetInput!) {
    communityGoalSet(input: $input) {
      goal { id month metric target progress title { zhCN en } }
      userErrors { code message field }
    }
  }
`);

export const AdminCommunityZoneQuery = graphql(`
  query AdminCommunityZone($communityId: ID!) {
    node(id: $communityId) {
      __typename
      ... on Community { id timeZone }
    }
  }
`);
