import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS } from './reportQueue';

/** Up to four photos, taken with the phone's back camera (or picked), each with a large "remove" button. */
export function PhotoPicker({ photos, onChange }: { photos: File[]; onChange: (photos: File[]) => void }) {
  const { t } = useTranslation();
  const previews = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  return (
    <div className="field">
      <span className="field-label" id="photos-label">{t('casework.report.photos', { count: photos.length, max: MAX_PHOTOS })}</span>
      {photos.length > 0 && (
        <div className="photo-strip" data-testid="report-photos">
          {previews.map((url, i) => (
            <figure key={url}>
              <img src={url} alt={t('casework.report.photoAlt', { number: i + 1 })} />
              <button type="button" className="button" onClick={() => onChange(photos.filter((_, j) => j !== i))}
                aria-label={t('casework.report.removePhotoNamed', { number: i + 1 })}>
                {t('casework.report.removePhoto')}
              </button>
            </figure>
          ))}
        </div>
      )}
      {photos.length < MAX_PHOTOS && (
        <label className="photo-take" data-testid="take-photo">
          {t('casework.report.takePhoto')}
          <input className="visually-hidden" type="file" accept="image/*" capture="environment" data-testid="photo-input"
            aria-describedby="photos-label"
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []).filter((f) => f.type.startsWith('image/') || f.type === '');
              onChange([...photos, ...chosen].slice(0, MAX_PHOTOS));
              e.target.value = '';
            }} />
        </label>
      )}
    </div>
  );
}
