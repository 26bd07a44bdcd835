import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode, valueFromASTUntyped } from 'graphql';
import { METRICS } from '@ggw/rollup';

/** Does the query select `name` directly under the field being resolved (through fragments too)? */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const within = (set: SelectionSetNode | undefined, seen: Set<string>): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet, seen);
      if (seen.has(s.name.value)) return false;
      return within(info.fragments[s.name.value]?.selectionSet, new Set([...seen, s.name.value]));
    });
  return info.fieldNodes.some((n) => within(n.selectionSet, new Set()));
}

const METRIC_KEYS = new Set(METRICS.map((m) => m.key));

/** The figure keys a `figures(keys:)` field asks for (a literal list or a variable), or null for all of them. */
function figuresKeys(field: FieldNode, info: GraphQLResolveInfo): string[] | null {
  const arg = field.arguments?.find((a) => a.name.value === 'keys');
  if (!arg) return null;
  const value = valueFromASTUntyped(arg.value, info.variableValues);
  if (value === null || value === undefined) return null;
  return (Array.isArray(value) ? value : [value]).filter((k): k is string => typeof k === 'string' && METRIC_KEYS.has(k));
}

/**
 * The fields below a roll-up that read the year before: Rollup.previousYear and Rollup.change,
 * Figure.previousValue and Figure.change. Matched by name anywhere below (a field of another
 * type with one of these names only makes the engine compute a year it did not need).
 */
const LAST_YEAR_FIELDS = new Set(['previousYear', 'change', 'previousValue']);

/**
 * What a query asks of the roll-ups below a field (through nested objects and fragments), so
 * that the engine computes only that: the figure keys (`figures` asks for its `keys`, or for all)
 * and whether any answer reads the year before.
 */
export function figuresAsked(info: GraphQLResolveInfo): { keys: string[]; lastYear: boolean } {
  const keys = new Set<string>();
  let lastYear = false;
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (s.name.value === 'figures') (figuresKeys(s, info) ?? [...METRIC_KEYS]).forEach((k) => keys.add(k));
        else if (METRIC_KEYS.has(s.name.value)) keys.add(s.name.value);
        else if (LAST_YEAR_FIELDS.has(s.name.value)) lastYear = true;
        visit(s.selectionSet);
      } else if (s.kind === 'InlineFragment') visit(s.selectionSet);
      else visit((info.fragments[s.name.value] as FragmentDefinitionNode | undefined)?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return { keys: [...keys], lastYear };
}

/**
 * The fields written directly in the selections of `nodes` (not through fragments), without
 * directives: what a resolver may look at ahead of execution, knowing each will run as written.
 */
export function fieldsWrittenIn(nodes: readonly FieldNode[]): FieldNode[] {
  return nodes.flatMap((n) => (n.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD && !s.directives?.length));
}
