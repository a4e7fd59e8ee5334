import { graphql } from '../../gql';

graphql(`
  fragment BoardCase on Case {
    id
    stage
    version
    description
    reportedAt
    overdue
    dueAt
    category { id name nameZh nameEn }
    grid { id code }
    reporter { id displayName }
    anonymous
    photos { id url }
    lastEvent { kind at note actor { id displayName } }
  }
`);

export const CaseBoardQuery = graphql(`
  query CaseBoard($communityId: ID!, $stage: CaseStage, $overdueOnly: Boolean) {
    caseBoard(communityId: $communityId, stage: $stage, overdueOnly: $overdueOnly, first: 50) {
      totalCount
      nodes { ...BoardCase }
    }
  }
`);

export const CaseUpdatesSubscription = graphql(`
  subscription CaseBoardUpdates($communityId: ID!) {
    caseUpdates(communityId: $communityId) { ...BoardCase }
  }
`);

export const CaseDetailQuery = graphql(`
  query CaseDetail($id: ID!) {
    node(id: $id) {
      ... on Case {
        ...BoardCase
        position { longitude latitude }
        grid { id code name boundary center { longitude latitude } }
        community { id }
        handler { account { id displayName } department { id name } }
        escalatedAt
        rejection
        rejectionReason
        duplicateOf { id description }
        satisfaction
        extension { requestedUntil reason granted }
        timeline {
          kind
          at
          stage
          note
          actor { id displayName }
          photos { id url }
        }
      }
    }
  }
`);

export const DepartmentsQuery = graphql(`
  query CaseDepartments($communityId: ID!) {
    departments(communityId: $communityId) { id name }
  }
`);


export const CaseAcceptMutation = graphql(`
  mutation CaseAccept($input: CaseStepInput!) { caseAccept(input: $input) { case { id stage version } userErrors { code message field } } }
`);
export const CaseRejectMutation = graphql(`
  mutation CaseReject($input: CaseRejectInput!) { caseReject(input: $input) { case { id stage version } userErrors { code message field } } }
`);
export const CaseDispatchMutation = graphql(`
  mutation CaseDispatch($input: CaseDispatchInput!) { caseDispatch(input: $input) { case { id stage version } userErrors { code message field } } }
`);
export const CaseStartMutation = graphql(`
  mutation CaseStart($input: CaseStepInput!) { caseStart(input: $input) { case { id stage version } userErrors { code message field } } }
`);
export const CaseResolveMutation = graphql(`
  mutation CaseResolve($input: CaseResolveInput!) { caseResolve(input: $input) { case { id stage version } userErrors { code message field } } }
`);
export const CaseVerifyMutation = graphql(`
  mutation CaseVerify($input: CaseStepInput!) { caseVerify(input: $input) { case { id stage version } userErrors { code message field } } }
`);
export const CaseReopenMutation = graphql(`
  mutation CaseReopen($input: CaseStepInput!) { caseReopen(input: $input) { case { id stage version } userErrors { code message field } } }
`);
export const CaseCloseMutation = graphql(`
  mutation CaseCloseByGridWorker($input: CaseCloseInput!) { caseClose(input: $input) { case { id stage version } userErrors { code message field } } }
`);


export const CaseworkCommunityQuery = graphql(`
  query CaseworkCommunity {
    me {
      id
      roles {
        role
        scope {
          ... on Grid { id code community { id } }
          ... on Community { id }
        }
      }
    }
  }
`);
