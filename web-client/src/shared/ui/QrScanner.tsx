import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './qrScanner.css';

/** Where the camera stands: opening, showing its picture and reading, or why it cannot. */
export type CameraState = 'opening' | 'scanning' | 'denied' | 'noCamera';

/** How long the reader rests between two frames without a code (ms). */
const SCAN_INTERVAL = 200;

/**
 * Whether this browser can open a camera at all: any browser on a secure page (https or localhost).
 * Decoding is done by the app itself (ZXing in WebAssembly), so no Barcode Detection API is needed.
 */
export function canScan(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** A refusal by the person or the browser's settings, rather than a missing or busy camera. */
function isRefusal(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError';
}

/**
 * Shows the back camera (the front one if it has no other) in `video` and hands the text of
 * the first QR code read to `onCode`, once. The camera is released when a code is read and
 * when the component using it goes away.
 *
 * A frame without a readable code, or no frame yet, just means trying again a moment later: the
 * person is never left looking at a camera that no longer reads.
 */
export function useQrScanner(video: RefObject<HTMLVideoElement | null>, onCode: (text: string) => void): CameraState {
  const [state, setState] = useState<CameraState>('opening');
  const handler = useRef(onCode);
  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const release = () => {
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      if (video.current) video.current.srcObject = null;
    };

    async function start() {
      if (!canScan()) {
        setState('noCamera');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        if (!done) setState(isRefusal(error) ? 'denied' : 'noCamera');
        return;
      }
      const preview = video.current;
      if (done || !preview) {
        release();
        return;
      }
      let readQrCode: (image: ImageData) => Promise<string | null>;
      try {
        // the decoder is a chunk of this app of its own, with its WebAssembly, fetched from this server on first use
        const reader = await import('./qrReader');
        await reader.loadQrReader();
        readQrCode = reader.readQrCode;
      } catch {
        release();
        if (!done) setState('noCamera');
        return;
      }
      if (done) {
        release();
        return;
      }
      preview.srcObject = stream;
      // the element also plays by itself (autoPlay) as soon as it can, should this first call be refused
      preview.play().catch(() => undefined);
      setState('scanning');

      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      const read = async () => {
        if (done || !context) return;
        let text: string | null = null;
        try {
          if (preview.paused) preview.play().catch(() => undefined);
          if (preview.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && preview.videoWidth > 0) {
            canvas.width = preview.videoWidth;
            canvas.height = preview.videoHeight;
            context.drawImage(preview, 0, 0, canvas.width, canvas.height);
            text = await readQrCode(context.getImageData(0, 0, canvas.width, canvas.height));
          }
        } catch {
          // no frame yet, or one the decoder could not take
        }
        if (done) return;
        if (text !== null) {
          done = true;
          release();
          handler.current(text);
          return;
        }
        timer = setTimeout(() => void read(), SCAN_INTERVAL);
      };
      void read();
    }

    void start();
    return () => {
      done = true;
      release();
    };
  }, [video]);

  return state;
}

interface Props {
  /** Called once with the text of the first QR code read. */
  onCode: (text: string) => void;
  /** Closes the camera; the screen goes back to typing. */
  onClose: () => void;
  /** What to do: e.g. "Point the camera at the volunteer's QR code". */
  hint: string;
  /** The button that closes the camera, e.g. "Type the code instead". */
  closeLabel: string;
  testId?: string;
}

/** The camera's picture with a frame to aim with, or a clear message when it cannot be opened. */
export function QrScanner({ onCode, onClose, hint, closeLabel, testId = 'qr-scanner' }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const state = useQrScanner(video, onCode);
  const problem = state === 'denied' || state === 'noCamera';

  return (
    <section className="qr-scanner" data-testid={testId} data-state={state}>
      {problem ? (
        <p className="problem" role="alert" data-testid="qr-scanner-problem">
          {t(state === 'denied' ? 'scanner.denied' : 'scanner.noCamera')}
        </p>
      ) : (
        <>
          <div className="qr-scanner-view">
            <video ref={video} muted playsInline autoPlay aria-label={hint} />
            <span className="qr-scanner-aim" aria-hidden="true" />
          </div>
          <p className="intro" role="status">{state === 'opening' ? t('scanner.opening') : hint}</p>
        </>
      )}
      <button type="button" className="button" onClick={onClose} data-testid="qr-scanner-close">{closeLabel}</button>
    </section>
  );
}
