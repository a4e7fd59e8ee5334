import { graphql } from '../../gql';

export const ReportCategoriesQuery = graphql(`
  query ReportCategories($communityId: ID!) {
    caseCategories(communityId: $communityId) {
      id
      name
    }
  }
`);

export const DuplicateSuggestionsQuery = graphql(`
  query CaseDuplicateSuggestions($categoryId: ID!, $position: GeoPointInput!) {
    caseDuplicateSuggestions(categoryId: $categoryId, position: $position) {
      id
      description
      stage
      reportedAt
      grid { id code }
      photos { id url }
    }
  }
`);

export const CaseReportMutation = graphql(`
  mutation CaseReport($input: CaseReportInput!) {
    caseReport(input: $input) {
      case { id stage }
      userErrors { code message field }
    }
  }
`);

export const CaseInfoAddMutation = graphql(`
  mutation CaseInfoAdd($input: CaseInfoAddInput!) {
    caseInfoAdd(input: $input) {
      case { id stage }
      userErrors { code message field }
    }
  }
`);

export const MyCaseReportsQuery = graphql(`
  query MyCaseReports($first: Int) {
    myCaseReports(first: $first) {
      totalCount
      nodes {
        id
        description
        stage
        reportedAt
        dueAt
        overdue
        category { id name }
        grid { id code }
        photos { id url }
        rejectionReason
        satisfaction
        version
      }
    }
    myCaseNotifications(first: 20) {
      nodes {
        kind
        stage
        at
        case { id description category { id name } }
      }
    }
  }
`);

export const CaseRateMutation = graphql(`
  mutation CaseRate($input: CaseCloseInput!) {
    caseClose(input: $input) {
      case { id stage satisfaction version }
      userErrors { code message field }
    }
  }
`);
