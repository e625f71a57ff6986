/**
 * The worker thread of boundary-reader.ts: decodes a boundary file (zipped shapefile, GeoPackage or
 * GeoJSON) and reprojects it to WGS84 off the main thread; a national Wijk- en buurtkaart takes
 * seconds. Started through boundary-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isDomainError } from '../../core/errors.ts';
import { readBoundaryLayers } from '../files/boundary-file.ts';
import { readBoundaries } from '../../core/geo/read-boundaries.ts';
import type { BoundaryWorkerInput, BoundaryWorkerMessage } from './boundary-reader.ts';

async function run(input: BoundaryWorkerInput): Promise<BoundaryWorkerMessage> {
  try {
    const { format, layers } = await readBoundaryLayers(input.content, {
      fileName: input.options.fileName,
      layer: input.layer,
    });
    return { type: 'result', format, result: readBoundaries(layers, input.options) };
  } catch (error) {
    if (isDomainError(error)) {
      return { type: 'error', error: { code: error.code, message: error.message, issues: error.issues } };
    }
    return {
      type: 'error',
      error: { code: 'internal', message: (error as Error).message ?? String(error), issues: [] },
    };
  }
}

parentPort!.postMessage(await run(workerData as BoundaryWorkerInput));
