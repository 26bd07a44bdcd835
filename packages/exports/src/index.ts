export * from './export-jobs';
export * from './export-job-store';
export * from './export-schedule-store';
export * from './export-content';
export * from './labels';
export * from './make-export';
export * from './writers';
export { valueFormat, changeFormat } from './write-xlsx';
export { csvField } from './write-csv';
