/**
 * `npx wijkkompas import cbs FILE... [--year YYYY] [--table-id ID]`
 * `npx wijkkompas import metadata DataProperties.json TableInfos.json`
 * `npx wijkkompas import geo FILE --year YYYY [--code-property KODE [--code-prefix BU0344]] [--layer NAME]`
 * Writes into the database from the environment (WIJKKOMPAS_DATA_DIR or DATABASE_URL). Every file
 * is read first; when one is bad, the command stops with its error and writes nothing at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readCbsFile } from '../../core/cbs-import/read-cbs-file.ts';
import { DomainError } from '../../core/errors.ts';
import { createAnalysisData, loadStoredCatalogue } from '../../server/services/analysis-data.ts';
import {
  createAnalysisImportService,
  toBaseName,
  type ImportResult,
} from '../../server/services/analysis-import.service.ts';
import { systemClock } from '../../server/services/context.ts';
import { CBS_ODATA_V3_URL, CBS_ODATA_V4_URL, fetchCbsTable } from '../../server/services/cbs-odata-fetch.ts';
import { parseCommandArgs } from '../args.ts';
import { openDatabaseFromEnvironment, printDomainError } from '../database.ts';
import type { CliIo } from '../io.ts';

export const VERBS = ['cbs', 'metadata', 'geo'] as const;

export const USAGE = `Gebruik:
  npx wijkkompas import cbs BESTAND... [--year JJJJ] [--table-id 85984NED]
  npx wijkkompas import cbs --table 85984NED [--year JJJJ] [--api v3|v4] [--api-url URL] [--save BESTAND.json]
  npx wijkkompas import metadata DataProperties_85984NED.json TableInfos_85984NED.json
  npx wijkkompas import geo BESTAND --year JJJJ [--code-property KODE [--code-prefix BU0344]] [--layer LAAG]
geo: een gezipte shapefile (.zip), GeoPackage (.gpkg) of GeoJSON, in het coördinatenstelsel dat het bestand
noemt (.prj, gpkg_spatial_ref_sys, "crs"); de eigenschap met de CBS-code (buurtcode, BU_CODE, statcode ...)
wordt herkend, of geef --code-property (en --code-prefix als de codes zonder BU0344 zijn).
BESTAND: kwb-xlsx/csv, StatLine-CSV (met symbolen of onbewerkt, met de regiocodes), OData v3 TypedDataSet
of v4 Observations (CSV of JSON). --table haalt een CBS-tabel op via de OData-API van CBS (v3 standaard,
${CBS_ODATA_V3_URL}; v4: ${CBS_ODATA_V4_URL}; een ander adres met --api-url of WIJKKOMPAS_CBS_ODATA_URL);
een tabel met perioden wordt op één jaar gefilterd (--year, anders het laatste); --save bewaart wat is opgehaald.
De database komt uit de omgeving (WIJKKOMPAS_DATA_DIR of DATABASE_URL).`;

const OUTCOME_LABELS: Record<ImportResult['outcome'], string> = {
  created: 'geïmporteerd',
  replaced: 'geïmporteerd, waarden vervangen',
  unchanged: 'ongewijzigd (dit bestand is al geïmporteerd)',
};

const number = new Intl.NumberFormat('nl-NL');

/** The report of one file, in Dutch. */
export function formatImportReport(result: ImportResult): string {
  const r = result.report as Record<string, unknown> & {
    ignoredColumns?: { column: string; reason: string }[];
    ignoredRows?: { row: number; reason: string }[];
    written?: Record<string, number | string[]>;
  };
  const n = (key: string) => number.format(Number(r[key] ?? 0));
  const lines = [
    `${result.fileName} (${result.format}, ${result.year}${result.tableId ? `, tabel ${result.tableId}` : ''}): ${OUTCOME_LABELS[result.outcome]}`,
  ];
  if (r.rows !== undefined) {
    lines.push(
      `  rijen ${n('rows')} · gebieden ${n('regions')} · indicatoren ${n('indicators')} · waarnemingen ${n('observations')} · lege cellen ${n('missingCells')} · geheim ${n('secretCells')}`,
    );
  }
  if (r.features !== undefined) {
    const layers = (r.layers ?? []) as {
      name: string;
      crs: string;
      features: number;
      codeProperty: string;
    }[];
    lines.push(
      `  grenzen ${n('features')} (${String(r.crs)}${String(r.crs) === 'EPSG:4326' ? '' : ', omgerekend naar WGS84'})`,
      ...layers.map(
        (layer) =>
          `  laag ${layer.name}: ${number.format(layer.features)} gebieden, ${layer.crs}, code uit ${layer.codeProperty}`,
      ),
    );
  }
  if (r.title !== undefined)
    lines.push(
      `  ${String(r.title)}: ${n('indicators')} indicatoren (${n('created')} nieuw, ${n('updated')} bijgewerkt)`,
    );
  const w = r.written;
  if (w) {
    const created = Array.isArray(w.indicatorsCreated) ? w.indicatorsCreated : [];
    lines.push(
      `  geschreven: ${number.format(Number(w.inserted))} nieuw, ${number.format(Number(w.replaced))} vervangen, ${number.format(Number(w.unchanged))} ongewijzigd, ${number.format(Number(w.keptPublished))} lege cellen niet over een gepubliceerd cijfer geschreven; ${number.format(Number(w.regionsCreated))} nieuwe gebieden, ${created.length} nieuwe indicatoren`,
    );
  }
  const ignored = r.ignoredColumns ?? [];
  if (ignored.length > 0)
    lines.push(
      `  genegeerde kolommen (${ignored.length}): ${ignored.map((c) => `${c.column} (${c.reason})`).join('; ')}`,
    );
  const rows = r.ignoredRows ?? [];
  if (rows.length > 0)
    lines.push(
      `  genegeerde rijen (${rows.length}): ${rows
        .slice(0, 10)
        .map((c) => `rij ${c.row} (${c.reason})`)
        .join('; ')}${rows.length > 10 ? ' ...' : ''}`,
    );
  return lines.join('\n');
}

/** `import cbs --table`: fetch through CBS's OData API, then import what came back like a file. */
async function importTable(
  options: {
    tableId: string;
    api: 'v3' | 'v4';
    apiUrl: string | undefined;
    year: number | undefined;
    save: string | undefined;
  },
  io: CliIo,
): Promise<number> {
  let fetched;
  try {
    fetched = await fetchCbsTable({
      tableId: options.tableId,
      api: options.api,
      ...(options.apiUrl ? { baseUrl: options.apiUrl } : {}),
      ...(options.year !== undefined ? { year: options.year } : {}),
    });
  } catch (error) {
    if (error instanceof DomainError) {
      printDomainError(io, error);
      io.err('Er is niets geïmporteerd.');
      return 1;
    }
    throw error;
  }
  io.out(
    `Opgehaald: tabel ${fetched.bundle.tableId} (OData ${options.api}${fetched.period ? `, periode ${fetched.period}` : ''}), ` +
      `${number.format(fetched.bundle.rows.length)} rijen in ${fetched.pages} pagina's`,
  );
  if (options.save) writeFileSync(options.save, fetched.content);
  const database = await openDatabaseFromEnvironment();
  const ctx = { db: database.db, clock: systemClock };
  const imports = createAnalysisImportService(ctx, createAnalysisData(ctx.db));
  try {
    io.out(
      formatImportReport(
        await imports.importCbsFile(null, {
          fileName: fetched.fileName,
          content: fetched.content,
          year: options.year,
          tableId: fetched.bundle.tableId,
        }),
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      printDomainError(io, error);
      io.err('Er is niets geïmporteerd.');
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function readFiles(paths: readonly string[], io: CliIo): { path: string; content: Buffer }[] | null {
  const files: { path: string; content: Buffer }[] = [];
  for (const path of paths) {
    try {
      files.push({ path, content: readFileSync(path) });
    } catch (error) {
      io.err(
        `Fout: ${path} is niet te lezen (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
      return null;
    }
  }
  return files;
}

function parseYear(value: string | undefined, io: CliIo): number | undefined | null {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) {
    io.err(`--year moet een jaartal zijn, niet "${value}".`);
    return null;
  }
  return Number(value);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  let parsed;
  try {
    parsed = parseCommandArgs(rest, {
      year: { type: 'string' },
      'table-id': { type: 'string' },
      'code-property': { type: 'string' },
      'code-prefix': { type: 'string' },
      layer: { type: 'string' },
      table: { type: 'string' },
      api: { type: 'string' },
      'api-url': { type: 'string' },
      save: { type: 'string' },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const year = parseYear(values.year, io);
  if (year === null) return 2;
  if (verb === 'cbs' && values.table !== undefined) {
    if (positionals.length > 0) {
      io.err(`import cbs --table haalt de tabel op; geef dan geen bestanden.\n${USAGE}`);
      return 2;
    }
    if (values.api !== undefined && values.api !== 'v3' && values.api !== 'v4') {
      io.err(`--api moet v3 of v4 zijn, niet "${values.api}".`);
      return 2;
    }
    return importTable(
      {
        tableId: values.table,
        api: (values.api ?? 'v3') as 'v3' | 'v4',
        apiUrl: values['api-url'] ?? process.env.WIJKKOMPAS_CBS_ODATA_URL,
        year,
        save: values.save,
      },
      io,
    );
  }
  if (!['cbs', 'metadata', 'geo'].includes(verb ?? '') || positionals.length === 0) {
    io.err(USAGE);
    return 2;
  }
  if (verb === 'metadata' && positionals.length !== 2) {
    io.err(`import metadata verwacht twee bestanden: DataProperties en TableInfos.\n${USAGE}`);
    return 2;
  }
  if (verb === 'geo' && (positionals.length !== 1 || year === undefined)) {
    io.err(`import geo verwacht één bestand en --year.\n${USAGE}`);
    return 2;
  }
  const files = readFiles(positionals, io);
  if (files === null) return 1;
  const database = await openDatabaseFromEnvironment();
  const ctx = { db: database.db, clock: systemClock };
  const imports = createAnalysisImportService(ctx, createAnalysisData(ctx.db));
  try {
    if (verb === 'metadata') {
      const [dataProperties, tableInfos] = files as [
        { path: string; content: Buffer },
        { path: string; content: Buffer },
      ];
      io.out(
        formatImportReport(
          await imports.importMetadata(null, {
            dataProperties: { fileName: dataProperties.path, content: dataProperties.content },
            tableInfos: { fileName: tableInfos.path, content: tableInfos.content },
          }),
        ),
      );
      return 0;
    }
    if (verb === 'geo') {
      const [file] = files as [{ path: string; content: Buffer }];
      io.out(
        formatImportReport(
          await imports.importBoundaries(null, {
            fileName: file.path,
            content: file.content,
            year: year as number,
            codeProperty: values['code-property'],
            codePrefix: values['code-prefix'],
            layer: values.layer,
          }),
        ),
      );
      return 0;
    }
    // Read every file before writing any: a bad file anywhere means nothing is written.
    const { catalogue } = await loadStoredCatalogue(ctx.db);
    for (const file of files) {
      await readCbsFile(file.content, {
        fileName: toBaseName(file.path),
        catalogue,
        ...(year !== undefined ? { year } : {}),
        ...(values['table-id'] ? { tableId: values['table-id'] } : {}),
      });
    }
    for (const file of files) {
      const result = await imports.importCbsFile(null, {
        fileName: file.path,
        content: file.content,
        year,
        tableId: values['table-id'],
      });
      io.out(formatImportReport(result));
    }
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      printDomainError(io, error);
      io.err('Er is niets geïmporteerd.');
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
