import { graphql } from '../../gql';

graphql(`
  fragment EditableCategory on CaseCategory {
    id
    name
    nameZh
    nameEn
    serviceCode
    acceptWithinMinutes
    resolveWithinMinutes
    retired
  }
`);

export const CategoriesEditQuery = graphql(`
  query CaseCategoriesEdit($communityId: ID!) {
    caseCategories(communityId: $communityId, includeRetired: true) { ...EditableCategory }
  }
`);

export const CategoryCreateMutation = graphql(`
  mutation CaseCategoryCreate($input: CaseCategoryCreateInput!) {
    caseCategoryCreate(input: $input) { category { ...EditableCategory } userErrors { code message field } }
  }
`);

export const CategoryUpdateMutation = graphql(`
  mutation CaseCategoryUpdate($input: CaseCategoryUpdateInput!) {
    caseCategoryUpdate(input: $input) { category { ...EditableCategory } userErrors { code message field } }
  }
`);

export const CategoryRetireMutation = graphql(`
  mutation CaseCategoryRetire($input: CaseCategoryRetireInput!) {
    caseCategoryRetire(input: $input) { category { ...EditableCategory } userErrors { code message field } }
  }
`);

graphql(`
  fragment MonthKpis on CaseKpis {
    month
    reported
    closureRate
    onTimeClosureRate
    reworkRate
    extensionRate
    medianMinutesToAccept
    medianMinutesToClose
    meanSatisfaction
  }
`);

/** Six months side by side in one request (the API answers one month per field). */
export const CaseKpisQuery = graphql(`
  query CaseKpisSixMonths($communityId: ID!, $gridId: ID, $m0: Month!, $m1: Month!, $m2: Month!, $m3: Month!, $m4: Month!, $m5: Month!) {
    m0: caseKpis(communityId: $communityId, gridId: $gridId, month: $m0) { ...MonthKpis }
    m1: caseKpis(communityId: $communityId, gridId: $gridId, month: $m1) { ...MonthKpis }
    m2: caseKpis(communityId: $communityId, gridId: $gridId, month: $m2) { ...MonthKpis }
    m3: caseKpis(communityId: $communityId, gridId: $gridId, month: $m3) { ...MonthKpis }
    m4: caseKpis(communityId: $communityId, gridId: $gridId, month: $m4) { ...MonthKpis }
    m5: caseKpis(communityId: $communityId, gridId: $gridId, month: $m5) { ...MonthKpis }
  }
`);

export const KpiCommunityQuery = graphql(`
  query CaseKpiCommunity($communityId: ID!) {
    node(id: $communityId) {
      ... on Community { id name timeZone grids { id code name } }
    }
  }
`);

export const Open311KeysQuery = graphql(`
  query Open311Keys($communityId: ID!) {
    open311Keys(communityId: $communityId) { id label issuedAt revokedAt lastUsedAt }
  }
`);

export const Open311KeyIssueMutation = graphql(`
  mutation Open311KeyIssue($input: Open311KeyIssueInput!) {
    open311KeyIssue(input: $input) { key { id label issuedAt revokedAt lastUsedAt } apiKey userErrors { code message field } }
  }
`);

export const Open311KeyRevokeMutation = graphql(`
  mutation Open311KeyRevoke($input: Open311KeyRevokeInput!) {
    open311KeyRevoke(input: $input) { key { id label issuedAt revokedAt lastUsedAt } userErrors { code message field } }
  }
`);
