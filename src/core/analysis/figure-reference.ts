/**
 * A figure as evidence for a discussion point: one indicator, one year, one area, written as
 * `indicatorKey@year:CODE[,CODE...]`, e.g. `p_huurw@2023:WK034403` or `a_inw@2024:BU03440311,BU03440312`.
 */
import { DomainError } from '../errors.ts';
import { normalizeRegionCode } from './region-code.ts';

export interface FigureReference {
  indicatorKey: string;
  year: number;
  regionCodes: string[];
}

export const FIGURE_REFERENCE_PATTERN =
  /^[a-z0-9_]{1,128}@(19|20)\d{2}:(NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})(,(NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})){0,199}$/;

export function parseFigureReference(reference: string): FigureReference {
  if (!FIGURE_REFERENCE_PATTERN.test(reference)) {
    throw new DomainError('invalid_input', `'${reference}' is geen verwijzing naar een cijfer.`, {
      issues: [
        { path: ['reference'], message: 'verwacht indicator@jaar:CODE[,CODE...], bv. p_huurw@2023:WK034403' },
      ],
    });
  }
  const at = reference.indexOf('@');
  const colon = reference.indexOf(':');
  const regionCodes = reference
    .slice(colon + 1)
    .split(',')
    .map((code) => normalizeRegionCode(code) as string);
  return {
    indicatorKey: reference.slice(0, at),
    year: Number(reference.slice(at + 1, colon)),
    regionCodes: [...new Set(regionCodes)],
  };
}

export function formatFigureReference(figure: FigureReference): string {
  return `${figure.indicatorKey}@${figure.year}:${figure.regionCodes.join(',')}`;
}
