import { Field, ID, ObjectType } from 'type-graphql';
import { OrgLevel, OrgType } from '@ggw/domain';
import { NodeInterface } from '../../common/node';
import { Connection } from '../../common/pagination';
import { DateScalar } from '../../common/scalars';
import '../../common/enums';

@ObjectType('Org', { implements: NodeInterface, description: '关工委组织:层级树上的一个节点(县、乡镇街道及县直部门、村社区学校等)' })
export class OrgObject {
  @Field(() => ID, { description: '组织的唯一标识(UUID)' })
  id: string;

  @Field({ description: '组织代码:地方组织用国家统计用区划代码(县 6 位、乡镇 9 位、村 12 位)' })
  code: string;

  @Field({ description: '组织名称' })
  name: string;

  @Field(() => OrgLevel, { description: '层级' })
  level: OrgLevel;

  @Field(() => OrgType, { description: '类型(乡、镇、街道、部门、学校、村、社区等)' })
  type: OrgType;

  @Field(() => DateScalar, { description: '成立日期' })
  foundedOn: string;

  @Field(() => DateScalar, { nullable: true, description: '撤销日期;仍存在的组织为空' })
  dissolvedOn: string | null;

  @Field({ description: '从根到本组织的代码路径,以点分隔' })
  path: string;
}

export const OrgConnection = Connection(OrgObject, 'Org', '组织的分页列表');

@ObjectType('OrgRef', { description: '面包屑中的上级组织:只有名称与代码(上级组织的数据不在查看范围内)' })
export class OrgRefObject {
  @Field({ description: '组织代码' })
  code: string;

  @Field({ description: '组织名称' })
  name: string;

  @Field(() => OrgLevel, { description: '层级' })
  level: OrgLevel;
}
