/**
 * A guide for setting quotas: the focus area's own population by sex, age and origin, from the CBS
 * figures the neighbourhood analysis holds (GET /approaches/{id}/area-profile). When Wijkkompas has
 * no such figures for the area (or that part of the API is not there), it says so: the quota table
 * then shows the pool's shares only.
 */
import { useQuery } from '@tanstack/react-query';
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
import { request } from '../../api/client.ts';
import { formatCount, formatShare } from './panel-labels.ts';

/** The part of the area profile this guide reads (schema AreaProfile of the analysis API). */
interface AreaProfile {
  name: string;
  year: number;
  attribution: string;
  indicators: { key: string; title: string; value: number | null }[];
}

/** Population groups as CBS publishes them (Kerncijfers wijken en buurten), each a share of all inhabitants. */
const GROUPS: { heading: string; keys: string[] }[] = [
  { heading: 'Geslacht', keys: ['a_man', 'a_vrouw'] },
  { heading: 'Leeftijd', keys: ['a_00_14', 'a_15_24', 'a_25_44', 'a_45_64', 'a_65_oo'] },
  { heading: 'Herkomst', keys: ['a_nl_all', 'a_eur_al', 'a_neu_al'] },
];

export function AreaPopulationGuide({ approachId, year }: { approachId: string; year: number }) {
  const profile = useQuery({
    queryKey: ['approach', approachId, 'area-profile', year],
    queryFn: () =>
      request<AreaProfile>('GET', `/approaches/${encodeURIComponent(approachId)}/area-profile`, {
        query: { year },
      }),
    retry: false,
    staleTime: 5 * 60_000,
  });
  const byKey = new Map((profile.data?.indicators ?? []).map((i) => [i.key, i]));
  const total = byKey.get('a_inw')?.value ?? null;
  const rows = GROUPS.flatMap((group) =>
    group.keys.flatMap((key) => {
      const indicator = byKey.get(key);
      return indicator && indicator.value !== null && total
        ? [
            {
              group: group.heading,
              title: indicator.title,
              value: indicator.value,
              share: indicator.value / total,
            },
          ]
        : [];
    }),
  );
  return (
    <div className="wk-panel-subsection">
      <Heading level={3}>Ter vergelijking: de bevolking van het focusgebied</Heading>
      {profile.isPending ? <Paragraph role="status">Bezig met laden van de CBS-cijfers…</Paragraph> : null}
      {!profile.isPending && rows.length === 0 ? (
        <Paragraph>
          Voor het focusgebied van deze wijkaanpak zijn (nog) geen CBS-bevolkingscijfers in Wijkkompas. De
          tabel hierboven toont daarom alleen de verdeling in de pool; vergelijk die zelf met de wijkcijfers.
        </Paragraph>
      ) : null}
      {rows.length > 0 && profile.data ? (
        <>
          <div className="wk-panel-scroll">
            <Table className="wk-panel-table">
              <TableCaption>
                Inwoners van {profile.data.name} naar geslacht, leeftijd en herkomst (CBS, {profile.data.year}
                )
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Groep</TableHeaderCell>
                  <TableHeaderCell scope="col">Indicator</TableHeaderCell>
                  <TableHeaderCell scope="col" numericColumn>
                    Inwoners
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" numericColumn>
                    Aandeel
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.title}>
                    <TableCell>{row.group}</TableCell>
                    <TableHeaderCell scope="row">{row.title}</TableHeaderCell>
                    <TableCell numericColumn>{formatCount(row.value)}</TableCell>
                    <TableCell numericColumn>{formatShare(row.share)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Paragraph small>{profile.data.attribution}</Paragraph>
        </>
      ) : null}
    </div>
  );
}
