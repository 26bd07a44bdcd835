export * from './settings';
export * from './scheduler';
export { fireDueSchedules } from './schedule-tick';
export * from './env-parsing';
