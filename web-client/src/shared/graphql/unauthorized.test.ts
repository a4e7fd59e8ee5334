import { describe, expect, it } from 'vitest';
import { isUnauthorized, isUnauthorizedClose } from './unauthorized';

describe('isUnauthorized', () => {
  it('signs out on a top-level error classified UNAUTHORIZED', () => {
    expect(isUnauthorized({ graphQLErrors: [{ extensions: { classification: 'UNAUTHORIZED' } }] })).toBe(true);
  });

  it('signs out on HTTP 401', () => {
    expect(isUnauthorized({ graphQLErrors: [], response: { status: 401 } })).toBe(true);
  });

  it('keeps the session for FORBIDDEN, business errors and server faults', () => {
    expect(isUnauthorized({ graphQLErrors: [{ extensions: { classification: 'FORBIDDEN' } }] })).toBe(false);
    expect(isUnauthorized({ graphQLErrors: [{ extensions: { classification: 'BAD_REQUEST' } }] })).toBe(false);
    expect(isUnauthorized({ graphQLErrors: [{ extensions: null }], response: { status: 500 } })).toBe(false);
    expect(isUnauthorized({ graphQLErrors: [], response: { status: 403 } })).toBe(false);
  });

  it('recognises a refused WebSocket connection_init', () => {
    expect(isUnauthorizedClose(4401)).toBe(true);
    expect(isUnauthorizedClose(4403)).toBe(true);
    expect(isUnauthorizedClose(1000)).toBe(false);
    expect(isUnauthorizedClose(undefined)).toBe(false);
  });
});
