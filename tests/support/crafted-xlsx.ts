/**
 * Hostile workbooks built in memory for the tests (issue 10, findings 2 and 3); nothing large is
 * committed. A minimal zip writer (stored or deflated entries, central directory) is enough here.
 */
import { deflateRawSync, constants } from 'node:zlib';

interface Entry {
  name: string;
  /** Raw deflate data, or the stored bytes. */
  data: Uint8Array;
  method: 0 | 8;
  /** What the central directory claims; a zip bomb may lie. */
  size: number;
  crc?: number;
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

export function writeZip(entries: Entry[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(entry.crc ?? 0, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size >>> 0, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, Buffer.from(entry.data));
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt32LE(entry.crc ?? 0, 16);
    record.writeUInt32LE(entry.data.length, 20);
    record.writeUInt32LE(entry.size >>> 0, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}

function deflated(name: string, text: string): Entry {
  const bytes = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) };
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELATIONS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELATIONS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookEntries(sheetEntry: Entry): Entry[] {
  return [
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('_rels/.rels', ROOT_RELATIONS),
    deflated('xl/workbook.xml', WORKBOOK),
    deflated('xl/_rels/workbook.xml.rels', RELATIONS),
    sheetEntry,
  ];
}

/** A workbook of about 1.5 kB whose one sheet has cells at the given references (e.g. "DEJTLX1"). */
export function buildXlsxWithCells(references: string[]): Uint8Array {
  const cells = references.map((ref) => `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`).join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>naam</t></is></c></row><row r="2">${cells}</row></sheetData></worksheet>`;
  return writeZip(workbookEntries(deflated('xl/worksheets/sheet1.xml', sheet)));
}

/**
 * A zip bomb: a valid workbook whose sheet inflates to `inflatedMiB` MiB (a sheet XML start, then
 * spaces), from a few kB per 100 MiB. The deflate stream is one sync-flushed block of 1 MiB of spaces
 * repeated (back-references into spaces decode to spaces), then an empty final block. The central
 * directory claims a small size, as a hostile file would.
 */
export function buildXlsxBomb(inflatedMiB: number): Uint8Array {
  const start = '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData><row r="1">';
  const head = deflateRawSync(Buffer.from(start), { finishFlush: constants.Z_SYNC_FLUSH });
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([
    head,
    ...Array.from({ length: inflatedMiB }, () => block),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  return writeZip(workbookEntries({ name: 'xl/worksheets/sheet1.xml', data, method: 8, size: 1000 }));
}
