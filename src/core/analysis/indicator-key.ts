/**
 * Names of indicators: v3 key stems, derived keys for variables nobody named, title normalisation.
 */

/** Removes the numeric suffix CBS appends to v3 keys and that shifts between years (AantalInwoners_5). */
export function getV3Stem(key: string): string {
  return key.trim().replace(/_\d+$/, '');
}

/** A readable, stable key for an indicator nobody named: GeregistreerdeMisdrijven -> geregistreerde_misdrijven. */
export function deriveIndicatorKey(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const snake = ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
  const key = snake
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 128);
  return key === '' ? 'indicator' : key;
}

export function normalizeTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
