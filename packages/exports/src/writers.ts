import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { EXPORT_FORMATS, ExportFormat, ExportFormatInfo } from '@ggw/domain';
import { ExportSource } from './export-content';
import { writeCsv } from './write-csv';
import { summaryDocument } from './write-docx';
import { writeWorkbook } from './write-xlsx';

export interface WriteOptions {
  generatedAt: Date;
  /** orgs read per roll-up statement for long tables */
  pageSize: number;
  /** the share of the work done, 0 to 1; may throw to stop the export */
  onProgress: (done: number) => Promise<void>;
}

/** A format of export: what it is (EXPORT_FORMATS) and how its file is written. */
export interface ExportWriter extends ExportFormatInfo {
  format: ExportFormat;
  write(source: ExportSource, options: WriteOptions): Promise<Buffer>;
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

const writer = (format: ExportFormat, write: ExportWriter['write']): ExportWriter => ({ ...EXPORT_FORMATS[format], format, write });

/**
 * Every export format, by name: the one registry the scheduler's worker, the download route, the
 * GraphQL enum (labels) and the database (`export_format`, filled by migrate) read. Adding a
 * format is its ExportFormat value and EXPORT_FORMATS entry, its writer, and its line here.
 */
export const EXPORT_WRITERS: Record<ExportFormat, ExportWriter> = {
  XLSX: writer(ExportFormat.XLSX, (source, o) => collect((out) => writeWorkbook(out, { source, ...o }))),
  CSV: writer(ExportFormat.CSV, (source, o) => collect((out) => writeCsv(out, source, o.pageSize, o.onProgress))),
  DOCX: writer(ExportFormat.DOCX, (source, o) => summaryDocument(source, o.generatedAt)),
};
