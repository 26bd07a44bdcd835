import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** A WAL position as PostgreSQL prints it (`16/B374D848`), as a number that compares. */
export function walPosition(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export interface ReadReplicaOptions {
  /** How often the primary's WAL position and each replica's replay position are read. */
  pollMs: number;
  /**
   * How far behind the primary a replica may be and still answer anyone: a replica that has not
   * replayed what the primary had written this long ago (or was not heard from for this long) is
   * bypassed. It bounds how stale any read is, and how long a revoked token still reads there.
   */
  maxLagMs: number;
  log: Logger;
}

interface Replica {
  /** `replica0`, `replica1`…: in logs and metrics, never the address. */
  name: string;
  dataSource: DataSource;
  /** What it had replayed at its last answer; null before its first. */
  replayed: bigint | null;
  heardAt: number;
  /** A request could not reach it: bypassed until a poll answers again. */
  down: boolean;
  polling: boolean;
}

/** Where a read was sent: a replica (by name) or the primary. */
export interface ReadTarget {
  dataSource: DataSource;
  replica: string | null;
}

/**
 * Read-only requests on streaming replicas, with every user's reads after their own writes
 * exact. The primary answers every write and remembers, per user, the WAL position just after
 * that user's last commit; a user's read goes to a replica only once the replica has replayed
 * past it (and past what the primary had written `maxLagMs` ago, and past what it had when this
 * process started, which covers writes answered by a process before it). Replay positions are
 * polled, so a replica is only ever judged by a position it has already passed: never too new.
 * A replica that cannot be reached, lags, or is not a standby at all is bypassed; the primary
 * answers instead.
 *
 * Per process: a user's next read must reach the process that took the write (the nginx site
 * routes each token to one process), else it waits for the lag bound like anyone else's.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  /** The primary's WAL position as polled: newest last, none older than needed. */
  private primary: Array<{ at: number; position: bigint }> = [];
  private readonly lastWrites = new Map<string, bigint>();
  /** The primary's position when this process started. */
  private startedAt = 0n;
  private next = 0;
  private timer?: NodeJS.Timeout;
  private primaryPolling = false;

  constructor(
    private readonly primaryDataSource: DataSource,
    replicas: DataSource[],
    private readonly options: ReadReplicaOptions,
  ) {
    this.replicas = replicas.map((dataSource, i) => ({ name: `replica${i}`, dataSource, replayed: null, heardAt: 0, down: false, polling: false }));
  }

  /** Reads where the primary stands, polls each replica once, then keeps polling. */
  async start(): Promise<void> {
    await this.pollPrimary();
    this.startedAt = this.primary.at(-1)?.position ?? 0n;
    await Promise.all(this.replicas.map((r) => this.pollReplica(r)));
    this.timer = setInterval(() => {
      void this.pollPrimary();
      for (const r of this.replicas) void this.pollReplica(r);
    }, this.options.pollMs);
    this.timer.unref();
  }

  /** Stops polling and closes the replicas' pools (not the primary's). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled(this.replicas.map((r) => (r.dataSource.isInitialized ? r.dataSource.destroy() : undefined)));
  }

  /** Where a read of `userId` (null: anonymous) goes: a replica fresh enough for them, in turn, else the primary. */
  forRead(userId: string | null): ReadTarget {
    const now = Date.now();
    let needed = this.lagFloor(now);
    if (this.startedAt > needed) needed = this.startedAt;
    const own = userId === null ? undefined : this.lastWrites.get(userId);
    if (own !== undefined && own > needed) needed = own;
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.next + i) % this.replicas.length];
      if (r.down || r.replayed === null || r.replayed < needed || now - r.heardAt > this.options.maxLagMs) continue;
      this.next = (this.next + i + 1) % this.replicas.length;
      return { dataSource: r.dataSource, replica: r.name };
    }
    return { dataSource: this.primaryDataSource, replica: null };
  }

  /** `userId` committed a write; `position`: the primary's WAL position just after it. */
  wrote(userId: string, position: string): void {
    const p = walPosition(position);
    if (p > (this.lastWrites.get(userId) ?? 0n)) this.lastWrites.set(userId, p);
  }

  /** A request could not reach this replica: bypass it until it answers a poll. */
  unreachable(name: string): void {
    const r = this.replicas.find((x) => x.name === name);
    if (r && !r.down) {
      r.down = true;
      this.options.log.warn({ replica: name }, 'read replica unreachable: reads go to the primary');
    }
  }

  /** Each replica's lag behind the primary's newest polled position, in bytes (null: unknown or down). */
  lagBytes(): Array<{ replica: string; bytes: number | null }> {
    const newest = this.primary.at(-1)?.position;
    return this.replicas.map((r) => ({
      replica: r.name,
      bytes: newest === undefined || r.replayed === null || r.down ? null : Number(newest > r.replayed ? newest - r.replayed : 0n),
    }));
  }

  /** What the primary had written `maxLagMs` ago (the newest poll at least that old): every replica must have replayed it. */
  private lagFloor(now: number): bigint {
    let floor = 0n;
    for (const p of this.primary) {
      if (now - p.at < this.options.maxLagMs) break;
      floor = p.position;
    }
    return floor;
  }

  private async pollPrimary(): Promise<void> {
    if (this.primaryPolling) return;
    this.primaryPolling = true;
    try {
      const [row] = await this.primaryDataSource.query(`SELECT pg_current_wal_lsn()::text AS position`);
      const now = Date.now();
      this.primary.push({ at: now, position: walPosition(row.position) });
      // keep the newest poll older than the bound and everything since
      while (this.primary.length > 1 && now - this.primary[1].at >= this.options.maxLagMs) this.primary.shift();
      // a user's write the lag floor has passed constrains nothing any more
      const floor = this.lagFloor(now);
      for (const [user, p] of this.lastWrites) if (p <= floor) this.lastWrites.delete(user);
    } catch (error) {
      this.options.log.warn({ err: error }, 'reading the primary\'s WAL position failed');
    } finally {
      this.primaryPolling = false;
    }
  }

  private async pollReplica(r: Replica): Promise<void> {
    if (r.polling) return;
    r.polling = true;
    try {
      if (!r.dataSource.isInitialized) await r.dataSource.initialize();
      const [row] = await r.dataSource.query(`SELECT pg_last_wal_replay_lsn()::text AS position`);
      if (row.position === null) {
        // not a standby (a primary, or promoted): what it holds need not be what the primary holds
        if (r.replayed !== null || r.heardAt === 0) this.options.log.error({ replica: r.name }, 'DATABASE_REPLICA_URLS names a server that is not a standby: it gets no reads');
        r.replayed = null;
        r.heardAt = Date.now();
        return;
      }
      r.replayed = walPosition(row.position);
      r.heardAt = Date.now();
      if (r.down) this.options.log.info({ replica: r.name }, 'read replica reachable again');
      r.down = false;
    } catch (error) {
      if (!r.down) this.options.log.warn({ replica: r.name, err: error }, 'read replica unreachable: reads go to the primary');
      r.down = true;
    } finally {
      r.polling = false;
    }
  }
}
