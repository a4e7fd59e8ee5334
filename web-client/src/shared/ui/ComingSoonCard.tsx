import { useTranslation } from 'react-i18next';

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
    <li className="card" data-testid={`card-${id}`}>
      <h3 className="card-title">{title}</h3>
      <p className="card-text">{text}</p>
      <p className="card-status">{t('home.comingSoon')}</p>
    </li>
  );
}
