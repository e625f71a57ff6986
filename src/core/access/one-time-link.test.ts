import { describe, expect, it } from 'vitest';
import { computeExpiry, computeLinkState, INVITATION_LIFETIME_HOURS } from './one-time-link.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('computeLinkState', () => {
  it('is open before expiry, expired from the expiry instant on', () => {
    const expiresAt = new Date('2026-03-10T12:00:01Z');
    expect(computeLinkState({ usedAt: null, expiresAt }, NOW)).toBe('open');
    expect(computeLinkState({ usedAt: null, expiresAt: NOW }, NOW)).toBe('expired');
  });
  it('reports use before withdrawal and expiry', () => {
    const past = new Date('2026-03-01T00:00:00Z');
    expect(computeLinkState({ usedAt: past, revokedAt: past, expiresAt: past }, NOW)).toBe('used');
    expect(computeLinkState({ usedAt: null, revokedAt: past, expiresAt: past }, NOW)).toBe('revoked');
  });
});

describe('computeExpiry', () => {
  it('puts an invitation 7 days (168 hours) ahead', () => {
    expect(computeExpiry(NOW, INVITATION_LIFETIME_HOURS).toISOString()).toBe('2026-03-17T12:00:00.000Z');
  });
});
