import { graphql } from '../../gql';

export const AdminMerchantFragment = graphql(`
  fragment AdminMerchant on Merchant {
    id
    name
    category
    address
    status
    location {
      longitude
      latitude
    }
    application {
      contactPhone
      appliedAt
      rejectionReason
      applicant {
        id
        displayName
      }
    }
  }
`);

export const CommunityMerchantsQuery = graphql(`
  query CommunityMerchants($communityId: ID!) {
    node(id: $communityId) {
      ... on Community {
        id
        merchants {
          ...AdminMerchant
        }
      }
    }
  }
`);

export const MerchantMonthQuery = graphql(`
  query MerchantMonth($merchantId: ID!) {
    merchantSettlement(merchantId: $merchantId) {
      month
      redemptions
      minutes
    }
  }
`);

export const MerchantApproveMutation = graphql(`
  mutation MerchantApprove($input: MerchantInput!) {
    merchantApprove(input: $input) {
      merchant {
        ...AdminMerchant
      }
      userErrors {
        message
      }
    }
  }
`);

export const MerchantRejectMutation = graphql(`
  mutation MerchantReject($input: MerchantRejectInput!) {
    merchantReject(input: $input) {
      merchant {
        ...AdminMerchant
      }
      userErrors {
        message
      }
    }
  }
`);

export const MerchantSuspendMutation = graphql(`
  mutation MerchantSuspend($input: MerchantInput!) {
    merchantSuspend(input: $input) {
      merchant {
        ...AdminMerchant
      }
      userErrors {
        message
      }
    }
  }
`);

export const MerchantReinstateMutation = graphql(`
  mutation MerchantReinstate($input: MerchantInput!) {
    merchantReinstate(input: $input) {
      merchant {
        ...AdminMerchant
      }
      userErrors {
        message
      }
    }
  }
`);
