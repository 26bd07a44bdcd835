import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { QUEUES } from '@ggw/db';

/** What an `export` job carries: which export, and whose rights it runs with. */
export interface ExportJobData {
  exportId: string;
  tenantId: string;
  /** the requester, or the schedule's creator */
  userId: string;
}

/** pg-boss running its statements on a TypeORM manager: inside that manager's transaction. */
export function onManager(manager: EntityManager): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: await manager.query(text, values) }) };
}

// only ever used to send, always through the caller's transaction, so never started
const sender = new PgBoss({ db: { executeSql: () => Promise.reject(new Error('send through a transaction: pass { db }')) } });

/**
 * Queues an export in the caller's transaction: the export row and its job are committed
 * together or not at all. The job's id is the export's, so sending twice queues it once.
 */
export async function enqueueExport(manager: EntityManager, data: ExportJobData): Promise<void> {
  await sender.send(QUEUES.export, { ...data }, { id: data.exportId, db: onManager(manager) });
}
