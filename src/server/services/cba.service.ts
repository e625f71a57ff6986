/** MKBA cases of an approach: stored as case files, validated and evaluated by the core. */
import type { Actor } from '../../core/access/actor.ts';
import { createSixteenAreasTemplate, evaluateCase, parseCase } from '../../core/cba/index.ts';
import { DomainError, isDomainError } from '../../core/errors.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import {
  findCbaCase,
  insertCbaCase,
  listCbaCases,
  updateCbaCase,
  type CbaCaseRow,
} from '../../db/cba.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import { inTransaction, type ServiceContext } from './context.ts';

export const CBA_TEMPLATES = { 'sixteen-areas': createSixteenAreasTemplate } as const;
export type CbaTemplateId = keyof typeof CBA_TEMPLATES;

/** Validates a case file; issues are reported under `caseFile` so the field paths match the body. */
function validateCaseFile(caseFile: unknown) {
  try {
    parseCase(caseFile);
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_input') {
      throw new DomainError('invalid_input', error.message, {
        issues: error.issues.map((i) => ({ ...i, path: ['caseFile', ...i.path] })),
      });
    }
    throw error;
  }
}

function caseName(caseFile: unknown): string {
  const name = (caseFile as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : 'MKBA';
}

function presentSummary(row: CbaCaseRow) {
  const result = evaluateCase(row.caseFile);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    netPresentValue: result.netPresentValue ?? null,
    benefitCostRatio: result.benefitCostRatio ?? null,
  };
}

export function createCbaService(ctx: ServiceContext) {
  return {
    template(id: CbaTemplateId) {
      return CBA_TEMPLATES[id]();
    },

    evaluate(caseFile: unknown) {
      validateCaseFile(caseFile);
      return evaluateCase(caseFile);
    },

    async list(actor: Actor, approachId: string, options: { includeArchived: boolean }) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const rows = await listCbaCases(ctx.db, approachId, options);
      return rows.map(presentSummary);
    },

    async get(actor: Actor, approachId: string, caseId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const found = await findCbaCase(ctx.db, approachId, caseId);
      if (!found) throw new DomainError('not_found', `MKBA ${caseId} bestaat niet bij deze wijkaanpak.`);
      return {
        ...presentSummary(found.row),
        caseFile: found.row.caseFile as Record<string, unknown>,
        updatedBy: found.row.updatedBy ? { id: found.row.updatedBy, name: found.updatedByName ?? '' } : null,
        result: evaluateCase(found.row.caseFile) as unknown as { method: string } & Record<string, unknown>,
      };
    },

    async create(
      actor: Actor,
      approachId: string,
      input: { caseFile?: unknown; template?: CbaTemplateId | undefined },
    ) {
      const caseFile = input.template ? CBA_TEMPLATES[input.template]() : input.caseFile;
      if (caseFile === undefined) {
        throw new DomainError('invalid_input', 'Geef een MKBA (caseFile) of kies een sjabloon (template).', {
          issues: [{ path: ['caseFile'], message: 'verplicht als er geen sjabloon is gekozen' }],
        });
      }
      validateCaseFile(caseFile);
      const created = await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'edit_cba');
        const row = await insertCbaCase(db, {
          approachId,
          name: caseName(caseFile),
          caseFile,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'cba_case',
          entityId: row.id,
          action: 'create',
          before: null,
          after: row,
        });
        return row;
      });
      return this.get(actor, approachId, created.id);
    },

    async update(
      actor: Actor,
      approachId: string,
      caseId: string,
      input: { version: number; caseFile: unknown; status?: 'active' | 'archived' | undefined },
    ) {
      validateCaseFile(input.caseFile);
      await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'edit_cba');
        const current = await findCbaCase(db, approachId, caseId);
        if (!current) throw new DomainError('not_found', `MKBA ${caseId} bestaat niet bij deze wijkaanpak.`);
        const updated = await updateCbaCase(
          db,
          { approachId, id: caseId, expectedVersion: input.version },
          {
            name: caseName(input.caseFile),
            caseFile: input.caseFile,
            status: input.status ?? current.row.status,
            updatedBy: actor.userId,
          },
        );
        if (!updated) {
          throw new DomainError('stale_version', 'Deze MKBA is intussen door iemand anders gewijzigd.', {
            data: {
              current: { id: current.row.id, version: current.row.version, caseFile: current.row.caseFile },
            },
          });
        }
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'cba_case',
          entityId: caseId,
          action: 'update',
          before: current.row,
          after: updated,
        });
      });
      return this.get(actor, approachId, caseId);
    },

    /** Whether a case belongs to the approach (evidence links must point inside the approach). */
    async exists(approachId: string, caseId: string) {
      return (await findCbaCase(ctx.db, approachId, caseId)) !== undefined;
    },
  };
}
