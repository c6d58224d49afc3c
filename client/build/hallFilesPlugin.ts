/**
 * Writes into index.html the files (and their sizes) that a lazy chunk adds to the landing page,
 * so the hall's loading screen can fetch them and count real bytes. The list comes from the
 * bundle itself: nothing to keep in step by hand when chunks are split or renamed. index.html is
 * never cached (server/http/static.ts), so the list always matches the hashed files beside it.
 */
import path from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { HALL_FILES_ID, type HallFile } from '../src/ui/loading/hallFilesContract';
import { lazyExtra, type ChunkGraph } from './chunkGraph';

export function hallFilesPlugin(lazySrc: string): Plugin {
  let root = '';
  let base = '/';
  // Sizes are read in generateBundle, after Vite has filled in the chunks' preload lists (which
  // changes the code of every chunk with a dynamic import): the HTML gets a placeholder first.
  const PLACEHOLDER = '__LUDAO_HALL_FILES__';
  return {
    name: 'ludao-hall-files',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [{ tag: 'script', attrs: { type: 'application/json', id: HALL_FILES_ID }, children: PLACEHOLDER, injectTo: 'head' }];
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const graph: ChunkGraph = {};
        const sizes = new Map<string, number>();
        let html: Rolldown.OutputAsset | undefined;
        for (const item of Object.values(bundle)) {
          if (item.type === 'chunk') {
            graph[item.fileName] = {
              file: item.fileName,
              imports: item.imports,
              css: [...(item.viteMetadata?.importedCss ?? [])],
              isEntry: item.isEntry,
              src: item.facadeModuleId ? path.relative(root, item.facadeModuleId).split(path.sep).join('/') : undefined,
            };
            sizes.set(item.fileName, Buffer.byteLength(item.code));
          } else {
            sizes.set(item.fileName, typeof item.source === 'string' ? Buffer.byteLength(item.source) : item.source.byteLength);
            if (item.fileName === 'index.html') html = item;
          }
        }
        if (!html) return;
        const extra = lazyExtra(graph, lazySrc);
        const files: HallFile[] = [...extra.js, ...extra.css].map((f) => ({ url: base + f, bytes: sizes.get(f) ?? 0 }));
        // '<' escaped so no file name can close the script element.
        const json = JSON.stringify(files).replace(/</g, '\\u003c');
        const source = String(html.source);
        if (!source.includes(PLACEHOLDER)) this.error('the hall file list placeholder is missing from index.html');
        html.source = source.replace(PLACEHOLDER, () => json);
      },
    },
  };
}
