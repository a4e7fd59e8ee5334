import { useQuery } from 'urql';
import { CaseworkCommunityQuery } from './operations';

/**
 * The community whose cases a grid worker (through their grids) or an administrator sees: the
 * board, its updates and the KPIs are asked for per community.
 */
export function useCaseCommunity() {
  // load error: handed to the screen, which shows it with <LoadError/>
  const [{ data, error, fetching }, refetch] = useQuery({ query: CaseworkCommunityQuery });
  let communityId: string | null = null;
  for (const role of data?.me?.roles ?? []) {
    const scope = role.scope as { id: string; community?: { id: string } } | null;
    if (role.role === 'GRID_WORKER' && scope?.community) communityId ??= scope.community.id;
    if (role.role === 'ADMINISTRATOR' && scope && !scope.community) communityId ??= scope.id;
  }
  return { communityId, error, fetching, retry: () => refetch({ requestPolicy: 'network-only' }) };
}
