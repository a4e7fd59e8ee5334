import { useTranslation } from 'react-i18next';
import type { VolunteerOfferFragment } from '../../gql/graphql';
import { spokenDistance } from './distance';

interface Props {
  offer: VolunteerOfferFragment;
  /** How far away the shop is, when the volunteer asked for offers near them. */
  distanceMetres?: number;
  asking: boolean;
  onGetCode: (offerId: string) => void;
}

/** One offer: what it gives, where, for how many minutes, and the button that asks for a code. */
export function OfferItem({ offer, distanceMetres, asking, onGetCode }: Props) {
  const { t } = useTranslation();
  const distance = distanceMetres == null ? null : spokenDistance(distanceMetres);
  return (
    <li className="card offer" data-testid="offer" data-title={offer.title}>
      <h3 className="card-title">{offer.title} · {offer.discount}</h3>
      {distance && (
        <p className="offer-distance" data-testid="offer-distance">
          {t(`redeem.near.${distance.unit}`, { value: distance.value })}
        </p>
      )}
      <p className="card-text">{offer.merchant.name} · {offer.merchant.address}</p>
      {offer.description && <p className="card-text">{offer.description}</p>}
      <p className="offer-price" data-testid="offer-price">{t('redeem.price', { minutes: offer.priceMinutes })}</p>
      <p className="card-text">
        {offer.stockLeft != null && t('redeem.stockLeft', { count: offer.stockLeft })}
        {offer.dailyLimit != null && ` ${t('redeem.dailyLimit', { count: offer.dailyLimit })}`}
        {offer.monthlyLimit != null && ` ${t('redeem.monthlyLimit', { count: offer.monthlyLimit })}`}
      </p>
      <button type="button" className="button primary" disabled={asking} onClick={() => onGetCode(offer.id)} data-testid="offer-get-code">
        {t('redeem.getCode')}
      </button>
    </li>
  );
}
