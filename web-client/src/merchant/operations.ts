import { graphql } from '../gql';

export const MyMerchantsQuery = graphql(`
  query MyMerchants {
    myMerchants {
      id
      name
      status
    }
  }
`);

export const RedemptionLookupQuery = graphql(`
  query RedemptionLookup($code: String!, $merchantId: ID) {
    redemptionLookup(code: $code, merchantId: $merchantId) {
      redemption {
        ...CounterCode
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const RedemptionConfirmMutation = graphql(`
  mutation RedemptionConfirm($input: RedemptionConfirmInput!) {
    redemptionConfirm(input: $input) {
      redemption {
        ...CounterCode
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const CounterCodeFragment = graphql(`
  fragment CounterCode on Redemption {
    id
    code
    status
    minutes
    expiresAt
    volunteer {
      id
      displayName
    }
    offer {
      id
      title
      discount
    }
  }
`);

export const MerchantOffersQuery = graphql(`
  query MerchantOffers($merchantId: ID!) {
    merchantOffers(merchantId: $merchantId) {
      ...ManagedOffer
    }
  }
`);

export const ManagedOfferFragment = graphql(`
  fragment ManagedOffer on Offer {
    id
    title
    description
    discount
    priceMinutes
    validFrom
    validUntil
    dailyLimit
    monthlyLimit
    stock
    stockLeft
    status
    merchant {
      id
      community {
        id
        timeZone
      }
    }
  }
`);

export const OfferUpdateMutation = graphql(`
  mutation OfferUpdate($input: OfferUpdateInput!) {
    offerUpdate(input: $input) {
      offer {
        ...ManagedOffer
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const OfferCreateMutation = graphql(`
  mutation OfferCreate($input: OfferCreateInput!) {
    offerCreate(input: $input) {
      offer {
        ...ManagedOffer
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const OfferPauseMutation = graphql(`
  mutation OfferPause($input: OfferInput!) {
    offerPause(input: $input) {
      offer {
        ...ManagedOffer
      }
      userErrors {
        message
      }
    }
  }
`);

export const OfferResumeMutation = graphql(`
  mutation OfferResume($input: OfferInput!) {
    offerResume(input: $input) {
      offer {
        ...ManagedOffer
      }
      userErrors {
        message
      }
    }
  }
`);

export const OfferEndMutation = graphql(`
  mutation OfferEnd($input: OfferInput!) {
    offerEnd(input: $input) {
      offer {
        ...ManagedOffer
      }
      userErrors {
        message
      }
    }
  }
`);

export const MerchantReportQuery = graphql(`
  query MerchantReport($merchantId: ID!, $month: Month) {
    merchantSettlement(merchantId: $merchantId, month: $month) {
      month
      redemptions
      minutes
      offers {
        offer {
          id
          title
        }
        redemptions
        minutes
      }
    }
    merchantRedemptions(merchantId: $merchantId, first: 50) {
      id
      code
      minutes
      settledAt
      volunteer {
        id
        displayName
      }
      offer {
        id
        title
      }
    }
  }
`);
