import {
  DocumentNode, FragmentDefinitionNode, getNamedType, getNullableType, getVariableValues, GraphQLField, GraphQLObjectType,
  GraphQLInterfaceType, GraphQLSchema, isInterfaceType, isListType, isObjectType, Kind, OperationDefinitionNode, SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination';

/** What a request may cost at most (see `operationCost`); a county's full village table with five figures fits. */
export const DEFAULT_MAX_COST = 50_000;

/** How many items a list without a `first` argument is taken to hold. */
const LIST_ESTIMATES: Record<string, number> = {
  'Org.children': 20,
  'Org.ancestors': 5,
  'RollupTable.rows': 20,
  'Rollup.figures': 90,
};
const DEFAULT_LIST_ESTIMATE = 20;
/** Extra weight of a type that costs more than its fields to make: a roll-up row is a statement's row over aggregates. */
const TYPE_WEIGHTS: Record<string, number> = { Rollup: 10 };
/** Introspection is answered from memory, and is off in production; a flat price keeps GraphiQL working. */
const INTROSPECTION_COST = 100;

/**
 * The cost of an operation as it will run, with the request's variables (a `first` sent as a
 * variable counts exactly as a literal one): every field costs 1 plus the weight of its type,
 * and what is under a list costs once per item: `first` items for a page (the default page
 * size when absent), an estimate for a list without `first`. Returns null when the variables do
 * not fit the operation: execution will refuse them with BAD_USER_INPUT.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  // without variables an operation always costs the same: worked out once per parsed document
  // (Apollo hands every request of the same text the same one), not on every request
  if (operation.variableDefinitions?.length) return costWith(schema, document, operation, variables);
  const known = FIXED_COSTS.get(operation);
  if (known?.schema === schema) return known.cost;
  const cost = costWith(schema, document, operation, undefined);
  FIXED_COSTS.set(operation, { schema, cost });
  return cost;
}

/** The cost of operations that take no variables, by their parsed node. */
const FIXED_COSTS = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; cost: number | null }>();

function costWith(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const vars = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;

  const selectionCost = (set: SelectionSetNode, type: GraphQLObjectType | GraphQLInterfaceType, pageSize: number | null, seen: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        if (!fragment || seen.has(sel.name.value)) continue; // cycles are refused by validation
        const on = schema.getType(fragment.typeCondition.name.value);
        total += selectionCost(fragment.selectionSet, isObjectType(on) || isInterfaceType(on) ? on : type, pageSize, new Set([...seen, sel.name.value]));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += selectionCost(sel.selectionSet, isObjectType(on) || isInterfaceType(on) ? on : type, pageSize, seen);
      } else {
        const name = sel.name.value;
        if (name === '__typename') continue;
        if (name === '__schema' || name === '__type') {
          total += INTROSPECTION_COST;
          continue;
        }
        const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
        if (!field) continue; // unknown fields are refused by validation
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(field, sel, vars);
        } catch {
          return Number.NaN; // an argument execution will refuse
        }
        const named = getNamedType(field.type);
        let own = 1 + (TYPE_WEIGHTS[named.name] ?? 0);
        let children = 0;
        if (sel.selectionSet && (isObjectType(named) || isInterfaceType(named))) {
          const childType = named;
          // a page's size applies to the lists inside it (`nodes`, `edges`), not to `totalCount`
          const first = field.args.some((a) => a.name === 'first') ? pageOf(args.first) : null;
          children = selectionCost(sel.selectionSet, childType, first, seen);
        }
        if (isListType(getNullableType(field.type))) {
          // a list chosen by keys (`figures(keys:)`) holds as many items as keys were given
          const items = pageSize ?? (Array.isArray(args.keys) ? args.keys.length : LIST_ESTIMATES[`${type.name}.${name}`] ?? DEFAULT_LIST_ESTIMATE);
          own *= items;
          children *= items;
        }
        total += own + children;
      }
    }
    return total;
  };
  const cost = selectionCost(operation.selectionSet, root, null, new Set());
  return Number.isNaN(cost) ? null : cost;
}

/** The items a page will hold: what the resolver will accept, else it refuses before any work. */
function pageOf(first: unknown): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  return typeof first === 'number' && Number.isFinite(first) ? Math.min(Math.max(Math.trunc(first), 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}
