import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's `Node`: an object a client can fetch again by its id alone (`node(id:)`) and keep in
 * a normalised cache. Ids are UUIDs, unique across every table, so they are already global;
 * `node` finds which kind an id names. Objects returned by `node` carry their type's name.
 */
@InterfaceType('Node', {
  description: '可按 id 重新取回的对象(Relay 规范的 Node)',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: '全局唯一标识(UUID)' })
  id: string;
}
