/**
 * A souvenir issued straight into the e2e server's database (a visitor account with a completed
 * Gulangyu set), for the pages that show one: walking every landmark in software WebGL is what
 * passportSet.spec does once; the verify and a11y specs only need a souvenir to look at.
 */
import path from 'node:path';
import { openDatabase } from '../../../server/db/open';
import { createRepositories } from '../../../server/db/repositories';

export interface IssuedSouvenir {
  id: string;
  doc: { certificate: Record<string, unknown>; signature: string };
}

export async function issueSouvenir(name: string, emailPrefix: string): Promise<IssuedSouvenir> {
  const dataDir = process.env.LUDAO_E2E_DATA_DIR;
  if (!dataDir) throw new Error('LUDAO_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const database = openDatabase({ sqliteFile: path.join(dataDir, 'ludao.sqlite') });
  try {
    const r = createRepositories(database.db);
    const user = await r.users.create({
      email: `${emailPrefix}-${Date.now()}@e2e.ludao.example`,
      passwordHash: 'x',
      role: 'visitor',
      exhibitorId: null,
      displayName: name,
    });
    const { souvenir } = await r.souvenirs.issue({ userId: user.id, setId: 'gulangyu-landmarks', expo: 'Ludao e2e', name, design: 'gulangyu-landmarks' });
    return { id: souvenir.id, doc: { certificate: { ...souvenir.certificate }, signature: souvenir.signature } };
  } finally {
    await database.close();
  }
}
