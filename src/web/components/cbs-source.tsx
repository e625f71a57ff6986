/**
 * Attribution of a CBS figure: "Bron: CBS, Kerncijfers wijken en buurten 2023". When the API gives
 * its own attribution text (the area profile's `attribution`), pass it as `note`; it replaces the
 * default text. CBS publishes its statistics under CC BY 4.0, which asks for this attribution.
 */
import { Paragraph } from '@utrecht/component-library-react';

export function cbsSourceText(year: number | string, note?: string): string {
  if (note) return note.startsWith('Bron') ? note : `Bron: ${note}`;
  return `Bron: CBS, Kerncijfers wijken en buurten ${year}`;
}

export function CbsSource({ year, note }: { year: number | string; note?: string }) {
  return (
    <Paragraph small className="wk-source-note">
      {cbsSourceText(year, note)}
    </Paragraph>
  );
}
