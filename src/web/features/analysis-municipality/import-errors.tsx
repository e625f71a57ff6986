/**
 * A failed import, told precisely: the problem+json of a 422 `import_failed` carries one entry per
 * problem with the path [file, row?, column?] (src/core/cbs-import/import-issues.ts) and a message;
 * they are shown as a table with file, row, column and reason. Other failures (400 with field
 * errors, 403, 413) fall back to the problem's title and detail.
 */
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client.ts';
import { NumberTable } from '../cba/number-table.tsx';
import { toProblemRows } from './import-problems.ts';

export function ImportError({ error, fileName }: { error: unknown; fileName: string }) {
  if (!isApiError(error)) {
    return (
      <Alert type="error">
        <Paragraph>Het importeren is mislukt. Probeer het opnieuw.</Paragraph>
      </Alert>
    );
  }
  const isImportFailure = error.code === 'import_failed';
  const rows = isImportFailure ? toProblemRows(error.errors, fileName) : [];
  return (
    <Alert type="error">
      <Heading level={3} appearance="utrecht-heading-4">
        {isImportFailure ? `Het bestand is niet geïmporteerd: ${error.title}` : error.title}
      </Heading>
      <Paragraph>{error.detail}</Paragraph>
      {isImportFailure ? (
        <Paragraph>Er is niets opgeslagen; herstel het bestand en probeer het opnieuw.</Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <NumberTable
          className="wk-muni-errors"
          caption={`Problemen in ${fileName} (${rows.length})`}
          columns={['Bestand', 'Rij', 'Kolom', 'Reden']}
          textColumns={4}
          rows={rows.map((r) => [r.file, r.row === null ? '–' : String(r.row), r.column ?? '–', r.reason])}
        />
      ) : null}
      {!isImportFailure && error.errors.length > 0 ? (
        <ul>
          {error.errors.map((e, i) => (
            <li key={i}>
              {e.path ? `${e.path}: ` : ''}
              {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
