import { describe, expect, it } from 'vitest';
import { reportOutcome } from './reportOutcome';

const sent = { userErrors: [] };

describe('what a position report answer means for the queue', () => {
  it('forgets positions the server took', () => {
    expect(reportOutcome({ payload: sent })).toBe('sent');
  });

  it('keeps them when offline, when the live map is down or the server failed', () => {
    expect(reportOutcome({ error: { networkError: new Error('offline'), graphQLErrors: [] } })).toBe('keep');
    expect(reportOutcome({ payload: { userErrors: [{ code: 'LIVE_MAP_UNAVAILABLE' }] } })).toBe('keep');
    expect(reportOutcome({ error: { graphQLErrors: [{ extensions: { classification: 'INTERNAL_ERROR' } }] } })).toBe('keep');
    expect(reportOutcome({ error: { graphQLErrors: [{ extensions: { classification: 'UNAUTHORIZED' } }] } })).toBe('keep');
  });

  it('drops a batch refused as such, so that it cannot hold back every later position', () => {
    expect(reportOutcome({ error: { graphQLErrors: [{ extensions: { classification: 'ValidationError' } }] } })).toBe('refused');
    expect(reportOutcome({ error: { graphQLErrors: [{ extensions: { classification: 'BAD_REQUEST' } }] } })).toBe('refused');
    expect(reportOutcome({ payload: { userErrors: [{ code: 'BATCH_TOO_LARGE' }] } })).toBe('refused');
  });

  it('says when the check-in is over', () => {
    expect(reportOutcome({ payload: { userErrors: [{ code: 'NO_OPEN_CHECK_IN' }] } })).toBe('notCheckedIn');
  });
});
