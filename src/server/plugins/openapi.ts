/**
 * The OpenAPI 3.0 document, generated from the route schemas by @fastify/swagger and then shaped to
 * the NL API Design Rules: server /api/v1, paths relative to it, the API-Version header on every
 * 2xx/3xx response, problem+json on every error response, CORS header on /openapi.json.
 */
import type { FastifyInstance } from 'fastify';

export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';

type Json = Record<string, unknown>;

const VERSION_HEADER = {
  description: 'Volledig versienummer van de API (NL API Design Rules /core/version-header)',
  schema: { type: 'string', example: API_VERSION },
};

export function shapeOpenApiDocument(raw: Json): Json {
  const doc = structuredClone(raw) as Json & { paths?: Record<string, Record<string, Json>> };
  const paths: Record<string, Record<string, Json>> = {};
  // @fastify/swagger already writes paths relative to the server URL (/api/v1).
  for (const [relative, item] of Object.entries(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      for (const [status, response] of Object.entries(responses)) {
        if (/^[23]\d\d$/.test(status)) {
          const headers = (response.headers ?? {}) as Json;
          headers['API-Version'] = VERSION_HEADER;
          if (relative === '/openapi.json') {
            headers['access-control-allow-origin'] = {
              description: 'CORS: het document is voor iedereen leesbaar',
              schema: { type: 'string', example: '*' },
            };
          }
          response.headers = headers;
        } else if (/^[45]\d\d$/.test(status) && response.content) {
          const content = response.content as Json;
          const schema = (content['application/json'] as Json | undefined) ?? Object.values(content)[0];
          response.content = { 'application/problem+json': schema };
        }
      }
    }
    paths[relative] = item;
  }
  doc.paths = paths;
  return doc;
}

export function createOpenApiInfo() {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Wijkkompas API',
      version: API_VERSION,
      description:
        'Open API van Wijkkompas: gebiedsgerichte aanpak van kwetsbare wijken (afwegingskader, wijkanalyse, coalitie, programma, monitoring). Volgt de NL API Design Rules 2.1.',
      contact: { name: 'Wijkkompas', email: 'wijkkompas@example.org', url: 'https://example.org/wijkkompas' },
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
    },
    servers: [{ url: API_PREFIX, description: 'Deze server' }],
    tags: [
      { name: 'Systeem', description: 'Gezondheid en het OpenAPI-document' },
      { name: 'Sessies', description: 'Inloggen en uitloggen' },
      { name: 'Afwegingskader', description: 'Fasen, stappen, gesprekspunten, cycli en go/no-go-besluiten' },
      { name: 'Wijkaanpakken', description: 'Wijkaanpakken, leden, organisaties en geschiedenis' },
      { name: 'Wijkanalyse', description: 'Gebieden, indicatoren, waarnemingen en analyses (CBS)' },
      { name: 'Burgerpanels', description: 'Burgerpanels door loting' },
      { name: 'MKBA', description: 'Maatschappelijke kosten-batenanalyse' },
      { name: 'Organisaties', description: 'Partnerorganisaties van een gemeente' },
      { name: 'Uitnodigingen', description: 'Mensen uitnodigen voor een wijkaanpak (eenmalige links)' },
      { name: 'Accounts', description: 'Accounts van een gemeente, deactiveren en wachtwoord herstellen' },
      { name: 'Documenten', description: 'Bestanden als bewijs en als bijlage van het lokaal contract' },
      { name: 'Krachtenveld', description: 'Stakeholders, belang en invloed, mediabeeld (stap 1.4)' },
      {
        name: 'Coalitie',
        description: 'Lokale coalitie, bestuurlijk overleg, programmabureau en procesregie',
      },
      {
        name: 'Lokaal contract',
        description: 'Versies, toezeggingen, ondertekening, evaluatie en voorstellen',
      },
    ],
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'wk_session' },
      },
    },
  } as const;
}

export function registerApiVersionHeader(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('API-Version', API_VERSION);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
