// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { uploadCasePhoto } from './photoUpload';

function answering(status: number, body: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as typeof fetch;
}

describe('uploading a case photo', () => {
  const photo = new Blob(['jpeg'], { type: 'image/jpeg' });

  it('hands back the ID and address the server gave the photo', async () => {
    expect(await uploadCasePhoto(photo, answering(201, { id: 'p1', url: '/api/casework/photos/p1' })))
      .toEqual({ kind: 'uploaded', id: 'p1', url: '/api/casework/photos/p1' });
  });

  it('shows the server\'s own words when it refuses the photo', async () => {
    const refusal = { errors: [{ message: '这不是照片。', extensions: { code: 'NOT_AN_IMAGE' } }] };
    expect(await uploadCasePhoto(photo, answering(415, refusal))).toEqual({ kind: 'refused', message: '这不是照片。' });
  });

  it('tries again later when there is no network, the server is away, or it asks to slow down', async () => {
    const down = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    expect(await uploadCasePhoto(photo, down)).toEqual({ kind: 'offline' });
    expect(await uploadCasePhoto(photo, answering(503, {}))).toEqual({ kind: 'offline' });
    expect(await uploadCasePhoto(photo, answering(429, {}))).toEqual({ kind: 'offline' });
  });
});
