import { useTranslation } from 'react-i18next';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { ComingSoonCard } from '../shared/ui/ComingSoonCard';

export function VolunteerHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="VOLUNTEER" assignments={assignments}>
      <ComingSoonCard id="volunteer-shifts" title={t('volunteer.shifts.title')} text={t('volunteer.shifts.text')} />
      <ComingSoonCard id="volunteer-check-in" title={t('volunteer.checkIn.title')} text={t('volunteer.checkIn.text')} />
      <ComingSoonCard id="volunteer-passbook" title={t('volunteer.passbook.title')} text={t('volunteer.passbook.text')} />
      <ComingSoonCard id="volunteer-redeem" title={t('volunteer.redeem.title')} text={t('volunteer.redeem.text')} />
      <ComingSoonCard id="volunteer-badges" title={t('volunteer.badges.title')} text={t('volunteer.badges.text')} />
    </AreaSection>
  );
}
