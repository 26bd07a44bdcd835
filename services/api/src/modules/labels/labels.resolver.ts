import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import { ENUM_LABELS } from '../../common/enums';

@ObjectType({ description: '一个枚举值及其中文名称' })
export class EnumLabel {
  @Field({ description: '枚举值,如 TEACHER' })
  value: string;

  @Field({ description: '中文名称,如 老教师' })
  label: string;
}

/**
 * The Chinese label of every value of every domain enum, one field per enum (`volunteerCategory`,
 * `orgLevel`, …), so an app shows them without copying the label maps.
 */
@ObjectType({ description: '各枚举值的中文名称(用于显示;与各枚举值的说明相同)' })
export class Labels {}

const fieldName = (enumName: string) => enumName[0].toLowerCase() + enumName.slice(1);
for (const [name, { description }] of ENUM_LABELS) {
  Field(() => [EnumLabel], { description })(Labels.prototype, fieldName(name));
}

const LABELS = Object.fromEntries([...ENUM_LABELS].map(([name, { labels }]) =>
  [fieldName(name), Object.entries(labels).map(([value, label]) => ({ value, label }))]));

@Resolver()
export class LabelsResolver {
  @Query(() => Labels, { description: '各枚举值的中文名称(组织层级、五老类别、活动主题等),供界面显示' })
  labels(): typeof LABELS {
    return LABELS;
  }
}
