import { FieldSpec } from '../entry/entry.fields';
import { kindByName, WritableKind } from '../entry/entry.kinds';
import { labelsOf } from '../../common/enums';
import { metric, METRICS } from '@ggw/rollup';
import { parseChineseDate, CellValue } from './sheet-reader';

/**
 * What a spreadsheet of each kind of record holds: its columns (the org's code, then the
 * kind's writable fields, headed by their Chinese labels), how a clerk's cell becomes the value
 * the data-entry checks expect (enums by their Chinese names, 是/否, dates in the common Chinese
 * forms), and the natural keys a row is matched by, so that importing the same file twice
 * changes nothing. The template, the dry run and the import are all made from this.
 */
export interface ImportKind {
  /** in the URL: /templates/volunteers.xlsx */
  slug: string;
  /** what a row is, in Chinese (the data sheet's name) */
  label: string;
  /** the records of a writable kind, or an org's 五好 assessment of a year (one 是/否 column per criterion of its county) */
  target: { records: WritableKind } | { assessments: Array<{ key: string; name: string }> };
  columns: ImportColumn[];
  /** alternative natural keys, in order: the first whose fields are all filled identifies the row (with its org) */
  keys: string[][];
  /**
   * Records a row points at by a person's 身份证号 or name instead of an id (a pair's volunteer
   * and beneficiary): the field that gets the id, and the columns that find the person, at the
   * row's org (or an org above it, where `above`).
   */
  refs?: Array<{ field: string; table: 'volunteer' | 'beneficiary'; label: string; idNumber: string; name: string; above: boolean }>;
  /** the properties written (the columns' fields when absent) */
  writes?: string[];
}

export interface ImportColumn {
  header: string;
  /** `orgCode`, or a field of the kind */
  field: string;
  spec: FieldSpec | null;
  /** how to fill it in, for the 填表说明 sheet */
  help: string;
}

export const ORG_CODE_HEADER = '组织代码';

const KINDS: Array<[slug: string, name: string, keys: string[][]]> = [
  ['volunteers', 'Volunteer', [['idNumber'], ['name', 'joinedOn']]],
  ['beneficiaries', 'Beneficiary', [['idNumber'], ['name', 'category']]],
  ['activities', 'Activity', [['heldOn', 'title']]],
  ['donations', 'Donation', [['receivedOn', 'donorName', 'amountYuan']]],
  ['disbursements', 'Disbursement', [['paidOn', 'recipientName', 'amountYuan']]],
  ['articles', 'Article', [['submittedOn', 'title']]],
  ['guarantees', 'Guarantee', [['year']]],
  ['plan-targets', 'PlanTarget', [['year', 'metricKey']]],
];

function helpOf(spec: FieldSpec): string {
  const must = spec.required ? '必填' : spec.default !== undefined ? `可不填(不填为 ${spec.default === false ? '否' : String(spec.default)})` : '可不填';
  const how: Record<FieldSpec['type'], string> = {
    text: `文字${spec.type === 'text' ? `,最多 ${spec.max} 个字` : ''}`,
    enum: spec.type === 'enum' ? `从下拉列表中选:${Object.values(labelsOf(spec.values)).join('、')}` : '',
    date: '日期,如 2021-03-01(也可写 2021.3.1、2021/3/1、2021年3月1日);不晚于今天,不早于组织成立',
    money: '金额(元),最多两位小数,如 1500.50',
    int: spec.type === 'int' ? `整数,${spec.min} 到 ${spec.max}` : '',
    year: '年份,如 2021',
    decimal: '数字,最多六位小数',
    metric: '指标名称或代码,如 五老志愿者 或 volunteerCount',
    period: '期间:2020、2020Q3 或 2020-06',
    bool: '是 或 否',
    phone: '11 位手机号(单元格设为文本)',
    idNumber: '18 位居民身份证号(单元格设为文本,否则 Excel 会丢掉后几位)',
    ref: '',
  };
  return `${must};${how[spec.type]}`;
}

/** A span's end (a volunteer's 退出日期, a pair's 结束日期): a ledger carries it, so an import may set it (after the start). */
function endColumn(kind: WritableKind): ImportColumn[] {
  return kind.end ? [column(kind.end.field, { type: 'date', label: kind.end.label })] : [];
}

const ORG_CODE_COLUMN: ImportColumn = { header: ORG_CODE_HEADER, field: 'orgCode', spec: null, help: '必填;本单位或下级单位的组织代码,从下拉列表中选' };
const column = (field: string, spec: FieldSpec): ImportColumn => ({ header: spec.label, field, spec, help: helpOf(spec) });

/** The record kinds a spreadsheet can bring in, by slug (a field that points at another record by id is left to the forms). */
const RECORD_IMPORTS = new Map<string, ImportKind>(KINDS.map(([slug, name, keys]) => {
  const kind = kindByName.get(name)!;
  const fields = Object.entries(kind.fields).filter(([, spec]) => spec.type !== 'ref');
  const columns = [ORG_CODE_COLUMN, ...fields.map(([f, spec]) => column(f, spec)), ...endColumn(kind)];
  return [slug, { slug, label: kind.label, target: { records: kind }, columns, keys }];
}));

/** A pair names its volunteer (of the org or one above it) and its beneficiary (of the org) by 身份证号, or by name where that is unique. */
const PAIR = kindByName.get('Pair')!;
RECORD_IMPORTS.set('pairs', {
  slug: 'pairs', label: PAIR.label, target: { records: PAIR },
  columns: [
    ORG_CODE_COLUMN,
    column('volunteerName', { type: 'text', max: 50, label: '五老志愿者姓名', required: true }),
    column('volunteerIdNumber', { type: 'idNumber', label: '五老志愿者身份证号' }),
    column('beneficiaryName', { type: 'text', max: 50, label: '帮扶对象姓名', required: true }),
    column('beneficiaryIdNumber', { type: 'idNumber', label: '帮扶对象身份证号' }),
    column('startedOn', PAIR.fields.startedOn),
    ...endColumn(PAIR),
  ],
  keys: [['volunteerId', 'beneficiaryId', 'startedOn']],
  refs: [
    { field: 'volunteerId', table: 'volunteer', label: '五老志愿者', idNumber: 'volunteerIdNumber', name: 'volunteerName', above: true },
    { field: 'beneficiaryId', table: 'beneficiary', label: '帮扶对象', idNumber: 'beneficiaryIdNumber', name: 'beneficiaryName', above: false },
  ],
  writes: ['volunteerId', 'beneficiaryId', 'startedOn', 'endedOn'],
});

/** Every slug, for the messages that list them. */
export const IMPORT_SLUGS = [...RECORD_IMPORTS.keys(), 'assessments'];

/** The column of an assessment's criterion: `met:<criterion key>`. */
export const CRITERION_FIELD = 'met:';

/**
 * The kind a slug names; the assessments' columns are the criteria of a county (`criteria`,
 * asked for only then), so one workbook of assessments is one county's.
 */
export async function importKind(slug: string, criteria: () => Promise<Array<{ key: string; name: string }>>): Promise<ImportKind | null> {
  if (slug !== 'assessments') return RECORD_IMPORTS.get(slug) ?? null;
  const list = await criteria();
  return {
    slug, label: '"五好"评定', target: { assessments: list }, keys: [['year']],
    columns: [
      ORG_CODE_COLUMN,
      column('year', { type: 'year', label: '评定年度', required: true }),
      ...list.map((c) => column(`${CRITERION_FIELD}${c.key}`, { type: 'bool', label: c.name, required: true })),
    ],
  };
}

const TRUE = new Set(['是', '有', 'true', 'TRUE', '1', '√', 'Y', 'y', 'yes']);
const FALSE = new Set(['否', '无', 'false', 'FALSE', '0', '×', 'N', 'n', 'no']);

/**
 * A cell as the value the entry checks take, or `{ problem }` when the cell cannot be one (the
 * checks then word everything else: ranges, lengths, dates in the future).
 */
export function cellToInput(spec: FieldSpec, cell: CellValue): { value: unknown } | { problem: string } {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { value: null };
  const text = typeof cell === 'string' ? cell.trim() : String(cell);
  switch (spec.type) {
    case 'enum': {
      const labels = labelsOf(spec.values);
      const value = Object.keys(labels).find((v) => labels[v] === text) ?? (text in labels ? text : undefined);
      return value ? { value } : { problem: `${spec.label}必须是 ${Object.values(labels).join('/')} 之一` };
    }
    case 'date': {
      const day = parseChineseDate(cell);
      return day ? { value: day } : { problem: `${spec.label}不是日期:请写成 2021-03-01 或 2021年3月1日` };
    }
    case 'money':
    case 'decimal':
      if (typeof cell === 'number' && !Number.isFinite(cell)) return { problem: `${spec.label}不是数字` };
      return { value: typeof cell === 'number' ? String(Math.round(cell * 1e6) / 1e6) : text.replace(/[,,]/g, '') };
    case 'int':
    case 'year':
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { problem: `${spec.label}应为整数` };
    case 'bool':
      if (typeof cell === 'boolean') return { value: cell };
      return TRUE.has(text) ? { value: true } : FALSE.has(text) ? { value: false } : { problem: `${spec.label}应填 是 或 否` };
    case 'metric': {
      const byLabel = METRICS.find((m) => m.label === text);
      if (byLabel) return { value: byLabel.key };
      try {
        return { value: metric(text).key };
      } catch {
        return { problem: `${spec.label}"${text}"不是平台的指标;请写指标名称(如 五老志愿者)或代码` };
      }
    }
    case 'idNumber':
      // an 18-digit number typed into a number cell has lost its last digits already
      if (typeof cell === 'number') return { problem: `${spec.label}被 Excel 当成了数字,后几位已丢失:请把该列设为文本后重新填写` };
      return { value: text };
    default:
      return { value: text };
  }
}

/** The value of a checked field as a cell shows it (the error workbook, the template's example). */
export function inputToCell(spec: FieldSpec, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (spec.type === 'enum') return labelsOf(spec.values)[String(value)] ?? String(value);
  if (spec.type === 'bool') return value ? '是' : '否';
  return value as CellValue;
}
