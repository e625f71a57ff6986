/**
 * Builds the HTTP application (no listen): plugins, the /api/v1 routes, the OpenAPI document and
 * the built web app. Tests call buildApp and use app.inject.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { z } from 'zod';
import { nl } from 'zod/locales';

// Validation messages in Dutch (the UI's language); field paths stay in English.
z.config(nl());
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/client.ts';
import { disabledMailer, type Mailer } from './mail/mailer.ts';
import { registerAuth } from './plugins/auth.ts';
import {
  API_PREFIX,
  createOpenApiInfo,
  registerApiVersionHeader,
  shapeOpenApiDocument,
} from './plugins/openapi.ts';
import { registerProblemHandler, serializeErrorForLog } from './plugins/problem.ts';
import { registerTextGuard } from './plugins/text-guard.ts';
import { analysisApproachRoutes } from './routes/analysis-approach.routes.ts';
import { analysisImportRoutes } from './routes/analysis-imports.routes.ts';
import { analysisRoutes } from './routes/analysis.routes.ts';
import { accountRoutes } from './routes/accounts.routes.ts';
import { approachRoutes } from './routes/approaches.routes.ts';
import { invitationRoutes } from './routes/invitations.routes.ts';
import type { LinkRateLimit } from './routes/links.ts';
import { organisationRoutes } from './routes/organisations.routes.ts';
import { cbaRoutes } from './routes/cba.routes.ts';
import { frameworkRoutes } from './routes/framework.routes.ts';
import { frameworkWalkRoutes } from './routes/framework-walk.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { OIDC_CALLBACK_PATH, type OidcConfig } from './oidc-config.ts';
import { oidcRoutes } from './routes/oidc.routes.ts';
import { panelRoutes } from './routes/panels.routes.ts';
import { sessionRoutes, type LoginRateLimit } from './routes/sessions.routes.ts';
import { createAnalysisCatalogueService } from './services/analysis-catalogue.service.ts';
import { createAnalysisData } from './services/analysis-data.ts';
import { createAnalysisImportService } from './services/analysis-import.service.ts';
import { createAnalysisInterpretationsService } from './services/analysis-interpretations.service.ts';
import { createAnalysisMunicipalityService } from './services/analysis-municipality.service.ts';
import { createAnalysisService, createApproachAreaCache } from './services/analysis.service.ts';
import { createAccountsService } from './services/accounts.service.ts';
import { createApproachesService } from './services/approaches.service.ts';
import { createInvitationsService } from './services/invitations.service.ts';
import { createOrganisationsService } from './services/organisations.service.ts';
import { createAuthService } from './services/auth.service.ts';
import { createCbaEvaluator } from './services/cba-evaluator.ts';
import { createCbaService } from './services/cba.service.ts';
import { systemClock, type Clock, type ServiceContext } from './services/context.ts';
import { createFrameworkWalkService } from './services/framework-walk.service.ts';
import { createClusterEvents } from './services/cluster-events.ts';
import { createJobQueue } from './services/job-queue.ts';
import { createOidcService } from './services/oidc.service.ts';
import { createPanelRunner, defaultRunConcurrency } from './services/panel-runner.ts';
import type { PanelBackground } from './services/panel-runs.service.ts';
import { createPanelsService } from './services/panels.service.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface BuildAppOptions {
  database: DatabaseHandle;
  clock?: Clock;
  secureCookies?: boolean;
  sessionHours?: number;
  /** Login attempts per IP and e-mail address, and per IP over all addresses, per window. */
  loginRateLimit?: LoginRateLimit;
  /** Folder with the built web app; null serves the API only. */
  webRoot?: string | null;
  logLevel?: string;
  /** Where log lines go (tests read them); standard output by default. */
  logStream?: NodeJS.WritableStream;
  /** Outgoing e-mail (invitations, password resets); none by default. */
  mailer?: Mailer;
  /** The public base URL of links (required with a mailer: links in e-mails never come from a Host header). */
  publicUrl?: string;
  /** Requests per IP and window on the public one-time-link routes (invitations, password resets). */
  linkRateLimit?: LinkRateLimit;
  /** Selection runs this instance computes at the same time (default: cores − 1, at most 2). */
  runConcurrency?: number;
  /** Staff login through the organisation's identity provider (config.ts); none when absent. */
  oidc?: OidcConfig | null;
}

/** One-time link tokens appear in these paths (API and web); they never reach a log line (decision 0701). */
const LINK_TOKEN_PATH = /\/(invitations|password-resets|uitnodiging|wachtwoord-herstellen)\/[^/?#]+/g;

export function redactLinkTokens(url: string): string {
  return url.replace(LINK_TOKEN_PATH, '/$1/[token]');
}

export function createServices(
  ctx: ServiceContext,
  options: {
    sessionHours: number;
    background: PanelBackground;
    mailer?: Mailer;
    logError?: (message: string) => void;
  },
) {
  const { events } = options.background;
  // One in-memory cache of the analysis data (catalogue, year tables) shared by the analysis services.
  const analysisData = createAnalysisData(ctx.db);
  const approachAreas = createApproachAreaCache(events);
  const cbaEvaluator = createCbaEvaluator();
  const auth = createAuthService(ctx, { sessionHours: options.sessionHours, events });
  const mailer = options.mailer ?? disabledMailer;
  /** After a committed change of access made outside the approaches service: here at once, elsewhere by event. */
  const accessChanged = () => {
    approachAreas.clear();
    void events.publish('approach-access', '*').catch(() => undefined);
  };
  return {
    analysis: createAnalysisService(ctx, analysisData, approachAreas),
    analysisCatalogue: createAnalysisCatalogueService(ctx, analysisData),
    analysisMunicipality: createAnalysisMunicipalityService(ctx, analysisData),
    analysisImports: createAnalysisImportService(ctx, analysisData),
    interpretations: createAnalysisInterpretationsService(ctx, analysisData),
    auth,
    approaches: createApproachesService(ctx, {
      onAccessChange: (db) => events.publish('approach-access', '*', db),
      afterAccessChange: () => approachAreas.clear(),
    }),
    organisations: createOrganisationsService(ctx),
    invitations: createInvitationsService(ctx, {
      mailer,
      onAccessChange: accessChanged,
      ...(options.logError ? { logError: options.logError } : {}),
    }),
    accounts: createAccountsService(ctx, {
      mailer,
      onSessionsEnded: (hashes) => auth.forgetSessions(hashes),
      ...(options.logError ? { logError: options.logError } : {}),
    }),
    walk: createFrameworkWalkService(ctx),
    cba: createCbaService(ctx, cbaEvaluator),
    cbaEvaluator,
    panels: createPanelsService(ctx, options.background),
  };
}

/** Personal data of citizens' panels is purged at start-up and then every hour. */
const PANEL_PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** How often every instance looks for runs whose instance died. */
const RUN_RECOVERY_INTERVAL_MS = 30_000;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  if (options.mailer?.isEnabled && !options.publicUrl) {
    throw new Error('A mailer needs publicUrl: links in e-mails are never built from a request.');
  }
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'warn',
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        err: serializeErrorForLog,
        req: (request) => ({
          method: request.method,
          url: redactForLog(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    // JSON bodies; routes that take files or MKBA cases set their own, larger limit (issue 10, finding 5).
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: ServiceContext = { db: options.database.db, clock: options.clock ?? systemClock };
  const background: PanelBackground = {
    runner: createPanelRunner(),
    queue: createJobQueue(options.database, {
      onError: (error) => app.log.error({ err: { message: error.message } }, 'job queue error'),
    }),
    events: createClusterEvents(options.database),
  };
  const services = createServices(ctx, {
    sessionHours: options.sessionHours ?? 12,
    background,
    ...(options.mailer ? { mailer: options.mailer } : {}),
    logError: (message) => app.log.error(message),
  });
  const linkRateLimit = options.linkRateLimit ?? { max: 20, timeWindow: 15 * 60_000 };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // NL Design System components set some inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const serveWeb = Boolean(webRoot && existsSync(webRoot));
  registerProblemHandler(app, { serveAppShell: serveWeb });
  registerApiVersionHeader(app);
  registerAuth(app, (token) => services.auth.resolve(token));
  registerTextGuard(app);

  await app.register(swagger, {
    openapi: createOpenApiInfo() as never,
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, {
        checkDatabase: async () => (await options.database.query('SELECT 1 AS ok')).length === 1,
      });
      await api.register(frameworkRoutes);
      await api.register(sessionRoutes, {
        auth: services.auth,
        secureCookies: options.secureCookies ?? false,
        loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
      });
      await api.register(oidcRoutes, {
        oidc: createOidcService(ctx, options.oidc ?? null, services.auth, (message, fields) =>
          app.log.warn(fields, message),
        ),
        secureCookies: options.secureCookies ?? false,
      });
      await api.register(approachRoutes, { approaches: services.approaches, walk: services.walk });
      await api.register(organisationRoutes, { organisations: services.organisations });
      await api.register(invitationRoutes, {
        invitations: services.invitations,
        publicUrl: options.publicUrl,
        linkRateLimit,
      });
      await api.register(accountRoutes, {
        accounts: services.accounts,
        publicUrl: options.publicUrl,
        linkRateLimit,
      });
      await api.register(frameworkWalkRoutes, { walk: services.walk });
      await api.register(cbaRoutes, { cba: services.cba });
      await api.register(analysisRoutes, {
        catalogue: services.analysisCatalogue,
        municipality: services.analysisMunicipality,
        analysis: services.analysis,
      });
      await api.register(analysisApproachRoutes, {
        analysis: services.analysis,
        interpretations: services.interpretations,
      });
      await api.register(analysisImportRoutes, { imports: services.analysisImports });
      await api.register(panelRoutes, { panels: services.panels });

      api.withTypeProvider<ZodTypeProvider>().get(
        '/openapi.json',
        {
          config: { isPublic: true },
          schema: {
            tags: ['Systeem'],
            operationId: 'getOpenApiDocument',
            summary: 'OpenAPI-document',
            description: "Dit document (OpenAPI 3.0), gegenereerd uit de schema's van de routes.",
            response: { 200: z.object({}).catchall(z.unknown()).describe('OpenAPI 3.0-document') },
          },
        },
        async (_request, reply) => {
          reply.header('access-control-allow-origin', '*');
          return getOpenApiDocument(app);
        },
      );
    },
    { prefix: API_PREFIX },
  );

  registerBackgroundWork(app, {
    panels: services.panels,
    background,
    isSoleInstance: options.database.kind === 'pglite',
    runConcurrency: options.runConcurrency ?? defaultRunConcurrency(),
  });
  app.addHook('onClose', () => services.cbaEvaluator.close());

  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot!,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
    // Client-side routes (every other GET outside /api) get the app shell from the not-found handler.
  }
  return app;
}

/**
 * Background work (decision 0901): the events between instances and the job queue start when the
 * app is ready; this instance then takes selection runs from the queue. Runs that no instance will
 * finish are recorded as interrupted at start-up (on PGlite every unfinished run: the process is
 * the only one) and every half minute (a heartbeat gone stale). Personal data of citizens' panels
 * past its retention date is purged now and every hour. Timers do not keep the process alive;
 * closing the app stops the workers (their runs end as interrupted), the queue and the listener.
 */
function registerBackgroundWork(
  app: FastifyInstance,
  options: {
    panels: ReturnType<typeof createPanelsService>;
    background: PanelBackground;
    isSoleInstance: boolean;
    runConcurrency: number;
  },
) {
  const { panels, background } = options;
  const timers: NodeJS.Timeout[] = [];
  const report = (what: string) => (error: unknown) =>
    app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, what);
  const purge = () => panels.purgeExpired().catch(report('purging panel personal data failed'));
  const recover = () => panels.recoverInterruptedRuns().catch(report('recovering interrupted runs failed'));
  app.addHook('onReady', async () => {
    await background.events.start();
    await background.queue.start();
    await panels.recoverInterruptedRuns(options.isSoleInstance ? { staleAfterMs: 0 } : undefined);
    await panels.startWorking(options.runConcurrency);
    await purge();
    timers.push(setInterval(() => void purge(), PANEL_PURGE_INTERVAL_MS));
    timers.push(setInterval(() => void recover(), RUN_RECOVERY_INTERVAL_MS));
    for (const timer of timers) timer.unref();
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearInterval(timer);
    await background.runner.close();
    await background.queue.stop();
    await background.events.stop();
  });
}

/**
 * A request's URL as the log keeps it: one-time link tokens redacted, and no query string where it
 * carries credentials (the identity provider's callback: code and state).
 */
function redactForLog(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query !== undefined && path === OIDC_CALLBACK_PATH) return `${path}?[weggelaten]`;
  return redactLinkTokens(url);
}

let cachedDocument: { app: FastifyInstance; doc: Record<string, unknown> } | undefined;

/** The shaped OpenAPI document of an app (generated once per app). */
export function getOpenApiDocument(app: FastifyInstance): Record<string, unknown> {
  if (cachedDocument?.app !== app)
    cachedDocument = { app, doc: shapeOpenApiDocument(app.swagger() as unknown as Record<string, unknown>) };
  return cachedDocument.doc;
}
