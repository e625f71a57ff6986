/**
 * MKBA cases of an approach: stored as case files, validated and evaluated by the core in worker
 * threads (cba-evaluator.ts), so that no case blocks the event loop.
 */
import type { Actor } from '../../core/access/actor.ts';
import { createSixteenAreasTemplate, type CaseResult } from '../../core/cba/index.ts';
import { DomainError, type FieldIssue } from '../../core/errors.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import {
  findCbaCase,
  insertCbaCase,
  listCbaCases,
  updateCbaCase,
  type CbaCaseRow,
} from '../../db/cba.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import type { CbaEvaluator } from './cba-evaluator.ts';
import { inTransaction, type ServiceContext } from './context.ts';

export const CBA_TEMPLATES = { 'sixteen-areas': createSixteenAreasTemplate } as const;
export type CbaTemplateId = keyof typeof CBA_TEMPLATES;

function underCaseFile(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({ ...i, path: ['caseFile', ...i.path] }));
}

interface StoredEvaluation {
  result: CaseResult | null;
  problems: FieldIssue[];
}

function caseName(caseFile: unknown): string {
  const name = (caseFile as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : 'MKBA';
}

function presentSummary(row: CbaCaseRow, evaluated: StoredEvaluation) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    netPresentValue: evaluated.result?.netPresentValue ?? null,
    benefitCostRatio: evaluated.result?.benefitCostRatio ?? null,
    problemCount: evaluated.problems.length,
  };
}

export function createCbaService(ctx: ServiceContext, evaluator: CbaEvaluator) {
  /** Validates and evaluates a case file; issues are reported under `caseFile` (the body's path). */
  async function evaluateValid(caseFile: unknown): Promise<CaseResult> {
    const evaluation = await evaluator.evaluate(caseFile);
    if (evaluation.kind === 'invalid')
      throw new DomainError('invalid_input', evaluation.message, {
        issues: underCaseFile(evaluation.issues),
      });
    return evaluation.result;
  }

  /**
   * Evaluates a stored case. A case stored before today's bounds (or by an older release) may no
   * longer be valid: it is then shown with its problems and without figures, never as a 500, so the
   * list stays readable and the case can be opened and corrected.
   */
  async function evaluateStored(caseFile: unknown): Promise<StoredEvaluation> {
    const evaluation = await evaluator.evaluate(caseFile);
    return evaluation.kind === 'result'
      ? { result: evaluation.result, problems: [] }
      : { result: null, problems: underCaseFile(evaluation.issues) };
  }

  return {
    template(id: CbaTemplateId) {
      return CBA_TEMPLATES[id]();
    },

    evaluate(caseFile: unknown) {
      return evaluateValid(caseFile);
    },

    async list(actor: Actor, approachId: string, options: { includeArchived: boolean }) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const rows = await listCbaCases(ctx.db, approachId, options);
      return Promise.all(rows.map(async (row) => presentSummary(row, await evaluateStored(row.caseFile))));
    },

    async get(actor: Actor, approachId: string, caseId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const found = await findCbaCase(ctx.db, approachId, caseId);
      if (!found) throw new DomainError('not_found', `MKBA ${caseId} bestaat niet bij deze wijkaanpak.`);
      const evaluated = await evaluateStored(found.row.caseFile);
      return {
        ...presentSummary(found.row, evaluated),
        caseFile: found.row.caseFile as Record<string, unknown>,
        updatedBy: found.row.updatedBy ? { id: found.row.updatedBy, name: found.updatedByName ?? '' } : null,
        result: evaluated.result as unknown as ({ method: string } & Record<string, unknown>) | null,
        problems: evaluated.problems,
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
      await evaluateValid(caseFile);
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
      await evaluateValid(input.caseFile);
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
