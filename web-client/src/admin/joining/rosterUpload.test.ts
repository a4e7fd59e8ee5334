// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { uploadRoster } from './rosterUpload';

const answering = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as typeof fetch;

describe('roster upload', () => {
  const file = new File(['name,phone\n'], 'roster.csv', { type: 'text/csv' });

  it('answers the preview id', async () => {
    expect(await uploadRoster(file, 'c1', answering(201, { id: 'r1' }))).toEqual({ kind: 'uploaded', id: 'r1' });
  });

  it('passes on the server refusal message', async () => {
    const refusal = { errors: [{ message: 'The file is too large', extensions: { code: 'ROSTER_TOO_LARGE' } }] };
    expect(await uploadRoster(file, 'c1', answering(400, refusal))).toEqual({ kind: 'refused', message: 'The file is too large' });
  });

  it('says offline when the request fails', async () => {
    const failing = (async () => { throw new TypeError('offline'); }) as typeof fetch;
    expect(await uploadRoster(file, 'c1', failing)).toEqual({ kind: 'offline' });
  });
});
