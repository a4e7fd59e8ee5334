import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { HomeCard } from '../shared/ui/HomeCard';

/** A city administrator's home: the city's districts, streets and communities. */
export function CityAdminHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="CITY_ADMINISTRATOR" assignments={assignments}>
      <HomeCard id="city-places" title={t('geo.places.title')} text={t('geo.places.text')}>
        <Link className="button" to="/city/places" data-testid="open-city-places">{t('settlement.open')}</Link>
      </HomeCard>
    </AreaSection>
  );
}
