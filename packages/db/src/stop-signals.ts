/** The few logger calls the stop needs; a pino logger fits. */
export interface StopLog {
  info(obj: object, msg: string): void;
  info(msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The part of `process` the stop uses, so a test can stand in for it. */
export interface StopProcess {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): never;
}

export interface StopOnSignalsOptions {
  /** Stops everything in order; it runs once, however many signals come. */
  stop: () => Promise<void>;
  log: StopLog;
  /** How long after the first signal another one still counts as the same stop. */
  repeatWindowMs?: number;
  process?: StopProcess;
  now?: () => number;
}

export const STOP_REPEAT_WINDOW_MS = 5000;

/**
 * Runs `stop` on the first SIGINT/SIGTERM, then exits 0 (1 if it failed).
 *
 * A signal soon after the first is the same stop, not an operator's second Ctrl-C: systemd and
 * container runtimes signal the whole process group, and `pnpm start` forwards that signal to
 * us as well, so one stop arrives as two SIGTERMs. Exiting at once on the second would drop the
 * requests in flight. A signal after the window is the operator insisting: exit 1 at once.
 */
export function stopOnSignals(options: StopOnSignalsOptions): void {
  const { stop, log, repeatWindowMs = STOP_REPEAT_WINDOW_MS, process: proc = process, now = Date.now } = options;
  let firstSignalAt: number | null = null;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (firstSignalAt !== null) {
      if (now() - firstSignalAt <= repeatWindowMs) {
        log.info({ signal }, 'signal repeated: already stopping');
        return;
      }
      log.warn({ signal }, 'signal while stopping: exiting at once');
      proc.exit(1);
      return; // only reached when `exit` is a stand-in
    }
    firstSignalAt = now();
    log.info({ signal }, 'shutting down');
    stop().then(
      () => {
        log.info('stopped');
        proc.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        proc.exit(1);
      },
    );
  };
  proc.on('SIGINT', () => onSignal('SIGINT'));
  proc.on('SIGTERM', () => onSignal('SIGTERM'));
}
