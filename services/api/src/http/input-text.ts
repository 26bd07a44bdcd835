import { ArgumentNode, DocumentNode, Kind, ObjectFieldNode, ValueNode, visit } from 'graphql';
import { BadUserInputError } from '@ggw/domain';

/**
 * Control characters no field can hold: NUL (which PostgreSQL refuses in text) and the other
 * C0 controls and DEL. Tab, line feed and carriage return are refused too, except in the fields
 * below that are free text written over several lines.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** Arguments and input fields that may hold several lines (reasons, descriptions, notes). */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['reason', 'forceWithReason', 'description', 'note', 'remark']);

function refused(text: string, field: string): boolean {
  return CONTROL.test(text) || (!MULTILINE_FIELDS.has(field) && LINE_BREAK_OR_TAB.test(text));
}

function fail(field: string): never {
  throw new BadUserInputError(`${field} 含有不允许的控制字符(如 NUL、换行),请删除后重试`, field);
}

/** Every string reachable in a variable's value, with the name of the field that holds it. */
function checkValue(value: unknown, field: string, depth = 0): void {
  if (depth > 32) return; // deeper than any input type; the variable's coercion refuses it
  if (typeof value === 'string') {
    if (refused(value, field)) fail(field);
  } else if (Array.isArray(value)) {
    for (const item of value) checkValue(item, field, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (refused(key, key)) fail(field);
      checkValue(item, key, depth + 1);
    }
  }
}

/**
 * Refuses, before anything runs, a request whose string arguments or input fields (written in
 * the query or sent as variables, for every field present and future) hold control characters:
 * BAD_USER_INPUT naming the field, instead of an error from the database.
 */
export function checkInputText(document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  let fieldOfVariable = CHECKED_DOCUMENTS.get(document);
  if (!fieldOfVariable) {
    fieldOfVariable = checkDocument(document);
    // Apollo hands every request of the same text the same parsed document: only its variables
    // are new, and the document is walked once (a walk was about 1.5% of a small query's CPU)
    CHECKED_DOCUMENTS.set(document, fieldOfVariable);
  }
  for (const [name, value] of Object.entries(variables ?? {})) checkValue(value, fieldOfVariable.get(name) ?? name);
}

/** Documents whose literals passed, with the field each of their variables is passed to. */
const CHECKED_DOCUMENTS = new WeakMap<DocumentNode, ReadonlyMap<string, string>>();

/** Refuses the literal strings of a document; returns the field (argument) each variable is passed to. */
function checkDocument(document: DocumentNode): ReadonlyMap<string, string> {
  const named: Array<[string, ValueNode]> = [];
  visit(document, {
    Argument(node: ArgumentNode) {
      named.push([node.name.value, node.value]);
    },
    ObjectField(node: ObjectFieldNode) {
      named.push([node.name.value, node.value]);
    },
  });
  // a variable is judged by the argument it is passed to (`$r` given as `reason` may hold lines)
  const fieldOfVariable = new Map<string, string>();
  for (const [field, value] of named) {
    if (value.kind === Kind.STRING && refused(value.value, field)) fail(field);
    if (value.kind === Kind.VARIABLE) fieldOfVariable.set(value.name.value, field);
    if (value.kind === Kind.LIST) {
      for (const item of value.values) {
        if (item.kind === Kind.STRING && refused(item.value, field)) fail(field);
        if (item.kind === Kind.VARIABLE) fieldOfVariable.set(item.name.value, field);
      }
    }
  }
  return fieldOfVariable;
}
