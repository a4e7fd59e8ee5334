import { useTranslation } from 'react-i18next';
import { HomeCard } from './HomeCard';

interface Props {
  /** Stable name for browser tests: the card carries data-testid="card-<id>". */
  id: string;
  title: string;
  text: string;
}

/** A place on a home screen that a later feature will fill; it says so plainly and shows no data. */
export function ComingSoonCard({ id, title, text }: Props) {
  const { t } = useTranslation();
  return (
    <HomeCard id={id} title={title} text={text}>
      <p className="card-status">{t('home.comingSoon')}</p>
    </HomeCard>
  );
}
