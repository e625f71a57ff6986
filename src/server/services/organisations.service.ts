/**
 * Partner organisations of a municipality (issue 13): coordinators and the administrator add and
 * edit them; every partner is linked to its municipality, so it can take part in discussion points,
 * the coalition and the contract of that municipality's approaches.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../core/access/actor.ts';
import type { CoalitionDomain } from '../../core/coalition/domains.ts';
import type { PartnerKind } from '../../core/coalition/organisation-kinds.ts';
import { DomainError } from '../../core/errors.ts';
import {
  findOrganisationByCode,
  findOrganisationById,
  insertOrganisation,
} from '../../db/accounts.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  findOrganisationByName,
  listMunicipalityOrganisations,
  listUnlinkedPartners,
  updateOrganisation,
  type OrganisationRow,
} from '../../db/organisations.repository.ts';
import { inTransaction, type ServiceContext } from './context.ts';
import { loadManagedMunicipality } from './municipality-access.ts';

export interface OrganisationInput {
  name: string;
  kind: PartnerKind;
  domains?: CoalitionDomain[] | undefined;
  /** Only the administrator names another municipality. */
  municipalityCode?: string | undefined;
}

export interface OrganisationPatch {
  version: number;
  name?: string | undefined;
  kind?: PartnerKind | undefined;
  domains?: CoalitionDomain[] | undefined;
  /** The administrator links an organisation that has no municipality yet. */
  municipalityCode?: string | undefined;
}

export function presentOrganisation(row: OrganisationRow, accountCount?: number) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: (row.kind === 'municipality' ? 'municipality' : (row.partnerKind ?? 'other')) as
      PartnerKind | 'municipality',
    isMunicipality: row.kind === 'municipality',
    domains: row.domains as CoalitionDomain[],
    municipalityCode: row.kind === 'municipality' ? row.code : row.municipalityCode,
    note: row.sector,
    accountCount: accountCount ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type OrganisationView = ReturnType<typeof presentOrganisation>;

async function assertNameFree(db: Database, municipalityCode: string, name: string, exceptId?: string) {
  const existing = await findOrganisationByName(db, municipalityCode, name);
  if (existing && existing.id !== exceptId) {
    throw new DomainError('conflict', `Er is al een organisatie "${existing.name}" bij deze gemeente.`, {
      issues: [{ path: ['name'], message: 'bestaat al bij deze gemeente' }],
    });
  }
}

/** A code no other organisation has: the municipality code and a random suffix (codes are not secret). */
async function generateCode(db: Database, municipalityCode: string) {
  for (;;) {
    const code = `${municipalityCode}-P${randomBytes(3).toString('hex').toUpperCase()}`;
    if (!(await findOrganisationByCode(db, code))) return code;
  }
}

export function createOrganisationsService(ctx: ServiceContext) {
  async function loadEditable(db: Database, actor: Actor, id: string) {
    const row = await findOrganisationById(db, id);
    const hidden = () =>
      new DomainError('not_found', `Organisatie ${id} bestaat niet of is niet zichtbaar voor u.`);
    if (!row) throw hidden();
    if (row.municipalityCode === null && row.kind === 'partner') {
      if (actor.role !== 'admin') throw hidden();
      return row;
    }
    const municipalityCode = row.kind === 'municipality' ? row.code : row.municipalityCode!;
    if (actor.role !== 'admin' && actor.organisationCode !== municipalityCode) throw hidden();
    await loadManagedMunicipality(db, actor, municipalityCode);
    return row;
  }

  return {
    async list(actor: Actor, options: { municipalityCode?: string | undefined; unlinked?: boolean }) {
      if (options.unlinked) {
        if (actor.role !== 'admin')
          throw new DomainError(
            'forbidden',
            'Alleen de platformbeheerder ziet organisaties zonder gemeente.',
          );
        return (await listUnlinkedPartners(ctx.db)).map((r) =>
          presentOrganisation(r.organisation, r.accountCount),
        );
      }
      const municipality = await loadManagedMunicipality(ctx.db, actor, options.municipalityCode);
      const rows = await listMunicipalityOrganisations(ctx.db, municipality.code);
      return rows.map((r) => presentOrganisation(r.organisation, r.accountCount));
    },

    async get(actor: Actor, id: string) {
      return presentOrganisation(await loadEditable(ctx.db, actor, id));
    },

    async create(actor: Actor, input: OrganisationInput) {
      return inTransaction(ctx, async (db) => {
        const municipality = await loadManagedMunicipality(db, actor, input.municipalityCode);
        const name = input.name.trim();
        await assertNameFree(db, municipality.code, name);
        const row = await insertOrganisation(db, {
          code: await generateCode(db, municipality.code),
          name,
          kind: 'partner',
          partnerKind: input.kind,
          domains: [...new Set(input.domains ?? [])],
          municipalityCode: municipality.code,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: null,
          entityType: 'organisation',
          entityId: row.id,
          action: 'create',
          before: null,
          after: row,
        });
        return presentOrganisation(row, 0);
      });
    },

    async update(actor: Actor, id: string, patch: OrganisationPatch) {
      return inTransaction(ctx, async (db) => {
        const current = await loadEditable(db, actor, id);
        if (current.kind === 'municipality' && (patch.kind || patch.domains || patch.municipalityCode)) {
          throw new DomainError(
            'invalid_input',
            'Van de gemeente zelf kan alleen de naam worden gewijzigd.',
            {
              issues: [
                {
                  path: [patch.kind ? 'kind' : patch.domains ? 'domains' : 'municipalityCode'],
                  message: 'niet voor een gemeente',
                },
              ],
            },
          );
        }
        let municipalityCode = current.kind === 'municipality' ? current.code : current.municipalityCode;
        if (patch.municipalityCode && patch.municipalityCode !== municipalityCode) {
          if (actor.role !== 'admin' || current.municipalityCode !== null) {
            throw new DomainError(
              'forbidden',
              'Alleen de platformbeheerder koppelt een organisatie zonder gemeente.',
            );
          }
          municipalityCode = (await loadManagedMunicipality(db, actor, patch.municipalityCode)).code;
        }
        const name = patch.name?.trim();
        if (name && municipalityCode && current.kind === 'partner')
          await assertNameFree(db, municipalityCode, name, id);
        const updated = await updateOrganisation(db, id, patch.version, {
          ...(name ? { name } : {}),
          ...(patch.kind ? { partnerKind: patch.kind } : {}),
          ...(patch.domains ? { domains: [...new Set(patch.domains)] } : {}),
          ...(municipalityCode !== current.municipalityCode && current.kind === 'partner'
            ? { municipalityCode }
            : {}),
        });
        if (!updated) {
          throw new DomainError(
            'stale_version',
            'Deze organisatie is intussen door iemand anders gewijzigd.',
            {
              data: { current: presentOrganisation(current) },
            },
          );
        }
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: null,
          entityType: 'organisation',
          entityId: id,
          action: 'update',
          before: current,
          after: updated,
        });
        return presentOrganisation(updated);
      });
    },
  };
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
