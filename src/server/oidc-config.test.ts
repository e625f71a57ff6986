import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const base = {
  WIJKKOMPAS_OIDC_ISSUER: 'https://login.gemeente.example',
  WIJKKOMPAS_OIDC_CLIENT_ID: 'wijkkompas',
  WIJKKOMPAS_OIDC_CLIENT_SECRET: 'sixteen-characters-at-least',
  WIJKKOMPAS_OIDC_REDIRECT_URL: 'https://wijkkompas.gemeente.example/api/v1/oidc/callback',
  WIJKKOMPAS_OIDC_ORGANISATION_CLAIM: 'organisation',
  WIJKKOMPAS_OIDC_ORGANISATIONS: 'GM0344=GM0344:provision-viewer; corporatie=PARTNER-1:match',
};

const problemOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('OpenID Connect configuration', () => {
  it('is off without any WIJKKOMPAS_OIDC_ variable', () => {
    expect(loadConfig({}).oidc).toBeNull();
  });

  it('reads a complete configuration with a client secret and the organisation rules', () => {
    const oidc = loadConfig(base).oidc!;
    expect(oidc.clientAuth).toEqual({
      method: 'client_secret_basic',
      secret: base.WIJKKOMPAS_OIDC_CLIENT_SECRET,
    });
    expect(oidc.scope).toBe('openid profile email');
    expect(oidc.organisations).toEqual([
      { claimValue: 'GM0344', organisationCode: 'GM0344', accounts: { provision: 'viewer' } },
      { claimValue: 'corporatie', organisationCode: 'PARTNER-1', accounts: 'match' },
    ]);
  });

  it('reads a private key for private_key_jwt (RSA), and refuses a key file that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wk-oidc-config-'));
    const keyFile = join(dir, 'key.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const { WIJKKOMPAS_OIDC_CLIENT_SECRET: _secret, ...withoutSecret } = base;
    const oidc = loadConfig({ ...withoutSecret, WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE: keyFile }).oidc!;
    expect(oidc.clientAuth).toMatchObject({ method: 'private_key_jwt', keyType: 'rsa' });
    writeFileSync(join(dir, 'not-a-key.pem'), 'hello');
    expect(
      problemOf({ ...withoutSecret, WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE: join(dir, 'not-a-key.pem') }),
    ).toContain('WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE');
  });

  it('names every missing or wrong variable in one line', () => {
    const message = problemOf({
      WIJKKOMPAS_OIDC_ISSUER: 'http://login.gemeente.example',
      WIJKKOMPAS_OIDC_REDIRECT_URL: 'https://wijkkompas.example/terug',
      WIJKKOMPAS_OIDC_SCOPE: 'profile email',
      WIJKKOMPAS_OIDC_ORGANISATIONS: 'GM0344=GM0344:provision-admin',
    });
    for (const expected of [
      'WIJKKOMPAS_OIDC_CLIENT_ID: verplicht',
      'WIJKKOMPAS_OIDC_ORGANISATION_CLAIM: verplicht',
      'WIJKKOMPAS_OIDC_ISSUER: moet https:// zijn',
      'WIJKKOMPAS_OIDC_REDIRECT_URL: moet eindigen op /api/v1/oidc/callback',
      'WIJKKOMPAS_OIDC_SCOPE: moet openid bevatten',
      'WIJKKOMPAS_OIDC_CLIENT_SECRET of WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE',
      'WIJKKOMPAS_OIDC_ORGANISATIONS: regel 1',
    ])
      expect(message).toContain(expected);
  });

  it('allows http:// only on this machine (development, tests)', () => {
    const local = loadConfig({
      ...base,
      WIJKKOMPAS_OIDC_ISSUER: 'http://127.0.0.1:9000',
      WIJKKOMPAS_OIDC_REDIRECT_URL: 'http://localhost:8080/api/v1/oidc/callback',
    }).oidc!;
    expect(local.issuer.href).toBe('http://127.0.0.1:9000/');
  });
});
