/**
 * Writes into index.html the files (and their sizes) that a lazy chunk adds to the landing page,
 * so the hall's loading screen can fetch them and count real bytes. The list comes from the
 * bundle itself: nothing to keep in step by hand when chunks are split or renamed. index.html is
 * never cached (server/http/static.ts), so the list always matches the hashed files beside it.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { HALL_FILES_ID, type HallFile } from '../src/ui/loading/hallFilesContract';
import { lazyExtra, type ChunkGraph } from './chunkGraph';

export function hallFilesPlugin(lazySrc: string): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'ludao-hall-files',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return undefined;
        const graph: ChunkGraph = {};
        const sizes = new Map<string, number>();
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
          }
        }
        const extra = lazyExtra(graph, lazySrc);
        const files: HallFile[] = [...extra.js, ...extra.css].map((f) => ({ url: base + f, bytes: sizes.get(f) ?? 0 }));
        // '<' escaped so no file name can close the script element.
        const json = JSON.stringify(files).replace(/</g, '\\u003c');
        return [{ tag: 'script', attrs: { type: 'application/json', id: HALL_FILES_ID }, children: json, injectTo: 'head' }];
      },
    },
  };
}
