import { useSession, type RendererSession } from '../../app/session';

/** The person screens are only mounted inside the shell, where a session always exists. */
export function useSignedIn(): RendererSession {
  const session = useSession();
  if (!session) throw new Error('person screens need a signed-in session');
  return session;
}
