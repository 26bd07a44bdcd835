import { ExportPeriodRule } from './enums';
import { checkTimeZone, nextRun, periodForRun } from './schedule';

describe('export schedules: cron in a time zone, and the period a run covers', () => {
  it('finds the next run in Beijing time', () => {
    // 1st of the month at 02:00 in Shanghai is 18:00 UTC the day before
    expect(nextRun('0 2 1 * *', 'Asia/Shanghai', new Date('2020-11-23T10:00:00Z')).toISOString()).toBe('2020-11-30T18:00:00.000Z');
    expect(nextRun('0 2 1 * *', 'UTC', new Date('2020-11-23T10:00:00Z')).toISOString()).toBe('2020-12-01T02:00:00.000Z');
    // strictly after: a run at its own time moves to the next one
    expect(nextRun('0 3 1 1 *', 'Asia/Shanghai', new Date('2020-12-31T19:00:00Z')).toISOString()).toBe('2021-12-31T19:00:00.000Z');
  });

  it('refuses malformed expressions and unknown zones, naming the argument', () => {
    for (const cron of ['', '* * * *', '0 0 2 1 * *', '61 * * * *', 'every day']) {
      expect(() => nextRun(cron, 'Asia/Shanghai', new Date())).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'cron' }) }));
    }
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'timeZone' }) }));
    expect(checkTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
  });

  it('reports what has happened: the year so far, last month, the last whole quarter, last year', () => {
    // 2021-01-01 02:00 in Shanghai (still 2020 in UTC): the year just ended
    const newYear = new Date('2020-12-31T18:00:00Z');
    expect(periodForRun(ExportPeriodRule.YEAR_TO_DATE, newYear, 'Asia/Shanghai').key).toBe('2020');
    expect(periodForRun(ExportPeriodRule.PREVIOUS_MONTH, newYear, 'Asia/Shanghai').key).toBe('2020-12');
    expect(periodForRun(ExportPeriodRule.PREVIOUS_QUARTER, newYear, 'Asia/Shanghai').key).toBe('2020Q4');
    expect(periodForRun(ExportPeriodRule.PREVIOUS_YEAR, newYear, 'Asia/Shanghai').key).toBe('2020');
    const midYear = new Date('2020-08-01T00:00:00+08:00');
    expect(periodForRun(ExportPeriodRule.YEAR_TO_DATE, midYear, 'Asia/Shanghai').key).toBe('2020');
    expect(periodForRun(ExportPeriodRule.PREVIOUS_MONTH, midYear, 'Asia/Shanghai').key).toBe('2020-07');
    expect(periodForRun(ExportPeriodRule.PREVIOUS_QUARTER, midYear, 'Asia/Shanghai').key).toBe('2020Q2');
    expect(periodForRun(ExportPeriodRule.PREVIOUS_YEAR, midYear, 'Asia/Shanghai').key).toBe('2019');
  });
});
