import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../storage';
import { SessionStore, TOKEN_EXPIRES_KEY, TOKEN_KEY } from './sessionStore';

const noon = Date.parse('2026-11-27T12:00:00Z');

describe('SessionStore', () => {
  it('keeps a saved token across page loads', () => {
    const storage = memoryStorage();
    new SessionStore(storage, () => noon).save('abc', '2026-11-27T13:00:00Z');

    expect(new SessionStore(storage, () => noon).token()).toBe('abc');
  });

  it('drops a token whose expiry has passed instead of sending it', () => {
    const storage = memoryStorage();
    const store = new SessionStore(storage, () => noon);
    store.save('abc', '2026-11-27T11:59:59Z');

    expect(store.token()).toBeNull();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(storage.getItem(TOKEN_EXPIRES_KEY)).toBeNull();
  });

  it('keeps a token without an expiry until the server refuses it', () => {
    const store = new SessionStore(memoryStorage(), () => noon);
    store.save('abc', null);

    expect(store.token()).toBe('abc');
  });

  it('tells listeners once when the server refuses the token, however many requests fail', () => {
    const store = new SessionStore(memoryStorage(), () => noon);
    store.save('abc', null);
    const listener = vi.fn();
    store.subscribe(listener);

    store.end('expired');
    store.end('expired');

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(null, 'expired');
    expect(store.token()).toBeNull();
  });

  it('tells listeners about a new token after signing in', () => {
    const store = new SessionStore(memoryStorage(), () => noon);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.save('abc', '2026-11-28T12:00:00Z');
    unsubscribe();
    store.end('signedOut');

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('abc', null);
  });
});
