/** Schema pieces shared by the routes. */
import { z } from 'zod';
import { isRegionCode } from '../../core/analysis/region-code.ts';
import { problemSchema } from '../errors.ts';

/** Error responses a route can give, for its OpenAPI description. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;
}

/** The usual set for an authenticated route. */
export const AUTH_ERRORS = [400, 401, 403, 404] as const;

export const uuidParam = z.uuid({ message: 'moet een UUID zijn' });
export const isoDate = z.iso.date({ message: 'moet een datum zijn (JJJJ-MM-DD)' });
/** CBS region codes as the core defines them (some gemeenten use letters in wijk/buurt codes: BU0363AA01). */
export const regionCode = z
  .string()
  .refine(isRegionCode, 'moet een CBS-gebiedscode zijn (NL00, GMnnnn, WKnnnnnn of BUnnnnnnnn)');
