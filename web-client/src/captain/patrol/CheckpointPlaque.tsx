import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A checkpoint's plaque as the captain prints it: the QR code that volunteers scan, and the code to type. */
export function CheckpointPlaque({ name, code }: { name: string; code: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    // the QR code carries the code itself, exactly as it is typed
    QRCode.toDataURL(code, { width: 200, margin: 2, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [code]);

  return (
    <figure className="patrol-plaque" data-testid="checkpoint-plaque">
      {qr && <img src={qr} alt={t('patrol.roster.plaqueQr', { name })} data-testid="checkpoint-plaque-qr" />}
      <figcaption className="patrol-detail">
        {t('patrol.roster.checkpoint', { name })} <span className="patrol-url">{code}</span>
      </figcaption>
    </figure>
  );
}
