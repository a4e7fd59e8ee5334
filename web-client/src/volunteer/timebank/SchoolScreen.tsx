import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../shared/ui/Page';
import { CourseEnrollMutation, CourseEnrolmentCancelMutation, PassbookQuery, SchoolCoursesQuery } from './operations';
import { hoursAndMinutes, newRequestKey } from './requestKey';
import './timebank.css';
import { LoadError } from '../../shared/ui/LoadError';

/** The community school's upcoming courses: take a seat for minutes, or give it back before it starts. */
export function SchoolScreen() {
  const { t } = useTranslation();
  const [{ data: passbookData, error: passbookError }, refetchPassbook] = useQuery({ query: PassbookQuery, variables: { first: 1 } });
  const passbook = passbookData?.passbook;
  const schoolId = passbook?.community.school?.id;
  const [{ data, error }, refetch] = useQuery({ query: SchoolCoursesQuery, variables: { schoolId: schoolId ?? '' }, pause: !schoolId });
  const school = data?.node && 'courses' in data.node ? data.node : null;
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);

  return (
    <Page>
      <nav className="back">
        <Link to="/volunteer">{t('timebank.back')}</Link>
      </nav>
      <h1>{school?.name ?? t('timebank.school.title')}</h1>
      <LoadError error={passbookError} retry={() => refetchPassbook({ requestPolicy: 'network-only' })} />
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {passbook && (
        <p className="timebank-available" data-testid="school-available">
          {t('timebank.school.available', { available: hoursAndMinutes(passbook.available, t) })}
        </p>
      )}
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="school-message">
          {message.text}
        </p>
      )}
      {school && school.courses.length === 0 && <p className="notice">{t('timebank.school.none')}</p>}
      <ul className="cards">
        {school?.courses.map((course) => (
          <CourseCard key={course.id} course={course} onDone={(text, problem) => {
            setMessage({ text, problem });
            refetchPassbook({ requestPolicy: 'network-only' });
          }} />
        ))}
      </ul>
    </Page>
  );
}

interface CourseProps {
  course: {
    id: string;
    title: string;
    startsAt: unknown;
    seats: number;
    seatsLeft: number;
    priceMinutes: number;
    myEnrolment?: { cancellable: boolean } | null;
  };
  onDone: (message: string, problem: boolean) => void;
}

function CourseCard({ course, onDone }: CourseProps) {
  const { t, i18n } = useTranslation();
  // one key per intention, kept until the server answers, so a retried tap never pays twice
  const [key, setKey] = useState(newRequestKey);
  const [{ fetching: enrolling }, enrol] = useMutation(CourseEnrollMutation);
  const [{ fetching: cancelling }, cancel] = useMutation(CourseEnrolmentCancelMutation);
  const enrolled = Boolean(course.myEnrolment);

  async function act() {
    const input = { courseId: course.id, idempotencyKey: key };
    const result = enrolled ? await cancel({ input }) : await enrol({ input });
    if (result.error) {
      onDone(t('errors.network'), true);
      return;
    }
    const payload = result.data && ('courseEnroll' in result.data ? result.data.courseEnroll : result.data.courseEnrolmentCancel);
    setKey(newRequestKey());
    if (payload && payload.userErrors.length > 0) onDone(payload.userErrors[0].message, true);
    else onDone(t(enrolled ? 'timebank.school.cancelled' : 'timebank.school.enrolled', { title: course.title }), false);
  }

  return (
    <li className="card course" data-testid="course" data-title={course.title}>
      <h3 className="card-title">{course.title}</h3>
      <p className="card-text">
        {new Date(course.startsAt as string).toLocaleString(i18n.language, { dateStyle: 'full', timeStyle: 'short' })}
      </p>
      <p className="card-text">
        {t('timebank.school.price', { price: hoursAndMinutes(course.priceMinutes, t) })} ·{' '}
        {t('timebank.school.seatsLeft', { left: course.seatsLeft, seats: course.seats })}
      </p>
      {enrolled && <p className="card-status" data-testid="course-enrolled">{t('timebank.school.youAreEnrolled')}</p>}
      {(enrolled ? course.myEnrolment?.cancellable : course.seatsLeft > 0) && (
        <button type="button" className={enrolled ? 'button' : 'button primary'} disabled={enrolling || cancelling}
          onClick={act} data-testid={enrolled ? 'course-cancel' : 'course-enrol'}>
          {t(enrolled ? 'timebank.school.cancel' : 'timebank.school.enrol')}
        </button>
      )}
    </li>
  );
}
