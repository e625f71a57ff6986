/**
 * Imports of CBS files: the list (administrators and coordinators) and the upload, as JSON with
 * the file in base64 or as the raw file (application/octet-stream, text/csv or xlsx) with its name
 * in the query string.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import type { AnalysisImportService } from '../services/analysis-import.service.ts';
import { importSchema } from './analysis.schemas.ts';
import { errorResponses } from './common.ts';

const TAGS = ['Wijkanalyse'];
const UPLOAD_LIMIT = 64 * 1024 * 1024;
const RAW_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const uploadBody = z.object({
  fileName: z.string().trim().min(1, 'bestandsnaam is verplicht').max(255),
  contentBase64: z
    .string()
    .min(1, 'de inhoud is leeg')
    .regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, 'moet base64 zijn'),
  year: z.number().int().min(1990).max(2100).optional(),
  tableId: z
    .string()
    .regex(/^\d{5}(NED|ENG)$/i, 'moet een CBS-tabelnummer zijn, bv. 85984NED')
    .optional(),
});

export const analysisImportRoutes: FastifyPluginAsyncZod<{ imports: AnalysisImportService }> = async (
  app,
  { imports },
) => {
  // The raw variant: the file itself is the body; name, year and table come from the query string.
  app.addContentTypeParser(
    RAW_TYPES,
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (request, body, done) => {
      const query = request.query as Record<string, string | undefined>;
      done(null, {
        fileName: query.fileName ?? '',
        contentBase64: (body as Buffer).toString('base64'),
        ...(query.year !== undefined ? { year: Number(query.year) } : {}),
        ...(query.tableId !== undefined ? { tableId: query.tableId } : {}),
      });
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags: TAGS,
        operationId: 'listImports',
        summary: 'Imports',
        description:
          'De geïmporteerde bestanden met hun rapport, nieuwste eerst. Alleen voor coördinatoren van een gemeente en de platformbeheerder. ' +
          'CBS-bestanden ziet iedere gemeente; een bestand met waarden van eigen indicatoren alleen de gemeente van die indicatoren (en de platformbeheerder).',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.array(importSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => imports.listImports(requireActor(request), request.query),
  );

  app.post(
    '/imports',
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: TAGS,
        operationId: 'uploadImport',
        summary: 'CBS-bestand importeren',
        description:
          'Importeert een CBS-bestand (kwb-xlsx/csv, OData v3/v4, StatLine-CSV, gebiedsnamen) in zijn geheel of niet: een fout geeft 422 met bestand, rij, kolom en reden in `errors`, en er is dan niets opgeslagen. ' +
          'Hetzelfde bestand nogmaals geeft 200 met uitkomst `unchanged`. Stuur JSON met `contentBase64`, of het bestand zelf (application/octet-stream, text/csv of xlsx) met `fileName` (en eventueel `year`, `tableId`) in de query.\n\n' +
          '**Waarden van een eigen indicator** (bijvoorbeeld uit de eigen wijkpeiling) gaan in de kwb-indeling: een CSV (UTF-8, `;` of `,`) met de kop `gwb_code_10;regio;<sleutel>`, ' +
          'bijvoorbeeld `gwb_code_10;regio;overlast_wijkpeiling`, en daaronder één rij per gebied: de CBS-code (`BU03440311`, `WK034403` of `GM0344`), de naam (mag leeg) en de waarde ' +
          '(decimale punt of komma, `.` of leeg voor onbekend, nooit 0). Meer indicatoren kunnen als extra kolommen met hun sleutel. Het jaar staat in de bestandsnaam (`wijkpeiling-2024.csv`) of in `year`. ' +
          'Bij een percentage of gemiddelde hoort ook de basis (bijvoorbeeld `a_inw`) voor die gebieden en dat jaar in de database te staan, anders kan het niet worden samengevoegd. ' +
          'Alleen de gemeente van de indicator (en de platformbeheerder) kan er waarden voor importeren, en alleen voor gebieden van die gemeente; anders 422 met bestand, rij, kolom en reden, en er is niets opgeslagen.',
        querystring: z.object({
          fileName: z.string().max(255).optional(),
          year: z
            .string()
            .regex(/^\d{4}$/)
            .optional(),
          tableId: z.string().max(20).optional(),
        }),
        body: uploadBody,
        response: { 200: importSchema, 201: importSchema, ...errorResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { fileName, contentBase64, year, tableId } = request.body;
      const result = await imports.uploadFile(actor, {
        fileName,
        content: Buffer.from(contentBase64, 'base64'),
        year,
        tableId,
      });
      return reply.status(result.outcome === 'unchanged' ? 200 : 201).send(result);
    },
  );
};
