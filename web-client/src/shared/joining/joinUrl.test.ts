import { describe, expect, it } from 'vitest';
import { joinUrl, spacedInvitationCode } from './joinUrl';

describe('invitation codes on screen', () => {
  it('puts the code in the join address', () => {
    expect(joinUrl('ABCD2345', 'https://qibao.example')).toBe('https://qibao.example/join/ABCD2345');
  });

  it('shows a code in two groups of four', () => {
    expect(spacedInvitationCode('ABCD2345')).toBe('ABCD 2345');
    expect(spacedInvitationCode('ABC')).toBe('ABC');
  });
});
