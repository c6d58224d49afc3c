/**
 * axe-core through @axe-core/playwright (issue #13): the WCAG 2.0/2.1/2.2 A and AA rules on the page
 * as it stands. `axeScan` returns the violations grouped by impact and prints a one-line summary
 * per page (the figures the README's accessibility table is made from); `expectNoSeriousAxe` fails
 * on any serious or critical one, listing each with its nodes so the failure says what to fix.
 * Moderate and minor ones are reported, not failed on.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
const IMPACTS: Impact[] = ['critical', 'serious', 'moderate', 'minor'];

export interface AxeFinding {
  id: string;
  impact: Impact;
  help: string;
  /** CSS targets of the offending nodes (at most 5) */
  nodes: string[];
  /** axe's own explanation for the first node (the contrast ratio measured, the missing name...) */
  why: string;
}

export interface AxeResult {
  page: string;
  /** violated rules by impact (axe's "violations") */
  counts: Record<Impact, number>;
  /** offending nodes by impact: how widespread they are */
  nodes: Record<Impact, number>;
  findings: AxeFinding[];
}

/**
 * Scans the page. `exclude` takes selectors left out on purpose (say why at the call site).
 * The WebGL canvas is scanned like everything else: it must be named, and it has no text to contrast.
 */
export async function axeScan(page: Page, label: string, opts: { exclude?: string[]; testInfo?: TestInfo } = {}): Promise<AxeResult> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const sel of opts.exclude ?? []) builder = builder.exclude(sel);
  const results = await builder.analyze();
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const nodes: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const findings: AxeFinding[] = [];
  for (const v of results.violations) {
    const impact = (v.impact ?? 'minor') as Impact;
    counts[impact]++;
    nodes[impact] += v.nodes.length;
    findings.push({
      id: v.id,
      impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      why: v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 300) ?? '',
    });
  }
  findings.sort((a, b) => IMPACTS.indexOf(a.impact) - IMPACTS.indexOf(b.impact));
  const result: AxeResult = { page: label, counts, nodes, findings };
  const line = `[axe] ${label}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor} rules (${nodes.critical + nodes.serious + nodes.moderate + nodes.minor} nodes; ${results.passes.length} rules passed)`;
  console.log(line);
  // what axe could not decide (text over the 3D canvas or a translucent panel: contrast unknown)
  const unsure = results.incomplete.map((v) => `${v.id}×${v.nodes.length}`).join(', ');
  if (unsure) console.log(`[axe]   needs review: ${unsure}`);
  if (process.env.AXE_VERBOSE)
    for (const v of results.incomplete)
      for (const n of v.nodes)
        console.log(
          `[axe]     ? ${v.id} ${n.target.join(' ')}: ${n.any
            .map((c) => `${c.message} ${JSON.stringify(c.data)}`)
            .join('; ')
            .slice(0, 260)}`,
        );
  for (const f of findings) console.log(`[axe]   ${f.impact} ${f.id}: ${f.help} — ${f.nodes.join(' | ')} — ${f.why}`);
  if (opts.testInfo) await opts.testInfo.attach(`axe-${label}`, { body: JSON.stringify(result, null, 2), contentType: 'application/json' });
  return result;
}

/** Scans and fails on any serious or critical violation (moderate and minor are printed only). */
export async function expectNoSeriousAxe(page: Page, label: string, opts: { exclude?: string[]; testInfo?: TestInfo } = {}): Promise<AxeResult> {
  const result = await axeScan(page, label, opts);
  const blocking = result.findings.filter((f) => f.impact === 'critical' || f.impact === 'serious');
  // soft: one run reports every page's violations, the test still fails at its end
  expect
    .soft(
      blocking.map((f) => `${f.impact} ${f.id} (${f.help}): ${f.nodes.join(' | ')} — ${f.why}`),
      `serious or critical axe violations on ${label}`,
    )
    .toEqual([]);
  return result;
}
