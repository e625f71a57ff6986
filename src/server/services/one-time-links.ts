/**
 * One-time link tokens (decision 0701): 256 random bits, base64url, handed out once; only the
 * SHA-256 hash is stored, so a database copy holds no usable link. Web paths of the links.
 */
import { randomBytes } from 'node:crypto';
import { hashToken } from './auth.service.ts';

export const INVITATION_PATH = '/uitnodiging';
export const PASSWORD_RESET_PATH = '/wachtwoord-herstellen';

export function createLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** Tokens are base64url (43 characters for 32 bytes); anything else is unknown without a lookup. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function buildLink(baseUrl: string, path: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}/${token}`;
}

export const ROLE_LABELS: Record<'coordinator' | 'partner' | 'viewer', string> = {
  coordinator: 'coördinator',
  partner: 'partner',
  viewer: 'kijker',
};

/** Dutch date and time of an expiry, for e-mails. */
export function formatExpiry(at: Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(at);
}
