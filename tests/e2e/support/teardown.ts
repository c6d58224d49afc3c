/** Removes the run's throwaway data folder (see playwright.config.ts). */
import fs from 'node:fs';

export default function teardown(): void {
  const dir = process.env.LUDAO_E2E_DATA_DIR;
  if (dir && dir.includes('ludao-e2e-data-')) fs.rmSync(dir, { recursive: true, force: true });
}
