import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The part of the Barcode Detection API used here (Chrome on Android, Safari 17+ behind a flag). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return candidate && typeof navigator.mediaDevices?.getUserMedia === 'function' ? candidate : null;
}

/** Whether this phone's browser can scan QR codes with its camera. */
export function canScan(): boolean {
  return detectorClass() !== null;
}

interface Props {
  onCode: (code: string) => void;
  onClose: () => void;
}

/** Opens the back camera and reports the first QR code it reads; typing the short code always works too. */
export function QrScanner({ onCode, onClose }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return undefined;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (camera) => {
        stream = camera;
        if (stopped || !video.current) return;
        video.current.srcObject = camera;
        await video.current.play();
        timer = window.setInterval(async () => {
          if (!video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          if (found.length > 0 && !stopped) {
            stopped = true;
            onCode(found[0].rawValue);
          }
        }, 300);
      })
      .catch(() => setProblem(true));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode]);

  return (
    <section className="redeem-code" data-testid="counter-scanner">
      {problem ? <p className="problem" role="alert">{t('counter.noCamera')}</p>
        : <video ref={video} className="redeem-qr" muted playsInline />}
      <button type="button" className="button" onClick={onClose}>{t('counter.typeInstead')}</button>
    </section>
  );
}
