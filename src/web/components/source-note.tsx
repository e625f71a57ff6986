import { Paragraph } from '@utrecht/component-library-react';

/** Attribution shown next to texts from the policy note. */
export function SourceNote() {
  return (
    <Paragraph small className="wk-source-note">
      Bron: afwegingskader, Programma Leefbaarheid en Veiligheid (2022)
    </Paragraph>
  );
}
