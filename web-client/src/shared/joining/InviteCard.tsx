import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A home screen's card to invite residents (and, for administrators, to import the office's roster). */
export function InviteCard({ id, to, rosterTo }: { id: string; to: string; rosterTo?: string }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid={`card-${id}`}>
      <h3 className="card-title">{t('joining.card.title')}</h3>
      <p className="card-text">{t('joining.card.text')}</p>
      <Link className="button" to={to} data-testid={`open-${id}`}>{t('joining.card.open')}</Link>
      {rosterTo && <Link className="button" to={rosterTo} data-testid={`open-${id}-roster`}>{t('joining.card.roster')}</Link>}
    </li>
  );
}
