import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '@ggw/domain';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@ObjectType({ description: '分页信息' })
export class PageInfo {
  @Field({ description: '是否还有下一页' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一条记录的游标;作为 after 参数传入以取下一页' })
  endCursor: string | null;

  @Field({ description: '是否有上一页:列表只向后翻页,始终为 false(Relay 规范允许)' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: '本页第一条记录的游标' })
  startCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `每页条数,1 到 ${MAX_PAGE_SIZE},默认 ${DEFAULT_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '从该游标之后开始(上一页的 pageInfo.endCursor)' })
  after?: string | null;
}

/** Validates `first`; out of range is BAD_USER_INPUT rather than a silent clamp. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first 必须在 1 到 ${MAX_PAGE_SIZE} 之间,收到 ${first}`, 'first');
  }
  return first;
}

/** One page of a list, with the total computed only when a client asks for it. */
export interface Page<T> {
  nodes: T[];
  /** The nodes with their cursors (Relay), made only when asked for: from `nodes` as they are then (masked). */
  readonly edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * Builds a page from up to `size + 1` rows (the extra row only says there is a next page).
 * `count` runs when, and only when, `totalCount` is read by the GraphQL executor.
 */
export function toPage<T>(rows: T[], size: number, cursorOf: (row: T) => string, count: () => Promise<number>): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  let total: Promise<number> | undefined;
  return {
    nodes,
    get edges() {
      return this.nodes.map((node) => ({ cursor: cursorOf(node), node }));
    },
    pageInfo: {
      hasNextPage, hasPreviousPage: false,
      startCursor: nodes.length ? cursorOf(nodes[0]) : null, endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null,
    },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}

/** The GraphQL connection type of a node type: `nodes`, Relay's `edges`, `pageInfo`, `totalCount`. */
export function Connection<T extends object>(node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `${description}中的一条:记录及其游标(Relay)` })
  class EdgeClass {
    @Field(() => String, { description: '这条记录的游标;作为 after 传入,从它之后开始' })
    cursor: string;

    @Field(() => node, { description: '记录' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass {
    @Field(() => [node], { description: '本页的记录' })
    nodes: T[];

    @Field(() => [EdgeClass], { description: '本页的记录及各自的游标(Relay 规范;与 nodes 相同的记录)' })
    edges: EdgeClass[];

    @Field(() => PageInfo, { description: '分页信息' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: '符合条件的记录总数(仅在请求时计算)' })
    totalCount: number;
  }
  return ConnectionClass;
}
