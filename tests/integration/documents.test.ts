/**
 * Documents (issue 13, decision 0702): the type is read from the bytes and must fit the file name,
 * at most 10 MiB, login and CSRF checked before the body is read, downloads as attachments only for
 * those who see the approach, every download audited.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SMALL_PDF, SMALL_PNG, upload, uploadHeaders } from './coalition-harness.ts';
import { anonymous, buildScenario, getTestApp, problemOf } from './harness.ts';

describe('documents', () => {
  it('stores a PDF and serves it back as an attachment, byte for byte, auditing the download', async () => {
    const s = await buildScenario();
    const created = await s.partner.request(
      'POST',
      `/api/v1/approaches/${s.approach.id}/documents`,
      SMALL_PDF,
      {
        headers: uploadHeaders('Verslag wijkschouw – oktober.pdf', 'application/pdf', 'Wijkschouw oktober'),
      },
    );
    expect(created.statusCode, created.body).toBe(201);
    const document = created.json();
    expect(document).toMatchObject({
      title: 'Wijkschouw oktober',
      fileName: 'Verslag wijkschouw – oktober.pdf',
      mediaType: 'application/pdf',
      sizeBytes: SMALL_PDF.length,
      sha256: createHash('sha256').update(SMALL_PDF).digest('hex'),
    });
    const download = await s.viewer.request(
      'GET',
      `/api/v1/approaches/${s.approach.id}/documents/${document.id}/content`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(SMALL_PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Verslag wijkschouw _ oktober.pdf"; filename*=UTF-8''${encodeURIComponent('Verslag wijkschouw – oktober.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const { database } = await getTestApp();
    const audit = await database.handle.query<{ action: string; actor_user_id: string }>(
      "SELECT action, actor_user_id FROM audit_events WHERE entity_type = 'document' AND entity_id = $1 ORDER BY id",
      [document.id],
    );
    expect(audit).toEqual([
      { action: 'upload', actor_user_id: s.partner.userId },
      { action: 'download', actor_user_id: s.viewer.userId },
    ]);
  });

  it('reads the type from the content: a spreadsheet made by exceljs passes, disguised files do not', async () => {
    const s = await buildScenario();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Begroting').addRow(['Post', 'Bedrag']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const ok = await upload(s.coordinator, s.approach.id, 'begroting.xlsx', xlsx, 'application/octet-stream');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const pngAsPdf = await upload(s.coordinator, s.approach.id, 'foto.pdf', SMALL_PNG, 'application/pdf');
    expect(pngAsPdf.statusCode).toBe(400);
    expect(problemOf(pngAsPdf).errors!.map((e) => e.path.join('.'))).toEqual(['fileName']);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const script = await upload(s.coordinator, s.approach.id, 'rapport.pdf', html, 'application/pdf');
    expect(script.statusCode).toBe(400);
    expect(problemOf(script).errors!.map((e) => e.path.join('.'))).toEqual(['content']);
    const declared = await upload(s.coordinator, s.approach.id, 'foto.png', SMALL_PNG, 'application/pdf');
    expect(declared.statusCode).toBe(400);
    expect(problemOf(declared).errors!.map((e) => e.path.join('.'))).toEqual(['mediaType']);
    const image = await upload(s.coordinator, s.approach.id, 'foto.png', SMALL_PNG, 'image/png');
    expect(image.statusCode).toBe(201);
    const list = (await s.viewer.request('GET', `/api/v1/approaches/${s.approach.id}/documents`)).json() as {
      fileName: string;
    }[];
    expect(list.map((d) => d.fileName).sort()).toEqual(['begroting.xlsx', 'foto.png']);
  });

  it('refuses more than 10 MiB (413), and checks login and CSRF before reading the body', async () => {
    const s = await buildScenario();
    const url = `/api/v1/approaches/${s.approach.id}/documents`;
    const big = Buffer.concat([SMALL_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await s.coordinator.request('POST', url, big, { headers: uploadHeaders('groot.pdf') });
    expect(tooBig.statusCode).toBe(413);
    // The same oversized body without a session is refused for the session, not for its size.
    const anonymousTry = await anonymous('POST', url, big, uploadHeaders('groot.pdf'));
    expect(anonymousTry.statusCode).toBe(401);
    const withoutCsrf = await s.coordinator.request('POST', url, big, {
      csrf: false,
      headers: uploadHeaders('groot.pdf'),
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(problemOf(withoutCsrf).code).toBe('csrf');
  });

  it("hides another municipality's documents (404) and lets viewers read but not upload", async () => {
    const s = await buildScenario();
    const other = await buildScenario();
    const created = (await upload(s.coordinator, s.approach.id, 'notulen.pdf', SMALL_PDF)).json();
    const url = `/api/v1/approaches/${s.approach.id}/documents/${created.id}/content`;
    expect((await other.coordinator.request('GET', url)).statusCode).toBe(404);
    // The document id under the other municipality's own approach: not found either.
    expect(
      (
        await other.coordinator.request(
          'GET',
          `/api/v1/approaches/${other.approach.id}/documents/${created.id}/content`,
        )
      ).statusCode,
    ).toBe(404);
    expect((await upload(s.viewer, s.approach.id, 'x.pdf', SMALL_PDF)).statusCode).toBe(403);
  });

  it('lets the uploader or a coordinator delete, but not while a discussion point cites the document', async () => {
    const s = await buildScenario();
    const A = `/api/v1/approaches/${s.approach.id}`;
    const mine = (await upload(s.partner, s.approach.id, 'eigen.pdf', SMALL_PDF)).json();
    const theirs = (await upload(s.coordinator, s.approach.id, 'coordinator.pdf', SMALL_PDF)).json();
    expect((await s.partner.request('DELETE', `${A}/documents/${theirs.id}`)).statusCode).toBe(403);
    const cited = await s.coordinator.request('PUT', `${A}/cycles/1/points/1.4.1`, {
      version: 0,
      status: 'in_discussion',
      answer: 'Inventarisatie loopt.',
      skipReason: null,
      evidence: [{ kind: 'upload', title: 'Inventarisatie', reference: theirs.id }],
      participantOrganisationIds: [],
    });
    expect(cited.statusCode, cited.body).toBe(200);
    const refused = await s.coordinator.request('DELETE', `${A}/documents/${theirs.id}`);
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).detail).toContain('1.4.1');
    expect((await s.partner.request('DELETE', `${A}/documents/${mine.id}`)).statusCode).toBe(204);
    expect((await s.coordinator.request('GET', `${A}/documents/${mine.id}/content`)).statusCode).toBe(404);
  });
});
