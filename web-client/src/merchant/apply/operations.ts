import { graphql } from '../../gql';

export const AppliedShopFragment = graphql(`
  fragment AppliedShop on Merchant {
    id
    name
    category
    address
    status
    community {
      id
      name
    }
    application {
      appliedAt
      decidedAt
      rejectionReason
    }
  }
`);

export const MyApplicationsQuery = graphql(`
  query MyMerchantApplications {
    myMerchantApplications {
      ...AppliedShop
    }
    communities(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const MerchantApplyMutation = graphql(`
  mutation MerchantApply($input: MerchantApplyInput!) {
    merchantApply(input: $input) {
      merchant {
        ...AppliedShop
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
