import { ArgsType, Field, ID } from 'type-graphql';
import { OrgLevel, OrgType } from '@ggw/domain';
import { PageArgs } from '../../common/pagination';

@ArgsType()
export class OrgLookupArgs {
  @Field(() => ID, { nullable: true, description: '组织 id(与 code 二选一)' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: '组织代码,如 220582(与 id 二选一)' })
  code?: string | null;
}

@ArgsType()
export class OrgFilterArgs {
  @Field(() => OrgLevel, { nullable: true, description: '只要该层级的组织' })
  level?: OrgLevel | null;

  @Field(() => OrgType, { nullable: true, description: '只要该类型的组织' })
  type?: OrgType | null;
}

@ArgsType()
export class OrgPageArgs extends PageArgs {
  @Field(() => OrgLevel, { nullable: true, description: '只要该层级的组织' })
  level?: OrgLevel | null;

  @Field(() => OrgType, { nullable: true, description: '只要该类型的组织' })
  type?: OrgType | null;
}

@ArgsType()
export class OrgSearchArgs extends OrgPageArgs {
  @Field(() => String, { nullable: true, description: '按名称(包含)或代码(前缀)搜索,1 到 50 个字符' })
  search?: string | null;
}
