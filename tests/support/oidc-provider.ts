/**
 * A real OpenID Provider on loopback for the login tests: the `oidc-provider` package (a certified
 * implementation) with one confidential client per authentication method, PKCE required, and an
 * interaction that logs in whichever account the test names. It listens behind a small front on
 * another loopback port; the front passes everything through, except that a test may have the next
 * token response's ID token rewritten (claims changed and re-signed with the provider's own key,
 * signed with another key, or `alg: none`) to play a provider or network that lies.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  organisation?: string | string[];
}

export type IdTokenTamper =
  | { kind: 'claims'; change: (claims: Record<string, unknown>) => Record<string, unknown> }
  | { kind: 'foreign-key' }
  | { kind: 'alg-none' };

export interface TestProvider {
  issuer: string;
  secretClient: { clientId: string; clientSecret: string };
  keyClient: { clientId: string; privateKeyPem: string; keyId: string };
  /** The account the next login authenticates as. */
  setAccount: (account: TestAccount) => void;
  /** Rewrites the ID token of the next token response only. */
  tamperNextIdToken: (tamper: IdTokenTamper) => void;
  close: () => Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject | null) {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return key ? `${input}.${base64url(sign('sha256', Buffer.from(input), key))}` : `${input}.`;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

const readBody = (message: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });

export async function startTestProvider(options: { redirectUri: string }): Promise<TestProvider> {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const client = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = {
    ...signing.privateKey.export({ format: 'jwk' }),
    kid: 'provider-key',
    use: 'sig',
    alg: 'RS256',
  };
  let account: TestAccount = { sub: 'nobody' };
  let tamper: IdTokenTamper | null = null;

  const front = createServer();
  const frontPort = await listen(front);
  const issuer = `http://127.0.0.1:${frontPort}`;
  const secretClient = { clientId: 'wijkkompas-secret', clientSecret: 'a-long-client-secret-for-tests-only' };
  const keyClient = {
    clientId: 'wijkkompas-key',
    privateKeyPem: client.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyId: 'rp-key-1',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: secretClient.clientId,
        client_secret: secretClient.clientSecret,
        redirect_uris: [options.redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: keyClient.clientId,
        redirect_uris: [options.redirectUri],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: {
          keys: [
            { ...client.publicKey.export({ format: 'jwk' }), kid: keyClient.keyId, use: 'sig', alg: 'RS256' },
          ],
        },
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['test-cookie-key-1'] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      organisation: ['organisation'],
    },
    scopes: ['openid', 'email', 'profile', 'organisation'],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ ...account, sub: id }),
    }),
    // Every scope the client asks is granted (a consent screen is the provider's business, not ours).
    loadExistingGrant: async (ctx: {
      oidc: {
        client: { clientId: string };
        session: { accountId: string; grantIdFor: (id: string) => string | undefined };
        provider: {
          Grant: new (input: {
            clientId: string;
            accountId: string;
          }) => { addOIDCScope: (s: string) => void; save: () => Promise<string> } & Record<string, unknown>;
        };
        params: { scope?: string };
      };
    }) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope ?? 'openid');
      await grant.save();
      return grant;
    },
  } as never);
  const inner = createServer(async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    provider.callback()(req, res);
  });
  const innerPort = await listen(inner);

  front.on('request', async (req, res) => {
    const body = await readBody(req);
    const forwarded = httpRequest(
      // Uncompressed, so a token response can be read and rewritten.
      {
        host: '127.0.0.1',
        port: innerPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'accept-encoding': 'identity' },
      },
      async (answer) => {
        const isToken = req.method === 'POST' && req.url === '/token' && answer.statusCode === 200;
        const current = isToken ? tamper : null;
        if (!current) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        tamper = null;
        const json = JSON.parse((await readBody(answer)).toString()) as { id_token: string };
        const [header, payload] = json.id_token
          .split('.')
          .slice(0, 2)
          .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
        json.id_token =
          current.kind === 'claims'
            ? signJwt(header!, current.change(payload!), signing.privateKey)
            : current.kind === 'foreign-key'
              ? signJwt(header!, payload!, foreign.privateKey)
              : signJwt({ ...header, alg: 'none' }, payload!, null);
        const text = JSON.stringify(json);
        const { 'transfer-encoding': _chunked, ...rest } = answer.headers;
        const headers = { ...rest, 'content-length': String(Buffer.byteLength(text)) };
        res.writeHead(200, headers);
        res.end(text);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    forwarded.end(body);
  });

  return {
    issuer,
    secretClient,
    keyClient,
    setAccount: (next) => (account = next),
    tamperNextIdToken: (next) => (tamper = next),
    close: async () => {
      await new Promise((resolve) => front.close(resolve));
      await new Promise((resolve) => inner.close(resolve));
    },
  };
}
