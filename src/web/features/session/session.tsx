/** The logged-in user: a guard for pages behind login, and logout. */
import type { ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { canCreateApproach as canCreateApproachFor } from '../../../core/access/approach-role.ts';
import { api } from '../../api/endpoints.ts';
import { keys, useSession } from '../../api/queries.ts';
import type { Session } from '../../api/types.ts';
import { Loading, PageError } from '../../components/query-status.tsx';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading what="uw sessie" />;
  if (session.isError) return <PageError error={session.error} />;
  if (!session.data) {
    const back = `${location.pathname}${location.search}`;
    return (
      <Navigate to={back === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`} replace />
    );
  }
  return <>{children}</>;
}

/** The session of a page rendered inside RequireSession. */
export function useCurrentSession(): Session {
  const session = useSession();
  if (!session.data) throw new Error('useCurrentSession outside RequireSession');
  return session.data;
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      // Nothing of the previous user may stay in memory.
      queryClient.clear();
      queryClient.setQueryData(keys.session, null);
      void navigate('/inloggen', { state: { loggedOut: true } });
    },
  });
}

/** Whether this user may start approaches: the core's own rule (src/core/access). */
export function canCreateApproach(session: Session): boolean {
  return canCreateApproachFor({ role: session.user.role, organisationKind: session.user.organisation.kind });
}
