/** Accounts and tenancy: organisations, users, sessions. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A municipality (code = CBS code, e.g. GM0344) or a partner organisation (code chosen by an admin). */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['municipality', 'partner'] }).notNull(),
    /** Partner organisations belong to the municipality they work in (nullable for national ones). */
    municipalityCode: text('municipality_code'),
    /** Free text kept from before partner kinds existed (e.g. 'wonen'); shown as a note. */
    sector: text('sector'),
    /** What a partner is (core/coalition/organisation-kinds.ts PARTNER_KINDS); null for a municipality. */
    partnerKind: text('partner_kind'),
    /** The policy domains it works in (core/coalition/domains.ts COALITION_DOMAINS). */
    domains: text('domains').array().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_code_key').on(t.code),
    index('organisations_municipality_idx').on(t.municipalityCode),
  ],
);

/** Account-level role: `admin` is the platform administrator; the others are the default role of a
 * user on the approaches of their own municipality (explicit approach memberships override it). */
export const ACCOUNT_ROLES = ['admin', 'coordinator', 'partner', 'viewer'] as const;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: ACCOUNT_ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    isDisabled: boolean('is_disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The identity provider's issuer and subject once the account logged in through OpenID Connect. */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_organisation_idx').on(t.organisationId),
    uniqueIndex('users_oidc_subject_key').on(t.oidcIssuer, t.oidcSubject),
  ],
);

/**
 * A login through the identity provider between the redirect and the callback (at most 10 minutes):
 * the browser holds a random id in a cookie, only its SHA-256 is stored; used once.
 */
export const oidcLoginAttempts = pgTable('oidc_login_attempts', {
  idHash: text('id_hash').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  /** A path inside the app to go to after the login. */
  returnPath: text('return_path').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Server-side sessions. Only a SHA-256 hash of the cookie token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
