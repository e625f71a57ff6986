/** What the citizens' panel services share: loading a panel for an actor, and the presenters. */
import type { Actor } from '../../core/access/actor.ts';
import type { ApproachAction } from '../../core/access/approach-role.ts';
import { DomainError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { findPanel, type PanelDrawRow, type PanelRow, type PanelRunRow } from '../../db/panels.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import { listFeatureCounts } from './panel-summaries.ts';

export async function loadPanelFor(
  db: Database,
  actor: Actor,
  key: { approachId: string; panelId: string },
  action: ApproachAction,
  options: { forUpdate?: boolean } = {},
) {
  const access = await loadApproachFor(db, actor, key.approachId, action);
  const panel = await findPanel(db, key.approachId, key.panelId, options);
  if (!panel)
    throw new DomainError('not_found', `Burgerpanel ${key.panelId} bestaat niet bij deze wijkaanpak.`);
  return { access, panel };
}

/** Personal data is gone after the retention date: nothing that needs it can happen any more. */
export function assertNotPurged(panel: PanelRow): void {
  if (panel.purgedAt) {
    throw new DomainError(
      'read_only',
      `De persoonsgegevens van dit burgerpanel zijn op ${panel.purgedAt.toISOString().slice(0, 10)} verwijderd (bewaartermijn tot ${panel.retentionUntil}). Alleen de geaggregeerde gegevens en hashes zijn bewaard.`,
    );
  }
}

export function requirePool(panel: PanelRow) {
  if (!panel.poolSha256 || !panel.poolColumns || panel.poolSize === null) {
    throw new DomainError(
      'conflict',
      'Dit burgerpanel heeft nog geen pool: upload eerst het bestand met aanmeldingen.',
    );
  }
  return { sha256: panel.poolSha256, columns: panel.poolColumns, size: panel.poolSize };
}

export function requireQuotas(panel: PanelRow) {
  if (panel.quotas.length === 0 || !panel.quotasSha256) {
    throw new DomainError(
      'conflict',
      'Dit burgerpanel heeft nog geen quota: stel eerst per kenmerk een minimum en maximum in.',
    );
  }
  return { quotas: panel.quotas, sha256: panel.quotasSha256 };
}

/**
 * The input hashes of a run, in the order of the engine's selection record (record.ts) and the CLI:
 * quota file, pool file, canonical settings. The draw seed is computeDrawSeed(publicValue, these).
 */
export function listRunInputHashes(
  run: Pick<PanelRunRow, 'quotasSha256' | 'poolSha256' | 'settingsSha256'>,
): string[] {
  return [run.quotasSha256, run.poolSha256, run.settingsSha256];
}

export function presentPanelSummary(row: PanelRow) {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    panelSize: row.panelSize,
    retentionUntil: row.retentionUntil,
    status: row.purgedAt ? ('purged' as const) : ('open' as const),
    purgedAt: row.purgedAt?.toISOString() ?? null,
    poolSize: row.poolSize,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPanel(row: PanelRow, permissions: readonly ApproachAction[]) {
  const columns = row.poolColumns;
  return {
    ...presentPanelSummary(row),
    quotasVersion: row.quotasVersion,
    pool:
      row.poolSha256 && columns && row.poolSize !== null
        ? {
            fileName: row.poolFileName ?? '',
            fileKind: row.poolFileKind ?? ('csv' as const),
            sha256: row.poolSha256,
            size: row.poolSize,
            uploadedAt: row.poolUploadedAt?.toISOString() ?? '',
            idColumn: columns.idColumn,
            featureColumns: columns.featureColumns,
            householdColumns: columns.householdColumns,
            droppedColumns: columns.droppedColumns,
            counts: listFeatureCounts(row.poolCounts ?? {}, columns.featureColumns, row.poolSize),
          }
        : null,
    quotas: row.quotas.map((q) => ({ category: q.category, value: q.value, min: q.min, max: q.max })),
    quotasFile:
      row.quotasSha256 && row.quotasCsv !== null
        ? { fileName: row.quotasFileName ?? 'quota.csv', sha256: row.quotasSha256, csv: row.quotasCsv }
        : null,
    canManage: permissions.includes('manage_panels'),
    canReadPersonalData: permissions.includes('read_panel_personal_data'),
  };
}

export function presentRun(
  row: Omit<PanelRunRow, 'panelProbabilities' | 'panelMembers' | 'personProbabilities' | 'heartbeatAt'>,
  panel: PanelRow,
  names: Map<string, string>,
) {
  return {
    id: row.id,
    algorithm: row.algorithm,
    status: row.status,
    poolSha256: row.poolSha256,
    quotasSha256: row.quotasSha256,
    settingsSha256: row.settingsSha256,
    settings: { ...row.settings, householdColumns: [...row.settings.householdColumns] },
    inputHashes: listRunInputHashes(row),
    panelSize: row.panelSize,
    quotas: row.quotas.map((q) => ({ category: q.category, value: q.value, min: q.min, max: q.max })),
    isCurrentPool: row.poolSha256 === panel.poolSha256,
    progress: row.progress ?? null,
    error: row.error
      ? {
          code: row.error.code,
          message: row.error.message,
          conflicts: row.error.conflicts ?? [],
          relaxations: row.error.relaxations ?? [],
        }
      : null,
    summary: row.summary ?? null,
    startedBy: row.startedBy ? { id: row.startedBy, name: names.get(row.startedBy) ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    cancelRequestedAt: row.cancelRequestedAt?.toISOString() ?? null,
  };
}

export function presentDraw(row: PanelDrawRow, names: Map<string, string>) {
  return {
    id: row.id,
    runId: row.runId,
    kind: row.kind,
    parentDrawId: row.parentDrawId,
    publicValue: row.publicValue,
    seed: row.seed,
    inputHashes: row.inputHashes,
    panelIndex: row.panelIndex,
    ticket: row.ticket,
    size: row.size,
    droppedOutCount: row.droppedOutCount,
    composition: Object.entries(row.composition).map(([category, values]) => ({
      category,
      values: Object.entries(values)
        .sort(([a], [b]) => a.localeCompare(b, 'nl'))
        .map(([value, count]) => ({ value, count })),
    })),
    hasMembers: row.members !== null,
    createdBy: row.createdBy ? { id: row.createdBy, name: names.get(row.createdBy) ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
