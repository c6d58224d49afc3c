import { describe, expect, it } from 'vitest';
import { entryKey, lazyExtra, staticClosure, type ChunkGraph } from '../../client/build/chunkGraph';

// The shape of a Vite manifest: the entry shares React with the hall, the hall pulls three, and a
// product viewer (dynamic import of the hall) pulls a loader the hall's first frame does not need.
const graph: ChunkGraph = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'], dynamicImports: ['src/ui/InHall.tsx'], css: ['assets/index.css'] },
  '_react.js': { file: 'assets/react.js' },
  'src/ui/InHall.tsx': {
    file: 'assets/InHall.js',
    src: 'src/ui/InHall.tsx',
    imports: ['_react.js', 'index.html', '_three.js'],
    dynamicImports: ['src/Viewer.tsx'],
    css: ['assets/InHall.css'],
  },
  '_three.js': { file: 'assets/three.js', imports: ['_react.js'] },
  'src/Viewer.tsx': { file: 'assets/Viewer.js', src: 'src/Viewer.tsx', imports: ['_three.js', '_loader.js'] },
  '_loader.js': { file: 'assets/loader.js' },
};

describe('chunk graph', () => {
  it('follows static imports only, each chunk once, cycles included', () => {
    expect([...staticClosure(graph, ['src/ui/InHall.tsx'])].sort()).toEqual(['_react.js', '_three.js', 'index.html', 'src/ui/InHall.tsx']);
    expect(entryKey(graph)).toBe('index.html');
  });

  it('a lazy chunk adds its own closure minus what the entry already loaded, with its CSS', () => {
    expect(lazyExtra(graph, 'src/ui/InHall.tsx')).toEqual({ js: expect.arrayContaining(['assets/InHall.js', 'assets/three.js']), css: ['assets/InHall.css'] });
    expect(lazyExtra(graph, 'src/ui/InHall.tsx').js).toHaveLength(2);
    expect(lazyExtra(graph, 'src/Viewer.tsx').js.sort()).toEqual(['assets/Viewer.js', 'assets/loader.js', 'assets/three.js']);
  });

  it('fails loudly on a source that is not a chunk or an import that is not in the graph', () => {
    expect(() => lazyExtra(graph, 'src/Nope.tsx')).toThrow(/no chunk/);
    expect(() => staticClosure({ a: { file: 'a.js', imports: ['b'] } }, ['a'])).toThrow(/not in the build graph/);
  });
});
