import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { ExportFormat, OrgRecord, Period } from '@ggw/domain';
import { ExportSource } from './export-content';
import { exportFileName } from './labels';
import { writeCsv } from './write-csv';
import { summaryDocument } from './write-docx';
import { writeWorkbook } from './write-xlsx';

export interface ExportFile {
  content: Buffer;
  fileName: string;
  size: number;
  /** hex SHA-256 of the content, kept with the file and sent as its ETag */
  sha256: string;
}

export interface MakeExportOptions {
  generatedAt: Date;
  /** orgs read per roll-up statement for long tables */
  pageSize: number;
  /** the share of the work done, 0 to 1; may throw to stop the export */
  onProgress: (done: number) => Promise<void>;
}

/** Collects what `write` writes to a stream into one buffer (an export is a few MB at most). */
async function collect(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(out, 'end');
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Makes the file of an export of `org` for `period` in `format`, reading through `manager`
 * (a transaction under the rights of the user the export is for).
 */
export async function makeExportFile(manager: EntityManager, org: OrgRecord, period: Period, format: ExportFormat, options: MakeExportOptions): Promise<ExportFile> {
  const source = new ExportSource(manager, org, period);
  let content: Buffer;
  switch (format) {
    case ExportFormat.XLSX:
      content = await collect((out) => writeWorkbook(out, { source, ...options }));
      break;
    case ExportFormat.CSV:
      content = await collect((out) => writeCsv(out, source, options.pageSize, options.onProgress));
      break;
    case ExportFormat.DOCX:
      content = await summaryDocument(source, options.generatedAt);
      break;
  }
  await options.onProgress(1);
  return { content, fileName: exportFileName(org, period, format), size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}
