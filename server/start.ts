/**
 * `npm start`: builds the client when dist/ is missing or older than the sources, then serves.
 * A newcomer needs no separate build step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, readConfig } from './config';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

const { distDir } = readConfig();
const builtAt = fs.existsSync(path.join(distDir, 'index.html')) ? fs.statSync(path.join(distDir, 'index.html')).mtimeMs : 0;
const sourcesAt = Math.max(
  ...['client', 'shared', 'assets'].map((d) => newestMtime(path.join(projectRoot, d))),
  fs.statSync(path.join(projectRoot, 'vite.config.ts')).mtimeMs,
);
if (builtAt < sourcesAt) {
  console.log('Building the client (first start or sources changed)… / 正在构建客户端…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}
await import('./index');
