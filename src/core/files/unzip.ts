/**
 * Unpacking a zip archive (a zipped shapefile) within limits, with fflate (a maintained, dependency-
 * free deflate library). The limits count the bytes actually inflated, not the sizes an archive
 * declares (a zip bomb declares small sizes): unpacking stops as soon as an entry or the whole
 * archive passes its limit. Only the entries the caller accepts are inflated at all. Pure: bytes in,
 * entries out (the caller reads the file).
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { failImport } from '../cbs-import/import-issues.ts';

export interface UnzipLimits {
  /** Inflated bytes of all accepted entries together. */
  totalBytes: number;
  /** Entries in the archive (accepted or not). */
  entries: number;
}

export interface UnzippedEntry {
  /** Path inside the archive, with "/" separators. */
  name: string;
  bytes: Uint8Array;
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

export function unzipEntries(
  archive: Uint8Array,
  options: { fileName: string; limits: UnzipLimits; accept: (name: string) => boolean },
): UnzippedEntry[] {
  const { fileName, limits } = options;
  const entries: UnzippedEntry[] = [];
  let total = 0;
  let seen = 0;
  // fflate hands an exception thrown in a callback back to the stream, so a problem is kept here,
  // the entry's stream terminated, and the problem raised once push() returns.
  let problem: string | null = null;
  const unzip = new Unzip((file) => {
    seen++;
    if (problem !== null) return;
    if (seen > limits.entries) {
      problem = `het zip-archief heeft meer dan ${limits.entries} bestanden`;
      return;
    }
    if (file.name.endsWith('/') || !options.accept(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (problem !== null) return;
      if (error) {
        problem = `${file.name} in het zip-archief is beschadigd (${error.message})`;
        file.terminate();
        return;
      }
      total += chunk.byteLength;
      size += chunk.byteLength;
      if (total > limits.totalBytes) {
        problem = `het zip-archief pakt uit tot meer dan ${formatSize(limits.totalBytes)} (bij ${file.name})`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const bytes = new Uint8Array(size);
        let offset = 0;
        for (const c of chunks) {
          bytes.set(c, offset);
          offset += c.byteLength;
        }
        entries.push({ name: file.name, bytes });
      }
    };
    try {
      file.start();
    } catch (error) {
      problem = `${file.name}: compressiemethode ${file.compression} wordt niet ondersteund (${(error as Error).message})`;
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Pushed in slices so that a problem stops the work early rather than after the whole archive.
  const SLICE = 64 * 1024;
  try {
    for (let offset = 0; offset < archive.length && problem === null; offset += SLICE) {
      unzip.push(archive.subarray(offset, offset + SLICE), offset + SLICE >= archive.length);
    }
  } catch (error) {
    problem ??= `geen leesbaar zip-archief (${(error as Error).message})`;
  }
  if (problem !== null) failImport(fileName, { reason: problem });
  return entries;
}
