import { GraphQLScalarType } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { AdoptionLevel, parsePeriod, PERIOD_FORMATS } from '@ggw/domain';
import { PeriodScalar } from '../../common/scalars';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import { Assessment, RECORD_OBJECT_TYPES } from '../records/records.type';
import { FieldSpec } from './entry.fields';
import { kindByName, WRITABLE_KINDS, WritableKind } from './entry.kinds';
import { ruleByKey, Violation } from './entry.rules';
import { criteriaOf } from './entry.store';
import {
  createRecord, deleteAssessment, deleteRecordById, endRecord, ruleViolations, setArticleAdoption, setAssessment, updateRecordFields, WriteResult,
} from './entry.service';

/**
 * The data-entry part of the schema, made from the writable-kind registry: for each kind
 * `createX(input)`, `updateX(id, expectedVersion, patch)`, `deleteX(id, expectedVersion,
 * reason)` and, for kinds with a span, `endX(id, <end date>, expectedVersion)`; their input
 * types come from the kind's field specs, so a field is declared once. Dates and money are
 * strings here and checked by the service, so that every wrong field of an input is
 * reported at once (`extensions.fieldErrors`) rather than only the first.
 */

@ObjectType({ description: '一条规则被违反之处' })
export class RuleViolationObject {
  @Field({ description: '规则代码,如 fund.restrictedBalance' })
  rule: string;

  @Field({ description: 'HARD:拒绝写入;SOFT:允许写入但提示核对' })
  severity: string;

  @Field({ description: '规则内容' })
  text: string;

  @Field({ description: '具体情况' })
  detail: string;

  @Field(() => ID, { description: '所在组织的 id' })
  orgId: string;

  @Field(() => ID, { nullable: true, description: '违反规则的记录 id;关于组织合计的规则为空' })
  recordId: string | null;
}

export const toViolationObject = (v: Violation): RuleViolationObject => ({ ...v, text: ruleByKey.get(v.rule)!.text });

@ObjectType({ description: '删除的结果' })
class DeletePayload {
  @Field(() => ID, { description: '被删除记录的 id' })
  deletedId: string;
}

function graphqlTypeOf(spec: FieldSpec): () => GraphQLScalarType | object {
  switch (spec.type) {
    case 'enum': return () => spec.values;
    case 'int':
    case 'year': return () => Int;
    case 'bool': return () => Boolean;
    case 'ref': return () => ID;
    default: return () => String;
  }
}

const HINTS: Partial<Record<FieldSpec['type'], string>> = {
  date: '日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期',
  money: '以元为单位的十进制文字,最多两位小数',
  phone: '11 位手机号或带区号的固定电话',
  idNumber: '18 位,含校验位',
  decimal: '十进制数的文字,比率用小数,如 "0.29"',
  metric: '指标代码,如 volunteerCount',
  period: '年 2020、季度 2020Q3 或月份 2020-06;已经开始、不早于组织成立',
  year: '不早于组织成立的年份,不晚于今年',
};

function describe(spec: FieldSpec): string {
  const hint = spec.description ?? HINTS[spec.type] ?? (spec.type === 'text' ? `最多 ${spec.max} 个字` : spec.type === 'int' ? `${spec.min} 到 ${spec.max}` : '');
  return hint ? `${spec.label}(${hint})` : spec.label;
}

/** A class named `name` (type-graphql reads the class for the type's fields). */
function namedClass(name: string): new () => object {
  const cls = class {};
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

function inputTypeOf(kind: WritableKind, mode: 'create' | 'patch'): new () => object {
  const name = mode === 'create' ? `Create${kind.name}Input` : `${kind.name}Patch`;
  const cls = namedClass(name);
  if (mode === 'create') {
    Field(() => String, { description: '所属组织代码' })(cls.prototype, 'orgCode');
  }
  for (const [field, spec] of Object.entries(kind.fields)) {
    const nullable = mode === 'patch' || !spec.required;
    Field(graphqlTypeOf(spec), { nullable, description: mode === 'patch' && !spec.required ? `${describe(spec)};传 null 清空` : describe(spec) })(cls.prototype, field);
  }
  if (mode === 'create') {
    Field(() => String, { nullable: true, description: '客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入' })(cls.prototype, 'clientMutationId');
  }
  InputType(name, { description: mode === 'create' ? `新增${kind.label}` : `修改${kind.label}:只传要改的字段` })(cls);
  return cls;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** Each kind's payload type, by kind name (the article's is also the adoption's answer). */
const PAYLOADS = new Map<string, new () => object>();

function payloadTypeOf(kind: WritableKind): new () => object {
  const name = `${kind.name}Payload`;
  const cls = namedClass(name);
  Field(() => RECORD_OBJECT_TYPES[kind.list], { description: `写入后的${kind.label}(按您的权限脱敏)` })(cls.prototype, lowerFirst(kind.name));
  Field(() => [RuleViolationObject], { description: '写入成功但需要核对之处(软规则)' })(cls.prototype, 'warnings');
  Field(() => String, { nullable: true, description: '请求中的 clientMutationId' })(cls.prototype, 'clientMutationId');
  ObjectType(name, { description: `${kind.label}写入的结果` })(cls);
  PAYLOADS.set(kind.name, cls);
  return cls;
}

type Param = [name: string, type: () => unknown, options: { description: string; nullable?: boolean }];

/** Declares `method` of `resolver` as a mutation `name` with the given arguments, then the context. */
function mutation(resolver: new () => object, method: string, returns: () => unknown, name: string, description: string, params: Param[]) {
  const proto = resolver.prototype as Record<string, unknown>;
  params.forEach(([argName, type, options], i) => Arg(argName, type as () => GraphQLScalarType, options)(proto, method, i));
  Ctx()(proto, method, params.length);
  Mutation(returns as () => GraphQLScalarType, { name, description })(proto, method, Object.getOwnPropertyDescriptor(proto, method)!);
}

const answer = (kind: WritableKind, r: WriteResult, clientMutationId?: string | null) =>
  ({ [lowerFirst(kind.name)]: r.record, warnings: r.warnings.map(toViolationObject), clientMutationId: clientMutationId ?? null });

const ID_PARAM: Param = ['id', () => ID, { description: '记录 id' }];
const VERSION_PARAM: Param = ['expectedVersion', () => Int, { description: '读到的版本号;记录已被他人修改时返回 CONFLICT' }];

function resolverOf(kind: WritableKind): new () => object {
  const Create = inputTypeOf(kind, 'create');
  const Patch = inputTypeOf(kind, 'patch');
  const Payload = payloadTypeOf(kind);
  const resolver = namedClass(`${kind.name}EntryResolver`);
  Object.assign(resolver.prototype, {
    create: async (input: Record<string, unknown>, ctx: RequestContext) =>
      answer(kind, await createRecord(ctx, kind, { ...input, orgCode: String(input.orgCode) }), input.clientMutationId as string | null),
    update: async (id: string, expectedVersion: number, patch: Record<string, unknown>, ctx: RequestContext) =>
      answer(kind, await updateRecordFields(ctx, kind, id, expectedVersion, { ...patch })),
    remove: async (id: string, expectedVersion: number, reason: string, ctx: RequestContext) =>
      ({ deletedId: await deleteRecordById(ctx, kind, id, expectedVersion, reason) }),
    end: async (id: string, on: string, expectedVersion: number, ctx: RequestContext) =>
      answer(kind, await endRecord(ctx, kind, id, on, expectedVersion)),
  });
  const who = '本组织或上级的录入员、管理员可用';
  mutation(resolver, 'create', () => Payload, `create${kind.name}`, `新增一条${kind.label}记录;${who}`, [['input', () => Create, { description: '记录内容' }]]);
  mutation(resolver, 'update', () => Payload, `update${kind.name}`, `修改一条${kind.label}记录;${who}`, [ID_PARAM, VERSION_PARAM, ['patch', () => Patch, { description: '要改的字段' }]]);
  mutation(resolver, 'remove', () => DeletePayload, `delete${kind.name}`, `删除一条录错的${kind.label}记录,原因记入审计日志;${who}`,
    [ID_PARAM, VERSION_PARAM, ['reason', () => String, { description: '删除原因(2–200 字)' }]]);
  if (kind.end) {
    mutation(resolver, 'end', () => Payload, `end${kind.name}`, `${kind.end.label}:结束这条${kind.label};${who}`,
      [ID_PARAM, [kind.end.field, () => String, { description: `${kind.end.label}(YYYY-MM-DD)` }], VERSION_PARAM]);
  }
  Resolver()(resolver);
  return resolver;
}

@ObjectType({ description: '本县的一项评定标准("五好"或"六好"中的一项)' })
class AssessmentCriterion {
  @Field({ description: '标准代码(setAssessment 的 criterionKey)' })
  key: string;

  @Field({ description: '标准名称,如 领导班子建设好' })
  name: string;
}

@Resolver(() => OrgObject)
export class OrgRulesResolver {
  @FieldResolver(() => [AssessmentCriterion], { description: '本组织所在县(市、区)的评定标准,按顺序:评定时每一项都要给出结果' })
  assessmentCriteria(@Root() org: OrgRecord, @Ctx() ctx: RequestContext) {
    return criteriaOf(ctx.session, org.tenantId);
  }

  @FieldResolver(() => [RuleViolationObject], { description: '规则检查:本组织及所有下级在本期内违反规则目录中各条规则之处(含规则出台前录入或导入的数据、以及软规则的提醒)' })
  async ruleViolations(@Root() org: OrgRecord, @Arg('period', () => PeriodScalar, { description: `期间:${PERIOD_FORMATS}` }) period: string, @Ctx() ctx: RequestContext) {
    return (await ruleViolations(ctx, org, parsePeriod(period, 'period'))).map(toViolationObject);
  }
}

/** One resolver class per writable kind. */
export const ENTRY_RESOLVERS = WRITABLE_KINDS.map(resolverOf);

@InputType({ description: '一项评定标准的结果' })
class CriterionResultInput {
  @Field({ description: '标准代码(见本县的评定标准)' })
  criterionKey: string;

  @Field({ description: '是否达到' })
  met: boolean;
}

@InputType({ description: '一个组织一年的"五好"评定:本县评定标准的每一项都要给出结果' })
class SetAssessmentInput {
  @Field({ description: '组织代码' })
  orgCode: string;

  @Field(() => Int, { description: '评定年度' })
  year: number;

  @Field(() => [CriterionResultInput], { description: '各项标准的结果' })
  results: CriterionResultInput[];

  @Field(() => Int, { nullable: true, description: '读到的评定版本号;该年度第一次评定时不传' })
  expectedVersion?: number | null;
}

@ObjectType({ description: '"五好"评定写入的结果' })
class AssessmentPayload {
  @Field(() => Int, { description: '评定年度' })
  year: number;

  @Field(() => Int, { description: '评定的版本号(修改或删除时回传)' })
  version: number;

  @Field(() => [Assessment], { description: '各项标准的结果,按本县标准的顺序' })
  results: unknown[];

  @Field(() => [RuleViolationObject], { description: '需要核对之处(软规则)' })
  warnings: RuleViolationObject[];
}

const ARTICLE = kindByName.get('Article')!;

@Resolver()
export class AssessmentAndAdoptionResolver {
  @Mutation(() => AssessmentPayload, { description: '录入或修改一个组织一年的"五好"评定(各项标准一次给全);本组织或上级的录入员、管理员可用' })
  async setAssessment(@Arg('input', { description: '评定内容' }) input: SetAssessmentInput, @Ctx() ctx: RequestContext) {
    const r = await setAssessment(ctx, input);
    return { ...r, warnings: r.warnings.map(toViolationObject) };
  }

  @Mutation(() => Boolean, { description: '删除一个组织一年的"五好"评定(录错时),原因记入审计日志' })
  deleteAssessment(
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('year', () => Int, { description: '评定年度' }) year: number,
    @Arg('expectedVersion', () => Int, { description: '读到的评定版本号' }) expectedVersion: number,
    @Arg('reason', { description: '删除原因(2–200 字)' }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteAssessment(ctx, orgCode, year, expectedVersion, reason);
  }

  @Mutation(() => PAYLOADS.get('Article')!, { description: '标记稿件被哪一级采用(传 null 取消);由报送组织的上级录入员、管理员标记' })
  async setArticleAdoption(
    @Arg('id', () => ID, { description: '稿件 id' }) id: string,
    @Arg('expectedVersion', () => Int, { description: '读到的版本号' }) expectedVersion: number,
    @Arg('level', () => AdoptionLevel, { nullable: true, description: '采用级别;null 为未采用' }) level: AdoptionLevel | null,
    @Ctx() ctx: RequestContext,
  ) {
    return answer(ARTICLE, await setArticleAdoption(ctx, ARTICLE, id, expectedVersion, level ?? null));
  }
}

/** The names of the mutations above (each checks the viewer's rights itself, and the database again). */
export const ENTRY_MUTATIONS = [
  ...WRITABLE_KINDS.flatMap((k) => [`create${k.name}`, `update${k.name}`, `delete${k.name}`, ...(k.end ? [`end${k.name}`] : [])]),
  'setAssessment', 'deleteAssessment', 'setArticleAdoption',
];
