import { describe, expect, it } from 'vitest';
import { hallStage, kB } from '../../client/src/ui/loading/hallStage';

describe('hall loading stage', () => {
  it('goes download → connect → build → ready, whatever order the parts finish in', () => {
    expect(hallStage('idle', 'idle', false)).toBe('download');
    expect(hallStage('loading', 'idle', false)).toBe('download');
    expect(hallStage('ready', 'idle', false)).toBe('connect');
    expect(hallStage('ready', 'joining', false)).toBe('connect');
    // The scene may draw before the server answers: still connecting.
    expect(hallStage('ready', 'joining', true)).toBe('connect');
    expect(hallStage('ready', 'joined', false)).toBe('build');
    expect(hallStage('ready', 'joined', true)).toBe('ready');
  });

  it('steps aside when something failed (the status overlay or the load error says what)', () => {
    expect(hallStage('failed', 'idle', false)).toBeNull();
    expect(hallStage('ready', 'error', false)).toBeNull();
    expect(hallStage('ready', 'outdated', false)).toBeNull();
  });

  it('shows whole kB, and at least 1 once a byte has arrived', () => {
    expect(kB(0)).toBe(0);
    expect(kB(10)).toBe(1);
    expect(kB(380 * 1024 + 100)).toBe(380);
  });
});
