/**
 * Reads a boundary file in a worker thread (boundary-worker.ts), so decoding and reprojecting a
 * national map never blocks the event loop. One worker per file: boundary imports are rare.
 */
import { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode, type FieldIssue } from '../../core/errors.ts';
import type { BoundariesResult, ReadBoundariesOptions } from '../../core/geo/read-boundaries.ts';
import type { BoundaryFormat } from '../files/boundary-file.ts';

const WORKER_ENTRY = new URL('./boundary-worker.mjs', import.meta.url);
const READ_TIMEOUT_MS = 10 * 60_000;

export interface BoundaryWorkerInput {
  content: Uint8Array;
  options: ReadBoundariesOptions;
  /** Only this layer (GeoPackage table or shapefile name). */
  layer?: string | undefined;
}

export type BoundaryWorkerMessage =
  | { type: 'result'; format: BoundaryFormat; result: BoundariesResult }
  | { type: 'error'; error: { code: string; message: string; issues: FieldIssue[] } };

export function readBoundaryFileInWorker(
  input: BoundaryWorkerInput,
): Promise<{ format: BoundaryFormat; result: BoundariesResult }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: input });
    let settled = false;
    // A malformed file can keep a decoder busy; the worker is stopped after READ_TIMEOUT_MS.
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(
        new DomainError(
          'import_failed',
          `${input.options.fileName}: het lezen duurde langer dan ${READ_TIMEOUT_MS / 60_000} minuten`,
          {
            issues: [{ path: [input.options.fileName], message: 'het lezen van de grenzen duurde te lang' }],
          },
        ),
      );
    }, READ_TIMEOUT_MS);
    timer.unref();
    worker.once('message', (message: BoundaryWorkerMessage) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (message.type === 'result') resolve({ format: message.format, result: message.result });
      else if (message.error.code === 'internal') reject(new Error(message.error.message));
      else
        reject(
          new DomainError(message.error.code as DomainErrorCode, message.error.message, {
            issues: message.error.issues,
          }),
        );
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (!settled) reject(new Error(`het lezen van de grenzen stopte onverwacht (exit ${code})`));
    });
  });
}
