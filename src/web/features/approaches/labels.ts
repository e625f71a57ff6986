import type { Approach } from '../../api/types.ts';

export const APPROACH_STATUS_LABELS: Record<Approach['status'], string> = {
  active: 'Actief',
  archived: 'Gearchiveerd',
};

export const APPROACH_ROLE_LABELS: Record<string, string> = {
  coordinator: 'Coördinator: u bewerkt alles, legt besluiten vast en beheert cycli',
  partner: 'Partner: u werkt gesprekspunten bij',
  viewer: 'Meelezer: u kunt alles lezen',
};

/** A UUID as the API expects in paths; anything else cannot be an approach. */
export function isUuid(value: string | undefined): value is string {
  return (
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}

export function approachPath(id: string): string {
  return `/aanpakken/${id}`;
}

export function stepPath(id: string, cycle: number, stepId: string): string {
  return `/aanpakken/${id}/cycli/${cycle}/stappen/${stepId}`;
}
