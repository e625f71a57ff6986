import { normalizeRegionCode } from '../../../core/analysis/region-code.ts';

/** One CBS code per line; blank lines are ignored, duplicates kept once, case and padding forgiven. */
export function parseRegionCodes(text: string): { codes: string[]; errors: string[] } {
  const codes: string[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const code = normalizeRegionCode(line);
    if (!code) errors.push(`regel ${index + 1}: “${line.trim()}” is geen CBS-gebiedscode`);
    else if (!codes.includes(code)) codes.push(code);
  });
  return { codes, errors };
}
