import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { NodeInterface } from '../../common/node';
import { RequestContext } from '../../context';
import { nodeById } from './node.service';

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, { nullable: true, description: '按 id 取回任一对象(组织、记录、导出任务;Relay 规范);不存在或无权查看时为空' })
  node(@Arg('id', () => ID, { description: '对象的 id' }) id: string, @Ctx() ctx: RequestContext) {
    return nodeById(ctx, id);
  }
}
