import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from './SessionProvider';
import { AccountSignOutMutation } from './sessionOperations';

/**
 * Signs out on the server first, so that the token is really ended (a copy of it stops working
 * too), then on this phone. When the server cannot be reached the person stays signed in and is
 * told, so they can try again rather than believe a token is ended that is not.
 */
export function useSignOut(): { signOut: (everywhere: boolean) => Promise<void>; fetching: boolean; failed: boolean } {
  const session = useSession();
  const [{ fetching }, send] = useMutation(AccountSignOutMutation);
  const [failed, setFailed] = useState(false);

  async function signOut(everywhere: boolean) {
    setFailed(false);
    const result = await send({ input: { everywhere } });
    if (result.data?.accountSignOut.signedOut) session.signOut();
    else setFailed(true); // a token already refused ends the session through the client's own handler
  }

  return { signOut, fetching, failed };
}
