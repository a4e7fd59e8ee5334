import { restHeaders } from '../../shared/casework/photoUpload';

/** Where the server takes a roster (multipart: `roster` the file, `communityId`) and answers `{ id }`. */
export const ROSTER_UPLOAD_PATH = '/api/identity/rosters';

export type RosterUpload = { kind: 'uploaded'; id: string } | { kind: 'refused'; message: string | null } | { kind: 'offline' };

/** Uploads a roster file for a preview; a refusal carries the server's message in the person's language. */
export async function uploadRoster(file: File, communityId: string, fetcher: typeof fetch = fetch): Promise<RosterUpload> {
  const body = new FormData();
  body.append('roster', file, file.name);
  body.append('communityId', communityId);
  let response: Response;
  try {
    response = await fetcher(ROSTER_UPLOAD_PATH, { method: 'POST', body, headers: restHeaders() });
  } catch {
    return { kind: 'offline' };
  }
  if (response.ok) return { kind: 'uploaded', id: ((await response.json()) as { id: string }).id };
  try {
    const answer = (await response.json()) as { errors?: { message?: unknown }[] };
    const message = answer.errors?.[0]?.message;
    return { kind: 'refused', message: typeof message === 'string' && message ? message : null };
  } catch {
    return { kind: 'refused', message: null };
  }
}
