import { isHallId } from '../../shared/halls';
import { usePath } from './router';
import { Landing } from './ui/Landing';
import { HallPage } from './ui/HallPage';

export function App() {
  const path = usePath();
  const m = /^\/hall\/([a-z0-9-]+)\/?$/.exec(path);
  if (m && isHallId(m[1])) return <HallPage key={m[1]} hallId={m[1]} />;
  return <Landing />;
}
