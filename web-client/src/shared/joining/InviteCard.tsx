import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeCard } from '../ui/HomeCard';

/** A home screen's card to invite residents (and, for administrators, to import the office's roster). */
export function InviteCard({ id, to, rosterTo }: { id: string; to: string; rosterTo?: string }) {
  const { t } = useTranslation();
  return (
    <HomeCard id={id} title={t('joining.card.title')} text={t('joining.card.text')}>
      <Link className="button" to={to} data-testid={`open-${id}`}>{t('joining.card.open')}</Link>
      {rosterTo && <Link className="button" to={rosterTo} data-testid={`open-${id}-roster`}>{t('joining.card.roster')}</Link>}
    </HomeCard>
  );
}
