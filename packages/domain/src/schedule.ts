import { parseExpression } from 'cron-parser';
import { ExportPeriodRule } from './enums';
import { BadUserInputError } from './errors';
import { parsePeriod, Period } from './period';

/** Schedules run in China's time unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The time zone, if the runtime knows it; otherwise BAD_USER_INPUT on `timeZone`. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new BadUserInputError(`未知的时区 "${timeZone}":应为 IANA 时区名,如 Asia/Shanghai`, 'timeZone');
  }
}

/**
 * The first moment after `after` that a five-field cron expression (minute hour day month
 * weekday, as pg-boss reads them) names in `timeZone`. A malformed expression is BAD_USER_INPUT
 * on `cron`: schedules fire at minute granularity, so a seconds field is refused too.
 */
export function nextRun(cron: string, timeZone: string, after: Date): Date {
  const fields = cron.trim().split(/\s+/);
  const bad = (why: string) => new BadUserInputError(`无效的 cron 表达式 "${cron}":${why};应为 5 个字段:分 时 日 月 周,如每月1日2点为 "0 2 1 * *"`, 'cron');
  if (fields.length !== 5) throw bad(`有 ${fields.length} 个字段`);
  try {
    return parseExpression(fields.join(' '), { currentDate: after, tz: checkTimeZone(timeZone) }).next().toDate();
  } catch (error) {
    if (error instanceof BadUserInputError) throw error;
    throw bad(error instanceof Error ? error.message : '无法解析');
  }
}

/** The calendar date of `at` in `timeZone`. */
function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The period a scheduled export covers when it runs at `runAt` (in the schedule's time zone):
 * the figures of what has already happened, so a run on 1 January reports the year just ended.
 */
export function periodForRun(rule: ExportPeriodRule, runAt: Date, timeZone: string): Period {
  const today = localDate(runAt, timeZone);
  const yesterday = localDate(new Date(Date.UTC(today.year, today.month - 1, today.day) - 86_400_000), 'UTC');
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (rule) {
    case ExportPeriodRule.YEAR_TO_DATE:
      return parsePeriod(String(yesterday.year));
    case ExportPeriodRule.PREVIOUS_MONTH:
      return parsePeriod(`${yesterday.year}-${pad(yesterday.month)}`);
    case ExportPeriodRule.PREVIOUS_QUARTER: {
      const quarter = Math.ceil(today.month / 3);
      return parsePeriod(quarter === 1 ? `${today.year - 1}Q4` : `${today.year}Q${quarter - 1}`);
    }
    case ExportPeriodRule.PREVIOUS_YEAR:
      return parsePeriod(String(today.year - 1));
  }
}
