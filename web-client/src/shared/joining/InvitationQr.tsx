import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinUrl, spacedInvitationCode } from './joinUrl';

/** An invitation's QR code (the join address) and its code in large type, to show or print. */
export function InvitationQr({ code, name }: { code: string; name?: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(joinUrl(code), { width: 320, margin: 2, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [code]);
  return (
    <div className="invitation-qr" data-testid="invitation-qr">
      {name && <p className="invitation-qr-name">{name}</p>}
      {qr && <img className="invitation-qr-image" src={qr} alt={t('joining.qrAlt')} />}
      <p className="invitation-code" data-testid="invitation-code" aria-label={code.split('').join(' ')}>
        {spacedInvitationCode(code)}
      </p>
      <p className="invitation-url">{joinUrl(code)}</p>
    </div>
  );
}
