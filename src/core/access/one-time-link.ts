/**
 * One-time links (invitations, password resets; decision 0701): a link works once, until it
 * expires, unless it was withdrawn. How long each kind lives is fixed here.
 */
export type OneTimeLinkState = 'open' | 'used' | 'expired' | 'revoked';

/** An invitation is passed on by the inviter or by e-mail and may wait a few days. */
export const INVITATION_LIFETIME_HOURS = 7 * 24;
/** A reset asked for by e-mail arrives at once: one hour. */
export const SELF_SERVICE_RESET_LIFETIME_HOURS = 1;
/** A reset link a coordinator makes is handed over by another channel: one working day. */
export const ISSUED_RESET_LIFETIME_HOURS = 24;

export function computeLinkState(
  link: { usedAt: Date | null; revokedAt?: Date | null; expiresAt: Date },
  now: Date,
): OneTimeLinkState {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

export function computeExpiry(now: Date, lifetimeHours: number): Date {
  return new Date(now.getTime() + lifetimeHours * 3_600_000);
}
