/** Sign in or register with a visitor account (issue #10) for a hall that admits visitor accounts only. Lazy: only such halls load it. */
import { AccountPanel } from '../visitor/AccountPanel';
import { useSession } from '../console/session';

export default function AccountGate({ why }: { why: string }) {
  const { state, setUser, signOut, refresh } = useSession();
  return <AccountPanel state={state} onSignedIn={setUser} onSignOut={() => void signOut()} onRetry={() => void refresh()} why={why} />;
}
