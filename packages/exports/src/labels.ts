import { EXPORT_FORMATS, ExportFormat, FigureState, OrgRecord, Period } from '@ggw/domain';
import { metric, Metric, SOURCES } from '@ggw/rollup';

/** 2020 → 2020年, 2020Q3 → 2020年第3季度, 2020-06 → 2020年6月. */
export function periodLabel(p: Period): string {
  if (p.kind === 'QUARTER') return `${p.year}年第${p.key.slice(5)}季度`;
  if (p.kind === 'MONTH') return `${p.year}年${Number(p.key.slice(5))}月`;
  return `${p.year}年`;
}

/** 生成时间:2026年11月23日 10:05(北京时间). */
export function generatedLine(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((x) => x.type === type)!.value;
  return `生成时间:${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}(北京时间)`;
}

/** 集安市 → 集安市关心下一代工作委员会: the committee's full name, as it signs documents. */
export function committeeName(org: Pick<OrgRecord, 'name'>): string {
  return `${org.name.replace(/(关工委|关心下一代工作委员会)$/, '')}关心下一代工作委员会`;
}

/** 2026年11月23日 (Beijing time): the date a document is signed with. */
export function dateLine(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const get = (type: string) => parts.find((x) => x.type === type)!.value;
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };

/**
 * Chinese text with Chinese punctuation (，：；（）！？), as printed documents use: the figures'
 * texts are written with ASCII punctuation. A comma or colon between digits (1,000; 10:05)
 * stays, and so do decimals and percentages (80.7%), which use no such sign.
 */
export function fullWidthPunctuation(text: string): string {
  return text.replace(/[,:;()!?]/g, (c, i: number) => ((c === ',' || c === ':') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '') ? c : FULL_WIDTH[c]));
}

/** Where the figures of an export come from, in a clerk's words (the 说明 sheet, the summary's subtitle). */
export function figureStateText(state: FigureState): string {
  return state === FigureState.APPROVED
    ? '口径:审核数。只计已审核的报表,每个组织的数字是其上报报表时冻结的本级数字,逐级相加;未上报、未审核的报表不计入'
    : '口径:实时数。数字由各级组织录入的记录逐级汇总计算,含尚未上报、审核的数据';
}

const TIME_RULE_TEXT = {
  stock: '期末在册数',
  span: '本期内任一时间有效的',
  flow: '本期内发生的',
  annual: '本年度的',
  periodKey: '本期的',
} as const;

/** How a figure is computed, in words, for the 说明 sheet. */
export function computationText(m: Metric): string {
  switch (m.kind) {
    case 'sum':
      return `${TIME_RULE_TEXT[SOURCES[m.source].time.kind]}记录,本级及所有下级${m.measure === 'count' ? '计数' : '求和'}`;
    case 'ratio':
      return `${metric(m.numerator).label} ÷ ${metric(m.denominator).label}(各级合计后再相除)`;
    case 'difference':
      return `${metric(m.minuend).label} − ${metric(m.subtrahend).label}`;
  }
}

/** 集安市_2020_关工委汇总.xlsx; 集安市_2020_工作总结.docx. */
export function exportFileName(org: Pick<OrgRecord, 'name'>, period: Period, format: ExportFormat): string {
  const { title, extension } = EXPORT_FORMATS[format];
  return `${org.name}_${period.key}_${title}.${extension}`;
}
