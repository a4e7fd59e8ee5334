import { graphql } from '../../gql';

export const CommunityMerchantsQuery = graphql(`
  query CommunityMerchants($communityId: ID!) {
    node(id: $communityId) {
      ... on Community {
        id
        merchants {
          id
          name
          category
          address
          status
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
        id
        status
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
        id
        status
      }
      userErrors {
        message
      }
    }
  }
`);
