import { useEffect, useState } from 'react';
import { restHeaders } from './photoUpload';

/**
 * A case photo. Photos are served only to people allowed to see the case, so the picture is fetched
 * with the person's token (an <img src> cannot send it) and shown from memory.
 */
export function CasePhotoImage({ url, alt, className }: { url: string; alt: string; className?: string }) {
  const [source, setSource] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(url, { headers: restHeaders() })
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setSource(objectUrl);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (!source) {
    return <span className={`case-photo placeholder ${className ?? ''}`} role="img" aria-label={alt} data-failed={failed} />;
  }
  return <img className={`case-photo ${className ?? ''}`} src={source} alt={alt} data-testid="case-photo" />;
}
