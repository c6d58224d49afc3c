/** Which open panels show (and in which grid area) and which fold to the dock. Pure; see tests/unit/arrange.test.ts. */
import { formFor, type FormName, type Viewport } from './forms';
import { PANELS, type PanelId } from './panels';

export interface Arrangement {
  form: FormName;
  /** the grid area of each panel on screen */
  shown: Partial<Record<PanelId, string>>;
  /** open panels that wait in the dock, highest priority first */
  folded: PanelId[];
}

export interface LayoutRequest {
  open: readonly PanelId[];
  /** raised from the dock: wins its area */
  raised?: PanelId | null;
  /** folded by the visitor: stays in the dock until raised */
  userFolded?: readonly PanelId[];
}

export function arrange(viewport: Viewport, { open, raised = null, userFolded = [] }: LayoutRequest): Arrangement {
  const form = formFor(viewport);
  const rank = (id: PanelId) => (PANELS[id].fixed ? 1000 : id === raised ? 500 : 0) + PANELS[id].priority;
  const byRank = [...new Set(open)].sort((a, b) => rank(b) - rank(a));
  const taken = new Set<string>();
  const shown: Arrangement['shown'] = {};
  const folded: PanelId[] = [];
  for (const id of byRank) {
    const area = form.place[PANELS[id].region];
    if (taken.has(area) || (userFolded.includes(id) && id !== raised && !PANELS[id].fixed)) {
      folded.push(id);
      continue;
    }
    taken.add(area);
    shown[id] = area;
  }
  return { form: form.name, shown, folded };
}
