import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The grid worker home's way into the case board. */
export function CasesCard() {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="card-gridworker-cases">
      <h3 className="card-title">{t('gridworker.cases.title')}</h3>
      <p className="card-text">{t('gridworker.cases.text')}</p>
      <Link className="button primary" to="/grid-worker/cases" data-testid="open-case-board">{t('casework.board.openBoard')}</Link>
      <Link className="button" to="/grid-worker/case-kpis" data-testid="open-case-kpis">{t('casework.kpi.title')}</Link>
    </li>
  );
}
