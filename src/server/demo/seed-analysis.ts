/**
 * The demo's neighbourhood analysis: real CBS files from the shared data folder (`<repo>/../shared/data`,
 * never copied into the repository) imported through the same service as `npx wijkkompas import`,
 * so Overvecht shows real figures, years and a map on first start. Without the folder the demo
 * starts without figures and says so in one line.
 *
 * Order: national files first (fresh indicators per year go straight in), then Utrecht's own files,
 * whose figures partly overlap and are compared value by value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KWB_TABLE_YEARS } from '../../core/cbs-import/detect-year.ts';
import { createAnalysisData } from '../services/analysis-data.ts';
import { createAnalysisImportService } from '../services/analysis-import.service.ts';
import type { ServiceContext } from '../services/context.ts';

export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

const TABLE_BY_YEAR = new Map(Object.entries(KWB_TABLE_YEARS).map(([tableId, year]) => [year, tableId]));

interface DemoFile {
  path: string;
  tableId?: string;
}

function listDemoFiles(): DemoFile[] {
  const woningen: DemoFile[] = [];
  for (let year = 2013; year <= 2025; year++) {
    woningen.push({
      path: `cbs/kwb-woningen-2013-2025/kwb-${year}-woningen.csv`,
      tableId: TABLE_BY_YEAR.get(year) as string,
    });
  }
  return [
    ...woningen,
    { path: 'cbs/kwb-2017-buurten-selectie.csv', tableId: '83765NED' },
    { path: 'cbs/kwb-2024-buurten-selectie.csv', tableId: '85984NED' },
    { path: 'cbs/misdrijven-2024-buurten.csv', tableId: '47018NED' },
    { path: 'cbs/buurtnamen-2017.csv' },
    { path: 'cbs/buurtnamen-2024.csv' },
    { path: 'cbs/kwb-2023-utrecht.xlsx', tableId: TABLE_BY_YEAR.get(2023) as string },
    { path: 'cbs/kwb-2024-utrecht.xlsx', tableId: TABLE_BY_YEAR.get(2024) as string },
    { path: 'cbs/nabijheid-2023-utrecht.csv' },
  ];
}

/** Boundaries of Utrecht: municipal open data, KODE is the municipal part of the CBS code. */
const BOUNDARIES = [
  { path: 'geo/utrecht-buurten.geojson', codePrefix: 'BU0344' },
  { path: 'geo/utrecht-wijken.geojson', codePrefix: 'WK0344' },
];
/** Utrecht's codes are the same in every year 2013-2025; the boundaries are stored for the latest full year. */
const BOUNDARY_YEAR = 2024;

export interface DemoAnalysisResult {
  isLoaded: boolean;
  files: number;
  seconds: number;
}

export async function seedDemoAnalysis(
  ctx: ServiceContext,
  options: { dataDir?: string; log: (line: string) => void; now: () => number },
): Promise<DemoAnalysisResult> {
  const dataDir = options.dataDir ?? SHARED_DATA_DIR;
  const started = options.now();
  if (!existsSync(join(dataDir, 'cbs'))) {
    options.log(
      `Wijkanalyse overgeslagen: de map met CBS-gegevens (${dataDir}) ontbreekt; de demo start zonder cijfers.`,
    );
    return { isLoaded: false, files: 0, seconds: 0 };
  }
  const imports = createAnalysisImportService(ctx, createAnalysisData(ctx.db));
  const read = (path: string) => ({
    fileName: path.split('/').pop() as string,
    content: readFileSync(join(dataDir, path)),
  });
  await imports.importMetadata(null, {
    dataProperties: read('cbs/metadata/DataProperties_85984NED.json'),
    tableInfos: read('cbs/metadata/TableInfos_85984NED.json'),
  });
  const files = listDemoFiles();
  for (const file of files) await imports.importCbsFile(null, { ...read(file.path), tableId: file.tableId });
  for (const boundary of BOUNDARIES) {
    await imports.importBoundaries(null, {
      ...read(boundary.path),
      year: BOUNDARY_YEAR,
      codeProperty: 'KODE',
      codePrefix: boundary.codePrefix,
    });
  }
  const seconds = (options.now() - started) / 1000;
  options.log(
    `Wijkanalyse geladen: CBS-metadata, ${files.length} CBS-bestanden en ${BOUNDARIES.length} grenzenbestanden in ${seconds.toFixed(1)} s.`,
  );
  return { isLoaded: true, files: files.length + BOUNDARIES.length + 1, seconds };
}
