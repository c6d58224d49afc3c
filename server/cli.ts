/**
 * Admin commands.
 *
 *   npx tsx server/cli.ts create-organizer <email>
 *   npx tsx server/cli.ts verify-ledger [<ledger.json> <keys.json>]
 *   npx tsx server/cli.ts verify-certificate <certificate.json> <keys.json> [<ledger.json>]
 *   npx tsx server/cli.ts rotate-souvenir-key
 *
 * The souvenir commands are described in server/souvenirs/cli.ts.
 *
 * Creates an organizer account (or sets a new password for an existing one) in the database the
 * server would use (DATA_DIR / DATABASE_URL). The password comes from ORGANIZER_PASSWORD, or is
 * asked for twice on a terminal (not echoed), or read from the first line of standard input.
 */
import readline from 'node:readline';
import { readExpoConfig } from './config';
import { ensurePgSchema, migrateToLatest, openDatabase } from './db/open';
import { createRepositories } from './db/repositories';
import { ensureOrganizer } from './auth/organizer';
import { SOUVENIR_COMMANDS, souvenirCommand } from './souvenirs/cli';
import type { Repositories } from './db/repositories';

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Hide what is typed: write the prompt once, then swallow the echo.
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) out.output.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function password(): Promise<string> {
  if (process.env.ORGANIZER_PASSWORD) return process.env.ORGANIZER_PASSWORD;
  if (!process.stdin.isTTY) return readLine();
  const a = await ask('Password / 密码: ');
  const b = await ask('Again / 再输入一次: ');
  if (a !== b) throw new Error('The passwords differ / 两次输入的密码不一致');
  return a;
}

/** The database the server would use, migrated; closed when `run` ends. */
async function withDatabase<T>(run: (repos: Repositories) => Promise<T>): Promise<T> {
  const cfg = readExpoConfig();
  if (cfg.databaseUrl && cfg.databaseSchema) await ensurePgSchema(cfg.databaseUrl, cfg.databaseSchema);
  const database = openDatabase({ databaseUrl: cfg.databaseUrl ?? undefined, sqliteFile: cfg.sqliteFile, pgSchema: cfg.databaseSchema ?? undefined });
  try {
    await migrateToLatest(database);
    return await run(createRepositories(database.db));
  } finally {
    await database.close();
  }
}

const noDatabase = (): Promise<Repositories> => Promise.reject(new Error('this command needs no database'));

async function main(argv: string[]): Promise<number> {
  const [command, email] = argv;
  if ((SOUVENIR_COMMANDS as readonly string[]).includes(command)) {
    const args = argv.slice(1);
    // the offline checks read files only: they work on a machine with no Ludao data at all
    const offline = command === 'verify-certificate' || (command === 'verify-ledger' && args.length > 0);
    if (offline) return souvenirCommand(command, args, noDatabase);
    return withDatabase((repos) => souvenirCommand(command, args, async () => repos));
  }
  if (command !== 'create-organizer' || !email) {
    console.error('Usage: npx tsx server/cli.ts create-organizer <email>');
    await souvenirCommand('help', [], noDatabase);
    return 2;
  }
  const pw = await password();
  const result = await withDatabase((repos) => ensureOrganizer(repos, email, pw));
  console.log(
    result === 'created'
      ? `Organizer ${email} created.`
      : result === 'password_updated'
        ? `Organizer ${email}: password updated.`
        : `Organizer ${email} already has this password.`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
