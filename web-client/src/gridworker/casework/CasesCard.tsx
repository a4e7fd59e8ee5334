import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeCard } from '../../shared/ui/HomeCard';

/** The grid worker home's way into the case board. */
export function CasesCard() {
  const { t } = useTranslation();
  return (
    <HomeCard id="gridworker-cases" title={t('gridworker.cases.title')} text={t('gridworker.cases.text')}>
      <Link className="button primary" to="/grid-worker/cases" data-testid="open-case-board">{t('casework.board.openBoard')}</Link>
      <Link className="button" to="/grid-worker/case-kpis" data-testid="open-case-kpis">{t('casework.kpi.title')}</Link>
    </HomeCard>
  );
}
