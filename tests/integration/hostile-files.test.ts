/**
 * Hostile and careless files through the HTTP layer (issue 10): every XLSX path refuses cell
 * references outside Excel's grid and stops inflating a zip bomb at its limit, with a problem that
 * names the file and the reason, and writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildXlsxBomb, buildXlsxWithCells } from '../support/crafted-xlsx.ts';
import { buildPanel, buildScenario, countAudit, problemOf } from './harness.ts';

const asUpload = (fileName: string, bytes: Uint8Array) => ({
  fileName,
  content: Buffer.from(bytes).toString('base64'),
});

describe('XLSX limits on every upload path (issue 10, findings 2 and 3)', () => {
  it('a pool file with a cell in column ~50 million (r="DEJTLX1") is refused with a 400 naming it', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { pool: false });
    const response = await s.coordinator.request(
      'POST',
      `${panel.url}/pool-inspections`,
      asUpload('pool.xlsx', buildXlsxWithCells(['B2', 'DEJTLX1'])),
    );
    expect(response.statusCode, response.body).toBe(400);
    const problem = problemOf(response);
    expect(problem.errors).toEqual([
      { path: ['content'], message: expect.stringContaining('DEJTLX1') as string },
    ]);
    expect(await countAudit('panel', panel.id)).toBe(1); // only the creation
  });

  it('a pool file that inflates to 256 MiB is refused at the limit (64 MiB per part)', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { pool: false });
    const response = await s.coordinator.request(
      'POST',
      `${panel.url}/pool-inspections`,
      asUpload('pool.xlsx', buildXlsxBomb(256)),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(problemOf(response).errors?.[0]?.message).toContain('pakt uit tot meer dan 64 MiB');
  });

  it('a CBS import of such a workbook is a 422 with the file and the reason, nothing written', async () => {
    const s = await buildScenario();
    const response = await s.coordinator.request('POST', '/api/v1/imports', {
      fileName: 'kwb-2024.xlsx',
      contentBase64: Buffer.from(buildXlsxWithCells(['DEJTLX1'])).toString('base64'),
    });
    expect(response.statusCode, response.body).toBe(422);
    const problem = problemOf(response);
    expect(JSON.stringify(problem.errors)).toContain('DEJTLX1');
  });
});
