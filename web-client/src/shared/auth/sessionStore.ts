import type { KeyValueStorage } from '../storage';

/** localStorage keys: the bearer token from accountLogin, and when it stops being accepted. */
export const TOKEN_KEY = 'qibao.token';
export const TOKEN_EXPIRES_KEY = 'qibao.tokenExpiresAt';

/** Why a session ended: the person signed out, or the server no longer accepted the token. */
export type SessionEnd = 'signedOut' | 'expired';

type Listener = (token: string | null, ended: SessionEnd | null) => void;

/**
 * Keeps the bearer token across page loads and tells the app when it changes. A token whose
 * `expiresAt` has passed is dropped on reading, so the app does not send one the server will refuse.
 */
export class SessionStore {
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {}

  token(): string | null {
    const token = this.storage.getItem(TOKEN_KEY);
    if (!token) return null;
    const expiresAt = Date.parse(this.storage.getItem(TOKEN_EXPIRES_KEY) ?? '');
    if (!Number.isNaN(expiresAt) && expiresAt <= this.now()) {
      this.remove();
      return null;
    }
    return token;
  }

  save(token: string, expiresAt: string | null | undefined): void {
    this.storage.setItem(TOKEN_KEY, token);
    if (expiresAt) this.storage.setItem(TOKEN_EXPIRES_KEY, expiresAt);
    else this.storage.removeItem(TOKEN_EXPIRES_KEY);
    this.notify(token, null);
  }

  /** Drops the token; listeners hear about it only if there was one, so repeated refusals end a session once. */
  end(reason: SessionEnd): void {
    if (this.storage.getItem(TOKEN_KEY) === null) return;
    this.remove();
    this.notify(null, reason);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private remove(): void {
    this.storage.removeItem(TOKEN_KEY);
    this.storage.removeItem(TOKEN_EXPIRES_KEY);
  }

  private notify(token: string | null, ended: SessionEnd | null): void {
    this.listeners.forEach((listener) => listener(token, ended));
  }
}
