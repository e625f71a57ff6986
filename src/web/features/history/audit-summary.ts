/**
 * Turns audit events (entity, action, before/after as stored by the server) into Dutch lines:
 * what happened and which fields changed from what to what.
 */
import type { AuditEvent } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import {
  ALTERNATIVE_ROUTE_LABELS,
  DECISION_OUTCOME_LABELS,
  POINT_STATUS_LABELS,
} from '../framework/framework-content.ts';

export interface AuditChange {
  field: string;
  /** null when the record was created (there was no value before). */
  before: string | null;
  after: string;
}

export interface AuditSummary {
  what: string;
  changes: AuditChange[];
}

type Row = Record<string, unknown>;

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  answer: 'Antwoord',
  skipReason: 'Reden om over te slaan',
  evidence: 'Onderbouwing',
  participantOrganisationIds: 'Deelnemende organisaties',
  title: 'Titel',
  description: 'Omschrijving',
  focusArea: 'Gebied',
  focusAreaYear: 'Jaar gebiedsindeling',
  startDate: 'Startdatum',
  role: 'Rol',
  outcome: 'Besluit',
  decidedOn: 'Datum',
  decidedBy: 'Besloten door',
  rationale: 'Onderbouwing',
  alternativeRoutes: 'Alternatieve route',
  alternativeOther: 'Andere route',
  followUpDate: 'Vinger aan de pols',
};

const APPROACH_STATUS: Record<string, string> = { active: 'actief', archived: 'gearchiveerd' };
const ROLE: Record<string, string> = { coordinator: 'coördinator', partner: 'partner', viewer: 'meelezer' };

const MAX = 160;
const DATE_FIELDS = new Set(['decidedOn', 'followUpDate', 'startDate']);

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat;
}

function asRow(value: unknown): Row | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : null;
}

function show(field: string, value: unknown, entity: string, orgName: (id: string) => string): string {
  if (value === null || value === undefined || value === '') return '(leeg)';
  if (field === 'status' && typeof value === 'string') {
    if (entity === 'point_answer')
      return POINT_STATUS_LABELS[value as keyof typeof POINT_STATUS_LABELS] ?? value;
    return APPROACH_STATUS[value] ?? value;
  }
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value);
  if (field === 'outcome' && typeof value === 'string')
    return DECISION_OUTCOME_LABELS[value as keyof typeof DECISION_OUTCOME_LABELS] ?? value;
  if (field === 'role' && typeof value === 'string') return ROLE[value] ?? value;
  if (field === 'participantOrganisationIds' && Array.isArray(value))
    return value.length === 0 ? '(geen)' : value.map((id) => orgName(String(id))).join(', ');
  if (field === 'alternativeRoutes' && Array.isArray(value))
    return value.length === 0
      ? '(geen)'
      : value
          .map((r) => ALTERNATIVE_ROUTE_LABELS[r as keyof typeof ALTERNATIVE_ROUTE_LABELS] ?? String(r))
          .join(', ');
  if (field === 'evidence' && Array.isArray(value))
    return value.length === 0 ? '(geen)' : value.map((e) => String(asRow(e)?.title ?? '')).join('; ');
  if (Array.isArray(value)) return shorten(value.join(', '));
  return shorten(String(value));
}

function diff(
  entity: string,
  before: Row | null,
  after: Row | null,
  orgName: (id: string) => string,
): AuditChange[] {
  const fields = Object.keys(FIELD_LABELS);
  return fields
    .filter((f) => (before && f in before) || (after && f in after))
    .filter((f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null))
    .map((f) => ({
      field: FIELD_LABELS[f]!,
      before: before ? show(f, before[f], entity, orgName) : null,
      after: after ? show(f, after[f], entity, orgName) : '(verwijderd)',
    }));
}

export function summariseAuditEvent(event: AuditEvent, orgName: (id: string) => string): AuditSummary {
  const before = asRow(event.before);
  const after = asRow(event.after);
  const changes = diff(event.entityType, before, after, orgName);
  switch (event.entityType) {
    case 'point_answer': {
      const pointId = event.entityId.split(':').pop() ?? event.entityId;
      return { what: `Gesprekspunt ${pointId} bijgewerkt`, changes };
    }
    case 'decision':
      return {
        what: `Go/no-go-besluit vastgelegd: ${after?.outcome === 'no_go' ? 'no-go' : 'go'}`,
        changes,
      };
    case 'cycle':
      if (event.action === 'close')
        return { what: `${String(before?.title ?? 'Cyclus')} afgesloten`, changes: [] };
      return { what: `${String(after?.title ?? 'Cyclus')} gestart`, changes: [] };
    case 'approach':
      if (event.action === 'create') return { what: 'Wijkaanpak aangemaakt', changes: [] };
      if (event.action === 'archive') return { what: 'Wijkaanpak gearchiveerd', changes };
      return { what: 'Wijkaanpak gewijzigd', changes };
    case 'approach_member':
      if (event.action === 'delete') return { what: 'Lid verwijderd', changes: [] };
      return {
        what: `Lid uitgenodigd als ${ROLE[String(after?.role)] ?? String(after?.role ?? '')}`,
        changes: [],
      };
    default:
      return { what: `${event.entityType} ${event.action}`, changes };
  }
}
