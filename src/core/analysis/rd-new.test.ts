import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertRdToWgs84, convertWgs84ToRd, isWithinRdExtent } from './rd-new.ts';

describe('RD New <-> WGS84 (Schreutelkamp & Strang van Hees 2001)', () => {
  it('maps the reference point in Amersfoort onto itself', () => {
    const { lat, lon } = convertRdToWgs84(155_000, 463_000);
    expect(lat).toBeCloseTo(52.15517, 5);
    expect(lon).toBeCloseTo(5.38721, 5);
  });

  it('places the Westertoren in Amsterdam where the publication does (52.37453, 4.88353)', () => {
    // The worked example of the publication: RD 120700.723, 487525.501.
    const { lat, lon } = convertRdToWgs84(120_700.723, 487_525.501);
    expect(lat).toBeCloseTo(52.37453, 4);
    expect(lon).toBeCloseTo(4.88353, 4);
    const back = convertWgs84ToRd(52.37453253, 4.88352559);
    expect(Math.abs(back.x - 120_700.723)).toBeLessThan(1);
    expect(Math.abs(back.y - 487_525.501)).toBeLessThan(1);
  });

  it('round-trips within a metre everywhere in the Netherlands', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 280_000, noNaN: true }),
        fc.double({ min: 300_000, max: 620_000, noNaN: true }),
        (x, y) => {
          const { lat, lon } = convertRdToWgs84(x, y);
          const back = convertWgs84ToRd(lat, lon);
          return Math.hypot(back.x - x, back.y - y) < 1;
        },
      ),
    );
  });

  it('recognises RD coordinates by their extent', () => {
    expect(isWithinRdExtent(136_000, 456_000)).toBe(true);
    expect(isWithinRdExtent(5.1, 52.1)).toBe(false);
  });
});
