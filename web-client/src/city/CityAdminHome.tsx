import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';

/** A city administrator's home: the city's districts, streets and communities. */
export function CityAdminHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="CITY_ADMINISTRATOR" assignments={assignments}>
      <li className="card" data-testid="card-city-places">
        <h3 className="card-title">{t('geo.places.title')}</h3>
        <p className="card-text">{t('geo.places.text')}</p>
        <Link className="button" to="/city/places" data-testid="open-city-places">{t('settlement.open')}</Link>
      </li>
    </AreaSection>
  );
}
