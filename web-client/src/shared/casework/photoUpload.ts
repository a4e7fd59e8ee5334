import { sessionStore } from '../auth/SessionProvider';
import { currentLanguage } from '../../i18n/i18n';

/** Where the server takes a case photo (multipart, field `photo`) and answers `{ id, url }`. */
export const PHOTO_UPLOAD_PATH = '/api/casework/photos';

/** What became of one photo upload: its ID, "try again later" (no network, server away), or a refusal to show. */
export type PhotoUpload =
  | { kind: 'uploaded'; id: string; url: string }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string | null };

/** Headers of a request outside GraphQL: the person's token and language, as the GraphQL client sends them. */
export function restHeaders(): Record<string, string> {
  const token = sessionStore.token();
  return { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Accept-Language': currentLanguage() };
}

/**
 * Uploads one photo. A 4xx answer is the server refusing this photo (not an image, too large), and
 * sending it again would not help; anything else is treated as "not now", to be tried again.
 */
export async function uploadCasePhoto(photo: Blob, fetcher: typeof fetch = fetch): Promise<PhotoUpload> {
  const body = new FormData();
  body.append('photo', photo, photo instanceof File ? photo.name : 'photo.jpg');
  let response: Response;
  try {
    response = await fetcher(PHOTO_UPLOAD_PATH, { method: 'POST', body, headers: restHeaders() });
  } catch {
    return { kind: 'offline' };
  }
  if (response.ok) {
    const uploaded = (await response.json()) as { id: string; url: string };
    return { kind: 'uploaded', id: uploaded.id, url: uploaded.url };
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 429) {
    return { kind: 'refused', message: await refusalMessage(response) };
  }
  return { kind: 'offline' };
}

async function refusalMessage(response: Response): Promise<string | null> {
  try {
    // the server's refusals read {"errors":[{"message", "extensions":{"code"}}]}, the message in the person's language
    const body = (await response.json()) as { errors?: { message?: unknown }[] };
    const message = body.errors?.[0]?.message;
    return typeof message === 'string' && message.length > 0 ? message : null;
  } catch {
    return null;
  }
}
