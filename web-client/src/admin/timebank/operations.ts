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

export const CommunityPassbookQuery = graphql(`
  query CommunityPassbook($communityId: ID!, $phone: String!) {
    communityPassbook(communityId: $communityId, phone: $phone) {
      balance
      available
      owner {
        id
        displayName
      }
      entries(first: 50) {
        totalCount
        nodes {
          at
          kind
          minutes
          balanceAfter
          counterparty
          reason
          transferId
        }
      }
    }
  }
`);

export const LedgerCorrectionsQuery = graphql(`
  query LedgerCorrections($communityId: ID!, $status: LedgerCorrectionStatus) {
    ledgerCorrections(communityId: $communityId, status: $status, first: 50) {
      totalCount
      nodes {
        id
        kind
        status
        minutes
        passbookMinutes
        reason
        needsApproval
        requestedAt
        decidedAt
        volunteer {
          displayName
        }
        requestedBy {
          id
          displayName
        }
        decidedBy {
          displayName
        }
      }
    }
  }
`);

export const PassbookAdjustMutation = graphql(`
  mutation PassbookAdjust($input: PassbookAdjustInput!) {
    passbookAdjust(input: $input) {
      correction {
        id
        status
        minutes
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const TransferReverseMutation = graphql(`
  mutation TransferReverse($input: TransferReverseInput!) {
    transferReverse(input: $input) {
      correction {
        id
        status
        minutes
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const LedgerCorrectionApproveMutation = graphql(`
  mutation LedgerCorrectionApprove($input: LedgerCorrectionApproveInput!) {
    ledgerCorrectionApprove(input: $input) {
      correction {
        id
        status
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const LedgerCorrectionRefuseMutation = graphql(`
  mutation LedgerCorrectionRefuse($input: LedgerCorrectionRefuseInput!) {
    ledgerCorrectionRefuse(input: $input) {
      correction {
        id
        status
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const TimeBankPolicyQuery = graphql(`
  query TimeBankPolicy($communityId: ID!) {
    node(id: $communityId) {
      ... on Community {
        __typename
        id
        name
        timeBankPolicy {
          dailyEarningCap
          totalEarningCap
          giftMaxMinutes
          giftMonthlyMinutes
          correctionApprovalThreshold
        }
      }
    }
  }
`);

export const TimeBankPolicyUpdateMutation = graphql(`
  mutation TimeBankPolicyUpdate($input: TimeBankPolicyUpdateInput!) {
    timeBankPolicyUpdate(input: $input) {
      policy {
        dailyEarningCap
        totalEarningCap
        giftMaxMinutes
        giftMonthlyMinutes
        correctionApprovalThreshold
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const SchoolCoursesAdminQuery = graphql(`
  query SchoolCoursesAdmin($communityId: ID!) {
    node(id: $communityId) {
      ... on Community {
        __typename
        id
        school {
          id
          name
          courses {
            id
            title
            startsAt
            seats
            seatsLeft
            priceMinutes
          }
        }
      }
    }
  }
`);

export const CourseCreateMutation = graphql(`
  mutation CourseCreate($input: CourseCreateInput!) {
    courseCreate(input: $input) {
      course {
        id
        title
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
