/** Where the CBS import page lives and who sees it. */
import type { Session } from '../../api/types.ts';

export const IMPORT_PATH = '/beheer/cbs-import';

/**
 * The server's rule (canImportData in src/server/services/analysis-import.service.ts) mirrored to
 * decide what to show: a coordinator of a municipality or the platform administrator. The server
 * still decides (403 for anyone else).
 */
export function canImportData(user: Session['user'] | undefined): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'coordinator' && user.organisation.kind === 'municipality');
}
