/**
 * Configuration from the environment, validated at start-up: a bad setting stops the server with
 * one clear line naming the variable.
 */
import { z } from 'zod';
import { OIDC_CALLBACK_PATH, oidcEnvSchema, readOidcConfig, type OidcConfig } from './oidc-config.ts';

export { OIDC_CALLBACK_PATH };

const envSchema = z.object({
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
  ...oidcEnvSchema.shape,
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secureCookies: boolean;
  sessionHours: number;
  logLevel: string;
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
    oidc: oidc.config,
  };
}
