/**
 * "Download CSV" and "Download Excel" for a table on screen (see table-export.ts). The file is made
 * in the browser and offered as a download; a status line says when it is ready or failed.
 */
import { useState } from 'react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { saveBlob } from './save-file.ts';
import { type ExportTable, tableToCsv, tableToXlsx } from './table-export.ts';

/** `fileName` without extension; ".csv" or ".xlsx" is added. */
export function ExportButtons({ table, fileName }: { table: ExportTable; fileName: string }) {
  const [message, setMessage] = useState('');
  const base = fileName.replace(/\.(csv|xlsx)$/i, '');
  const downloadCsv = () => {
    saveBlob(new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
    setMessage('Het CSV-bestand is gemaakt; uw browser slaat het op of vraagt waar.');
  };
  const downloadXlsx = () => {
    setMessage('Bezig met het maken van het Excel-bestand…');
    tableToXlsx(table)
      .then((blob) => {
        saveBlob(blob, `${base}.xlsx`);
        setMessage('Het Excel-bestand is gemaakt; uw browser slaat het op of vraagt waar.');
      })
      .catch(() => setMessage('Het Excel-bestand kon niet worden gemaakt. Probeer het opnieuw.'));
  };
  return (
    <div className="wk-export-buttons wk-no-print">
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={downloadCsv}>
          Download CSV<span className="wk-visually-hidden">: {table.title}</span>
        </Button>
        <Button appearance="secondary-action-button" onClick={downloadXlsx}>
          Download Excel<span className="wk-visually-hidden">: {table.title}</span>
        </Button>
      </ButtonGroup>
      <p className="wk-status-message" role="status">
        {message}
      </p>
    </div>
  );
}
