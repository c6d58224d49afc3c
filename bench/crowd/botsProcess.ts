/**
 * The load bots in their own process. They stand for hundreds of browsers on other machines; on
 * a 2-core bench box they would otherwise compete with the server for the CPU at the very moment
 * a patch goes out. bench/crowd.ts starts this process at the lowest scheduling priority
 * (SCHED_IDLE, else nice 10), so the server under test gets the CPU it would have in production,
 * and so does the bare baseline.
 */
import { Bot, connectBots, driveBots, type Protocol } from './bots';
import type { BotsReply, ToBots } from './ipc';

let bots: Bot[] = [];
let stopDriving = (): void => {};

const reply = (m: BotsReply): void => {
  process.send?.(m);
};

process.on('message', (m: ToBots) => void onMessage(m));

// Every failure is caught and reported to the parent, which ends the run.
async function onMessage(m: ToBots): Promise<void> {
  try {
    if (m.type === 'start') {
      bots = Array.from({ length: m.n }, (_, i) => new Bot(i, m.kind as Protocol));
      await connectBots(bots, m.port);
      stopDriving = driveBots(bots);
      reply({ type: 'started', cpuMs: cpuMs() });
    } else if (m.type === 'bytes') {
      reply({ type: 'bytes', bytes: bots.reduce((s, b) => s + b.bytes, 0), cpuMs: cpuMs() });
    } else if (m.type === 'stop') {
      stopDriving();
      for (const b of bots) b.close();
      process.exit(0);
    }
  } catch (err) {
    reply({ type: 'failed', error: String((err as Error)?.message ?? err) });
  }
}
process.on('disconnect', () => process.exit(0));

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

reply({ type: 'ready' });
