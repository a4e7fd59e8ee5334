import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LoadError } from '../../shared/ui/LoadError';
import { certificateYears, serviceHours, serviceSpan } from './certificate';
import { ServiceRecordQuery } from './operations';
import './certificate.css';

/**
 * The volunteer service certificate (志愿服务记录证明) of verified patrol service, laid out like the
 * paper ones volunteer organisations issue, to print on A4 or save as PDF from the print dialog.
 */
export function ServiceCertificateScreen() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: ServiceRecordQuery, requestPolicy: 'network-only' });
  const record = data?.serviceRecord;
  if (!record) {
    return error
      ? <main className="content"><LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></main>
      : <p className="notice">{t('app.loading')}</p>;
  }
  const years = certificateYears(record.lines);
  const span = serviceSpan(record.lines);
  const communities = [...new Set(record.lines.map((line) => line.community.name))];
  return (
    <main className="certificate" data-testid="certificate">
      <div className="print-controls">
        <Link to="/volunteer/achievements">{t('timebank.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()} data-testid="certificate-print">
          {t('gamification.certificate.print')}
        </button>
      </div>
      <h1 className="certificate-title">{t('gamification.certificate.title')}</h1>
      <p className="certificate-statement" data-testid="certificate-statement">
        {span
          ? t(span.from === span.to ? 'gamification.certificate.statementOneYear' : 'gamification.certificate.statement', {
            name: record.account.displayName, from: span.from, to: span.to,
            communities: communities.join(t('gamification.certificate.and')), hours: serviceHours(record.totalMinutes),
          })
          : t('gamification.certificate.none', { name: record.account.displayName })}
      </p>
      {years.length > 0 && (
        <table className="certificate-table" data-testid="certificate-table">
          <thead>
            <tr>
              <th scope="col">{t('gamification.certificate.year')}</th>
              <th scope="col">{t('gamification.certificate.community')}</th>
              <th scope="col">{t('gamification.certificate.team')}</th>
              <th scope="col">{t('gamification.certificate.patrols')}</th>
              <th scope="col">{t('gamification.certificate.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {years.flatMap((year) => [
              ...year.lines.map((line) => (
                <tr key={`${line.year}-${line.community.id}-${line.team?.id ?? 'none'}`} data-testid="certificate-line">
                  <td>{line.year}</td>
                  <td>{line.community.name}</td>
                  <td>{line.team?.name ?? t('gamification.certificate.noTeam')}</td>
                  <td className="figure">{line.patrols}</td>
                  <td className="figure">{serviceHours(line.verifiedMinutes)}</td>
                </tr>
              )),
              year.lines.length > 1 && (
                <tr key={`${year.year}-total`} className="certificate-subtotal">
                  <th scope="row" colSpan={3}>{t('gamification.certificate.yearTotal', { year: year.year })}</th>
                  <td className="figure">{year.patrols}</td>
                  <td className="figure">{serviceHours(year.minutes)}</td>
                </tr>
              ),
            ])}
            <tr className="certificate-total">
              <th scope="row" colSpan={4}>{t('gamification.certificate.total')}</th>
              <td className="figure" data-testid="certificate-total">{serviceHours(record.totalMinutes)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <p className="certificate-note">{t('gamification.certificate.note')}</p>
      <div className="certificate-issuer">
        <p>{communities.join(t('gamification.certificate.and'))}</p>
        <p>{t('gamification.certificate.seal')}</p>
        <p>{t('gamification.certificate.issued', { date: new Date(record.issuedAt).toLocaleDateString(i18n.language, { dateStyle: 'long' }) })}</p>
      </div>
    </main>
  );
}
