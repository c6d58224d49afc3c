/**
 * The static import graph of a build, walked from a starting chunk: what the browser must fetch
 * before that chunk can run. One walker for the Vite manifest (bench/bundle.ts, e2e) and for the
 * bundle itself (the hall-files plugin), so the bench and the loading screen count the same files.
 */

/** One chunk as the Vite manifest describes it: its file, its static imports (keys), its CSS. */
export interface GraphChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
  src?: string;
}

export type ChunkGraph = Record<string, GraphChunk>;

/** Keys of every chunk reachable from `start` through static imports, `start` included. */
export function staticClosure(graph: ChunkGraph, start: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    const chunk = graph[key];
    if (!chunk) throw new Error(`chunk ${key} is not in the build graph`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) stack.push(dep);
  }
  return seen;
}

/** JS and CSS files of a set of chunks, JS first, each once. */
export function filesOf(graph: ChunkGraph, keys: Iterable<string>): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const key of keys) {
    js.add(graph[key].file);
    for (const c of graph[key].css ?? []) css.add(c);
  }
  return { js: [...js], css: [...css] };
}

/** The manifest key of the chunk built from a source file (e.g. 'src/ui/InHall.tsx'). */
export function keyOfSource(graph: ChunkGraph, src: string): string {
  const key = Object.keys(graph).find((k) => graph[k].src === src || k === src);
  if (!key) throw new Error(`no chunk is built from ${src}`);
  return key;
}

/** The entry chunk (index.html's script). */
export function entryKey(graph: ChunkGraph): string {
  const keys = Object.keys(graph).filter((k) => graph[k].isEntry);
  if (keys.length !== 1) throw new Error(`expected one entry chunk, found ${keys.length}`);
  return keys[0];
}

/**
 * What a lazy chunk adds to a page that already runs the entry: its static closure minus the
 * entry's. These are the bytes the hall's loading screen counts.
 */
export function lazyExtra(graph: ChunkGraph, lazySrc: string): { js: string[]; css: string[] } {
  const base = staticClosure(graph, [entryKey(graph)]);
  const lazy = [...staticClosure(graph, [keyOfSource(graph, lazySrc)])].filter((k) => !base.has(k));
  return filesOf(graph, lazy);
}
