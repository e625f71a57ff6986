/**
 * Configuration from the environment, validated at start-up: a bad setting stops the server with
 * one clear line naming the variable.
 */
import { z } from 'zod';
import { OIDC_CALLBACK_PATH, oidcEnvSchema, readOidcConfig, type OidcConfig } from './oidc-config.ts';

export { OIDC_CALLBACK_PATH };

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    WIJKKOMPAS_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
      .optional(),
    /** Secure cookies need HTTPS; off by default for http://localhost. */
    WIJKKOMPAS_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
    WIJKKOMPAS_SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    WIJKKOMPAS_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Where people reach the app; the base of links in e-mails (never taken from a request's Host). */
    WIJKKOMPAS_PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        message: 'moet een http(s)-adres zijn, bv. https://wijkkompas.gemeente.nl',
      })
      .optional(),
    /** SMTP server for invitations and password resets, e.g. smtps://user:pass@mail.example:465. */
    WIJKKOMPAS_SMTP_URL: z
      .url({ protocol: /^smtps?$/, message: 'moet beginnen met smtp:// of smtps://' })
      .optional(),
    WIJKKOMPAS_MAIL_FROM: z
      .string()
      .regex(
        /^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/,
        'moet een afzender zijn, bv. Wijkkompas <noreply@gemeente.nl>',
      )
      .default('Wijkkompas <noreply@wijkkompas.invalid>'),
    ...oidcEnvSchema.shape,
  })
  .refine((e) => !e.WIJKKOMPAS_SMTP_URL || e.WIJKKOMPAS_PUBLIC_URL, {
    path: ['WIJKKOMPAS_PUBLIC_URL'],
    message: 'is verplicht als WIJKKOMPAS_SMTP_URL is gezet (de links in de e-mails)',
  });

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secureCookies: boolean;
  sessionHours: number;
  logLevel: string;
  /** Base URL of links in e-mails and of the links shown to inviters (no trailing slash). */
  publicUrl: string | undefined;
  mail: { smtpUrl: string; from: string } | undefined;
  /** Staff login through the organisation's identity provider; null when not configured. */
  oidc: OidcConfig | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const fail = (lines: string[]) =>
    new ConfigError(`Ongeldige configuratie / invalid configuration: ${lines.join('; ')}`);
  if (!parsed.success) throw fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const oidc = readOidcConfig(e);
  if (!oidc.ok) throw fail(oidc.problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.WIJKKOMPAS_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    secureCookies: e.WIJKKOMPAS_SECURE_COOKIES === 'true',
    sessionHours: e.WIJKKOMPAS_SESSION_HOURS,
    logLevel: e.WIJKKOMPAS_LOG_LEVEL,
    publicUrl: e.WIJKKOMPAS_PUBLIC_URL?.replace(/\/+$/, ''),
    mail: e.WIJKKOMPAS_SMTP_URL
      ? { smtpUrl: e.WIJKKOMPAS_SMTP_URL, from: e.WIJKKOMPAS_MAIL_FROM }
      : undefined,
    oidc: oidc.config,
  };
}
