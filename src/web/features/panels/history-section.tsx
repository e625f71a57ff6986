/** Every selection run and every draw of the panel, with their inputs (hashes) and outcome. */
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { PanelDraw, PanelRun } from '../../api/panels.ts';
import { formatDateTime } from '../../components/format.ts';
import { ALGORITHM_LABELS, formatProbability, RUN_STATUS_LABELS, shortHash } from './panel-labels.ts';

export function HistorySection({ runs, draws }: { runs: PanelRun[]; draws: PanelDraw[] }) {
  return (
    <section aria-labelledby="verloop-kop" className="wk-section">
      <Heading level={2} id="verloop-kop">
        Verloop: selecties en lotingen
      </Heading>
      {runs.length === 0 ? <Paragraph>Nog geen selecties.</Paragraph> : <RunsTable runs={runs} />}
      {draws.length === 0 ? <Paragraph>Nog geen lotingen.</Paragraph> : <DrawsTable draws={draws} />}
    </section>
  );
}

function RunsTable({ runs }: { runs: PanelRun[] }) {
  return (
    <div className="wk-panel-scroll">
      <Table className="wk-panel-table" data-testid="run-history">
        <TableCaption>Selecties, nieuwste eerst</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Gestart</TableHeaderCell>
            <TableHeaderCell scope="col">Methode</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Laagste kans
            </TableHeaderCell>
            <TableHeaderCell scope="col">Hashes (quota, pool, instellingen)</TableHeaderCell>
            <TableHeaderCell scope="col">Door</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id}>
              <TableHeaderCell scope="row">{formatDateTime(run.createdAt)}</TableHeaderCell>
              <TableCell>{ALGORITHM_LABELS[run.algorithm]}</TableCell>
              <TableCell>{RUN_STATUS_LABELS[run.status]}</TableCell>
              <TableCell numericColumn>
                {run.summary ? formatProbability(run.summary.minProbability) : '–'}
              </TableCell>
              <TableCell className="wk-hash">{run.inputHashes.map(shortHash).join(' ')}</TableCell>
              <TableCell>{run.startedBy?.name ?? '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function DrawsTable({ draws }: { draws: PanelDraw[] }) {
  return (
    <div className="wk-panel-scroll">
      <Table className="wk-panel-table" data-testid="draw-history">
        <TableCaption>Lotingen, nieuwste eerst</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Geloot</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Publieke waarde</TableHeaderCell>
            <TableHeaderCell scope="col">Seed</TableHeaderCell>
            <TableHeaderCell scope="col">Samenstelling</TableHeaderCell>
            <TableHeaderCell scope="col">Door</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {draws.map((draw) => (
            <TableRow key={draw.id}>
              <TableHeaderCell scope="row">{formatDateTime(draw.createdAt)}</TableHeaderCell>
              <TableCell>
                {draw.kind === 'panel' ? 'Panel' : `Vervangers voor ${draw.droppedOutCount}`}
              </TableCell>
              <TableCell>{draw.publicValue}</TableCell>
              <TableCell className="wk-hash">{shortHash(draw.seed)}</TableCell>
              <TableCell>
                {draw.composition
                  .map((c) => `${c.category}: ${c.values.map((v) => `${v.value} ${v.count}`).join(', ')}`)
                  .join('; ')}
              </TableCell>
              <TableCell>{draw.createdBy?.name ?? '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
