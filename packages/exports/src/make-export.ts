import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ExportFormat, FigureState, OrgRecord, Period } from '@ggw/domain';
import { ExportSource } from './export-content';
import { exportFileName } from './labels';
import { EXPORT_WRITERS, WriteOptions } from './writers';

export interface ExportFile {
  content: Buffer;
  fileName: string;
  size: number;
  /** hex SHA-256 of the content, kept with the file and sent as its ETag */
  sha256: string;
}

export type MakeExportOptions = WriteOptions;

/**
 * Makes the file of an export of `org` for `period` in `format`, reading through `manager`
 * (a transaction under the rights of the user the export is for).
 */
export async function makeExportFile(
  manager: EntityManager, org: OrgRecord, period: Period, format: ExportFormat, options: MakeExportOptions, state: FigureState = FigureState.LIVE,
): Promise<ExportFile> {
  // the name the org had in the period (a 2019 export says what it was called in 2019)
  const [{ name }] = await manager.query(
    `SELECT coalesce((SELECT n.name FROM org_name n WHERE n.tenant_id = $1 AND n.org_id = $2 AND n.valid_from < $3::date ORDER BY n.valid_from DESC LIMIT 1), $4) AS name`,
    [org.tenantId, org.id, period.end, org.name]);
  org = { ...org, name };
  const content = await EXPORT_WRITERS[format].write(new ExportSource(manager, org, period, state), options);
  await options.onProgress(1);
  return { content, fileName: exportFileName(org, period, format), size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}
