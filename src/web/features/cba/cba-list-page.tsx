/**
 * The social cost-benefit analyses (MKBA's) of one approach, with their net present value and
 * benefit/cost ratio; users who may edit them start a new one, empty or from the template of the
 * sixteen urban renewal areas (2021).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
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
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { keys, useApproach, useCbaCases } from '../../api/queries.ts';
import type { ApproachDetail, CbaCaseSummary } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading, PageError } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { isUuid } from '../approaches/labels.ts';
import { formatEuroShort, formatRatio } from './cba-format.ts';
import { createNewCaseFile } from './build-case-file.ts';
import { cbaCasePath, cbaListPath } from './cba-paths.ts';
import './cba.css';

export function CbaListPage() {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return <CbaList approachId={approachId} />;
}

function startYearOf(approach: ApproachDetail): number {
  const year = Number(approach.startDate.slice(0, 4));
  return Number.isInteger(year) && year >= 1900 ? year : new Date().getFullYear();
}

function CreateButtons({ approach }: { approach: ApproachDetail }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (kind: 'empty' | 'template') =>
      kind === 'template'
        ? api.createCbaCase(approach.id, { template: 'sixteen-areas' })
        : api.createCbaCase(approach.id, { caseFile: createNewCaseFile(startYearOf(approach)) }),
    onSuccess: (created) => {
      queryClient.setQueryData(keys.cbaCase(approach.id, created.id), created);
      void queryClient.invalidateQueries({ queryKey: keys.cbaCases(approach.id) });
      void navigate(cbaCasePath(approach.id, created.id));
    },
  });
  return (
    <div className="wk-no-print">
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          busy={create.isPending && create.variables === 'empty'}
          disabled={create.isPending}
          onClick={() => create.mutate('empty')}
        >
          Nieuwe MKBA
        </Button>
        <Button
          appearance="secondary-action-button"
          busy={create.isPending && create.variables === 'template'}
          disabled={create.isPending}
          onClick={() => create.mutate('template')}
        >
          Sjabloon 16 stedelijke vernieuwingsgebieden (2021)
        </Button>
      </ButtonGroup>
      <Paragraph small className="wk-muted">
        Een nieuwe MKBA begint leeg, met een discontovoet van 2,25% en een horizon van {startYearOf(approach)}{' '}
        tot en met {startYearOf(approach) + 20}. Het sjabloon bevat de indicatieve MKBA van de zestien
        stedelijke vernieuwingsgebieden (2021) met al zijn aannames, om aan te passen aan uw eigen wijk.
      </Paragraph>
      {create.isError ? <InlineError error={create.error} /> : null}
    </div>
  );
}

function CasesTable({ approachId, cases }: { approachId: string; cases: CbaCaseSummary[] }) {
  return (
    <div className="wk-cba-scroll">
      <Table className="wk-cba-table">
        <TableCaption className="wk-visually-hidden">MKBA's van deze wijkaanpak</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Netto contante waarde (NCW)
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Baten/kostenverhouding
            </TableHeaderCell>
            <TableHeaderCell scope="col">Laatst gewijzigd</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cases.map((c) => (
            <TableRow key={c.id}>
              <TableHeaderCell scope="row">
                <AppLink to={cbaCasePath(approachId, c.id)}>{c.name}</AppLink>
                {c.status === 'archived' ? <span className="wk-muted"> (gearchiveerd)</span> : null}
              </TableHeaderCell>
              <TableCell numericColumn>
                {c.problemCount > 0
                  ? `niet door te rekenen (${c.problemCount} ${c.problemCount === 1 ? 'fout' : 'fouten'})`
                  : c.netPresentValue === null
                    ? '—'
                    : formatEuroShort(c.netPresentValue)}
              </TableCell>
              <TableCell numericColumn>{formatRatio(c.benefitCostRatio)}</TableCell>
              <TableCell>{formatDateTime(c.updatedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function CbaList({ approachId }: { approachId: string }) {
  const approachQuery = useApproach(approachId);
  const cases = useCbaCases(approachId);
  if (approachQuery.isPending) return <Loading what="de wijkaanpak" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  const approach = approachQuery.data;
  const canEdit = approach.permissions.includes('edit_cba');
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: cbaListPath(approach.id), label: 'MKBA' },
        ]}
      />
      <PageHeading title={`MKBA – ${approach.title}`} preHeading={approach.title}>
        Maatschappelijke kosten-batenanalyses (MKBA)
      </PageHeading>
      <ApproachNav approach={approach} />
      <Paragraph lead>
        Een MKBA zet de kosten en de maatschappelijke baten van de aanpak naast elkaar, per jaar en per
        partij, omgerekend naar één moment (de contante waarde). Zo onderbouwt u gesprekspunt 2.4.2: is er een
        (globale) doorrekening gemaakt van de verhouding tussen kosten en maatschappelijke opbrengsten?
      </Paragraph>
      {canEdit ? <CreateButtons approach={approach} /> : null}
      <section aria-labelledby="mkba-lijst-kop" className="wk-section">
        <Heading level={2} id="mkba-lijst-kop">
          MKBA's van deze wijkaanpak
        </Heading>
        {cases.isPending ? <Loading what="de MKBA's" /> : null}
        {cases.isError ? <InlineError error={cases.error} /> : null}
        {cases.data && cases.data.length === 0 ? (
          <Paragraph>
            Er is nog geen MKBA gemaakt.
            {canEdit ? ' Begin met een nieuwe MKBA of met het sjabloon hierboven.' : ''}
          </Paragraph>
        ) : null}
        {cases.data && cases.data.length > 0 ? (
          <CasesTable approachId={approach.id} cases={cases.data} />
        ) : null}
      </section>
    </>
  );
}
