import { stopOnSignals, StopLog, StopProcess } from './stop-signals';

/** A stand-in process (signals sent by hand, exit recorded) and clock, so no test waits. */
function harness(stop: () => Promise<void>, repeatWindowMs = 5000) {
  const listeners = new Map<string, Array<() => void>>();
  const exits: number[] = [];
  const lines: Array<{ level: string; msg: string; signal?: string }> = [];
  let clock = 1_000_000;
  const proc: StopProcess = {
    on: (signal, listener) => listeners.set(signal, [...(listeners.get(signal) ?? []), listener]),
    exit: (code) => {
      exits.push(code);
      return undefined as never;
    },
  };
  const record = (level: string) => (objOrMsg: object | string, msg?: string) =>
    lines.push(typeof objOrMsg === 'string' ? { level, msg: objOrMsg } : { level, msg: msg!, ...(objOrMsg as { signal?: string }) });
  const log: StopLog = { info: record('info'), warn: record('warn'), error: record('error') };
  stopOnSignals({ stop, log, repeatWindowMs, process: proc, now: () => clock });
  return {
    exits,
    lines,
    send: (signal: 'SIGINT' | 'SIGTERM') => (listeners.get(signal) ?? []).forEach((l) => l()),
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

/** A stop that finishes only when the test says so. */
function heldStop() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const stop = jest.fn(() => new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  }));
  return { stop, finish: () => finish(), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('stopOnSignals', () => {
  it('stops once on a signal, logs it, and exits 0 when the stop is done', async () => {
    const held = heldStop();
    const h = harness(held.stop);
    h.send('SIGTERM');
    expect(held.stop).toHaveBeenCalledTimes(1);
    expect(h.lines).toEqual([{ level: 'info', msg: 'shutting down', signal: 'SIGTERM' }]);
    await settle();
    expect(h.exits).toEqual([]); // not before the stop is done
    held.finish();
    await settle();
    expect(h.exits).toEqual([0]);
    expect(h.lines.at(-1)).toEqual({ level: 'info', msg: 'stopped' });
  });

  it('takes a signal repeated within the window (pnpm forwarding the group\'s) as the same stop', async () => {
    const held = heldStop();
    const h = harness(held.stop);
    h.send('SIGTERM');
    h.send('SIGTERM');
    h.advance(5000);
    h.send('SIGINT');
    expect(held.stop).toHaveBeenCalledTimes(1);
    expect(h.exits).toEqual([]);
    expect(h.lines.filter((l) => l.msg === 'signal repeated: already stopping')).toEqual([
      { level: 'info', msg: 'signal repeated: already stopping', signal: 'SIGTERM' },
      { level: 'info', msg: 'signal repeated: already stopping', signal: 'SIGINT' },
    ]);
    held.finish();
    await settle();
    expect(h.exits).toEqual([0]);
  });

  it('exits 1 at once on a signal after the window, while the stop still runs', () => {
    const held = heldStop();
    const h = harness(held.stop, 50);
    h.send('SIGINT');
    h.advance(51);
    h.send('SIGINT');
    expect(held.stop).toHaveBeenCalledTimes(1);
    expect(h.exits).toEqual([1]);
    expect(h.lines.at(-1)).toEqual({ level: 'warn', msg: 'signal while stopping: exiting at once', signal: 'SIGINT' });
  });

  it('logs a failed stop and exits 1', async () => {
    const held = heldStop();
    const h = harness(held.stop);
    h.send('SIGTERM');
    held.fail(new Error('pool would not close'));
    await settle();
    expect(h.exits).toEqual([1]);
    expect(h.lines.at(-1)).toMatchObject({ level: 'error', msg: 'shutdown failed' });
    expect(h.lines.map((l) => l.msg)).not.toContain('stopped');
  });
});
