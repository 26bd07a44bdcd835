import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

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
