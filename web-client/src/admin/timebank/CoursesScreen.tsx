import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import './ledgerAdmin.css';
import { courseStart, wholeMinutes } from './ledgerForms';
import { CourseCreateMutation, SchoolCoursesAdminQuery } from './operations';
import { OutcomeMessage, useOutcome } from './useOutcome';

/** The community school's upcoming courses, and a form to add one: title, start, seats and price in minutes. */
export function CoursesScreen() {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: SchoolCoursesAdminQuery, variables: { communityId }, pause: !communityId });
  const school = data?.node?.__typename === 'Community' ? data.node.school : null;
  return (
    <Page>
      <div className="ledger-admin">
        <nav className="back">
          <Link to="/admin">{t('timebank.back')}</Link>
        </nav>
        <h1>{t('ledgerAdmin.courses.title', { school: school?.name ?? '' })}</h1>
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        {data && !school && <p className="problem" role="alert">{t('ledgerAdmin.courses.noSchool')}</p>}
        {school && <CourseForm schoolId={school.id} onCreated={() => refetch({ requestPolicy: 'network-only' })} />}
        {school && (
          <section aria-labelledby="courses-title">
            <h2 id="courses-title">{t('ledgerAdmin.courses.upcoming', { count: school.courses.length })}</h2>
            {school.courses.length === 0 && <p className="ledger-hint">{t('timebank.school.none')}</p>}
            <table className="ledger-table" data-testid="admin-courses">
              <thead>
                <tr>
                  <th scope="col">{t('ledgerAdmin.courses.courseTitle')}</th>
                  <th scope="col">{t('ledgerAdmin.courses.startsAt')}</th>
                  <th scope="col">{t('ledgerAdmin.courses.seats')}</th>
                  <th scope="col">{t('ledgerAdmin.courses.price')}</th>
                </tr>
              </thead>
              <tbody>
                {school.courses.map((course) => (
                  <tr key={course.id} data-testid="admin-course">
                    <td>{course.title}</td>
                    <td>{new Date(course.startsAt as string).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td>{t('timebank.school.seatsLeft', { left: course.seatsLeft, seats: course.seats })}</td>
                    <td>{course.priceMinutes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </Page>
  );
}

function CourseForm({ schoolId, onCreated }: { schoolId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [seats, setSeats] = useState('');
  const [price, setPrice] = useState('');
  const [{ fetching }, create] = useMutation(CourseCreateMutation);
  const { outcome, setOutcome, settle } = useOutcome();

  async function submit() {
    const start = courseStart(startsAt);
    const seatCount = wholeMinutes(seats);
    const minutes = wholeMinutes(price);
    if (!start || seatCount === null || minutes === null) {
      setOutcome({ text: t('ledgerAdmin.courses.incomplete'), problem: true });
      return;
    }
    const result = await create({ input: { schoolId, title, startsAt: start, seats: seatCount, priceMinutes: minutes } });
    if (settle(result.data?.courseCreate, t('ledgerAdmin.courses.created', { title: title.trim() }))) {
      setTitle('');
      onCreated();
    }
  }

  return (
    <form className="ledger-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-labelledby="course-new">
      <h2 id="course-new" className="wide">{t('ledgerAdmin.courses.add')}</h2>
      <label htmlFor="course-title" className="wide">
        {t('ledgerAdmin.courses.courseTitle')}
        <input id="course-title" value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} data-testid="course-title" />
      </label>
      <label htmlFor="course-starts">
        {t('ledgerAdmin.courses.startsAt')}
        <input id="course-starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} data-testid="course-starts" />
      </label>
      <label htmlFor="course-seats">
        {t('ledgerAdmin.courses.seats')}
        <input id="course-seats" inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} data-testid="course-seats" />
      </label>
      <label htmlFor="course-price">
        {t('ledgerAdmin.courses.price')}
        <input id="course-price" inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value)} data-testid="course-price" />
      </label>
      <button type="submit" className="button primary" disabled={fetching} data-testid="course-create">{t('ledgerAdmin.courses.create')}</button>
      <div className="wide"><OutcomeMessage outcome={outcome} testId="course-message" /></div>
    </form>
  );
}
