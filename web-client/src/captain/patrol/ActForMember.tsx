import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { PositionReporting } from '../../volunteer/PositionReporting';
import { flushPositions } from '../../volunteer/positionSender';
import { currentPosition } from '../../volunteer/patrol/time';
import { ActForCheckInMutation, ActForCheckOutMutation } from './operations';
import type { useOutcome } from './useOutcome';

interface Props {
  shiftId: string;
  volunteer: { id: string; displayName: string };
  checkIn: { id: string; checkedOutAt?: string | null } | null | undefined;
  report: ReturnType<typeof useOutcome>['report'];
}

/**
 * Checks a member without a smartphone in or out on their behalf, with the captain's own
 * position (the captain walks with them); the check-in records who reported it. While the member
 * is checked in, the captain's phone reports its position for them, so that their patrol is
 * credited from it like anyone's; the positions still queued go before the check-out.
 */
export function ActForMember({ shiftId, volunteer, checkIn, report }: Props) {
  const { t } = useTranslation();
  const [, checkInFor] = useMutation(ActForCheckInMutation);
  const [, checkOutFor] = useMutation(ActForCheckOutMutation);
  const client = useClient();
  if (checkIn?.checkedOutAt) {
    return <span className="patrol-badge">{t('patrol.actFor.done', { name: volunteer.displayName })}</span>;
  }

  async function act() {
    try {
      const fix = await currentPosition();
      const input = { shiftId, forAccountId: volunteer.id, accuracy: fix.accuracy,
        position: { longitude: fix.longitude, latitude: fix.latitude } };
      if (checkIn) {
        await flushPositions(client, volunteer.id);
        await report(checkOutFor({ input }).then((r) => r.data?.shiftCheckOut), t('patrol.actFor.checkedOut', { name: volunteer.displayName }));
      } else {
        await report(checkInFor({ input }).then((r) => r.data?.shiftCheckIn), t('patrol.actFor.checkedIn', { name: volunteer.displayName }));
      }
    } catch {
      await report(Promise.resolve({ userErrors: [{ message: t('patrol.checkIn.noFix') }] }), '');
    }
  }

  return (
    <>
      {checkIn && <PositionReporting active forAccountId={volunteer.id} />}
      <button type="button" className="button" data-testid="act-for" onClick={() => void act()}>
        {checkIn ? t('patrol.actFor.checkOut', { name: volunteer.displayName }) : t('patrol.actFor.checkIn', { name: volunteer.displayName })}
      </button>
    </>
  );
}
