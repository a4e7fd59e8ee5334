import { graphql } from '../../gql';

export const ShopStaffFragment = graphql(`
  fragment ShopStaff on Merchant {
    id
    name
    application {
      applicant {
        id
      }
    }
    staff {
      displayName
      phone
      owner
      account {
        id
      }
    }
  }
`);

export const MyShopsStaffQuery = graphql(`
  query MyShopsStaff {
    myMerchants {
      ...ShopStaff
    }
  }
`);

export const MerchantStaffAddMutation = graphql(`
  mutation MerchantStaffAdd($input: MerchantStaffAddInput!) {
    merchantStaffAdd(input: $input) {
      merchant {
        ...ShopStaff
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const MerchantStaffRemoveMutation = graphql(`
  mutation MerchantStaffRemove($input: MerchantStaffRemoveInput!) {
    merchantStaffRemove(input: $input) {
      merchant {
        ...ShopStaff
      }
      userErrors {
        code
        message
      }
    }
  }
`);
