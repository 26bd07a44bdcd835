import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, IRules, rule, shield } from 'graphql-shield';
import { canRead, Viewer } from '@ggw/authz';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@ggw/domain';
import { RequestContext } from '../../context';
import { ENTRY_MUTATIONS } from '../entry/entry.graphql';
import { REPORT_MUTATIONS } from '../reports/reports.graphql';
import { USER_ADMIN_MUTATIONS, USER_QUERIES } from '../users/users.graphql';
import { ORG_ADMIN_MUTATIONS } from '../org/org.admin';
import { OrgRecord } from '../org/org.record';

const LOGIN_FIRST = '请先登录(mutation login),并在请求头 Authorization: Bearer <令牌> 中带上令牌';

/**
 * The viewer, or the error to answer with: a token for a user that no longer exists is
 * UNAUTHENTICATED; a failure of the database is returned as itself, so that it is answered as
 * an internal error (masked and logged). A rule that throws would be read by the shield as a
 * denial, and a broken database would look like FORBIDDEN.
 */
async function viewerOf(ctx: RequestContext) {
  try {
    return await ctx.viewer();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * A signed-in request: a token whose signature and expiry were verified. Whether its user may
 * still act (not disabled, deleted or given a newer token version) is checked by the database in
 * the same message as the request's first statement, before that statement runs, and before
 * any answer for a request that runs none (the HTTP layer answers 401 when it fails). Asking
 * here would cost every request a round trip of its own.
 */
const isAuthenticated = rule({ cache: 'contextual' })(async (_parent, _args, ctx: RequestContext) =>
  ctx.session.principal ? true : new UnauthenticatedError(LOGIN_FIRST));

/**
 * Every field of an org is guarded by the org's own path: an org outside the viewer's
 * subtrees answers exactly as a missing one. Checked here rather than as a graphql-shield rule,
 * so that the check is synchronous once the viewer is known (as it always is once an org has
 * been read): a list of 218 orgs was an async rule step per field of each.
 */
function orgInScope(resolve: GraphQLFieldResolver<OrgRecord, RequestContext>): GraphQLFieldResolver<OrgRecord, RequestContext> {
  const check = (viewer: Viewer | null | Error, org: OrgRecord) => {
    if (viewer instanceof Error) throw viewer;
    if (!viewer) throw new UnauthenticatedError(LOGIN_FIRST);
    if (!canRead(viewer, org.path)) throw new NotFoundError(`没有代码为 ${org.code} 的组织`, { code: org.code });
  };
  return (org, args, ctx, info) => {
    const known = ctx.session.knownViewer;
    if (known !== undefined) {
      check(known, org);
      return resolve(org, args, ctx, info);
    }
    return viewerOf(ctx).then((viewer) => {
      check(viewer, org);
      return resolve(org, args, ctx, info);
    });
  };
}

/** A value type's field: its own resolver, no check of its own (see VALUE_TYPES). */
const valueOfGuardedParent = <T>(resolve: T) => resolve;

/**
 * Value types: a roll-up, its change, its figures and the table of them. Their objects exist
 * only as the answer of an org's field (which `orgInScope` guards) or of another value type's
 * (gate.spec.ts checks that no other field gives one), and each of their fields is a value of
 * that object. Their fields keep their own resolvers, without a rule each: a rule is an async
 * step per field, and for 200 orgs of 10 figures it cost more than the figures.
 */
export const VALUE_TYPES = ['Rollup', 'RollupChange', 'RollupTable', 'Figure'] as const;

/**
 * The gate: deny by default (a type or field with no rule is refused), `login` open to all,
 * org fields limited to the viewer's subtrees, every other object to signed-in viewers (such
 * objects are only reachable through an org). The database's row-level security is the second
 * line behind it.
 */
export function protect(schema: GraphQLSchema): GraphQLSchema {
  const rules: Record<string, IRules> = {
    Query: { me: isAuthenticated, labels: isAuthenticated, node: isAuthenticated, export: isAuthenticated, org: isAuthenticated, orgs: isAuthenticated, exports: isAuthenticated, exportSchedules: isAuthenticated,
      notifications: isAuthenticated, unreadNotificationCount: isAuthenticated, imports: isAuthenticated,
      ...Object.fromEntries(USER_QUERIES.map((name) => [name, isAuthenticated])) },
    // each also checks the org against the viewer's roles (admins only), and the database again
    Mutation: {
      // a password link is its own credential (signed, once)
      login: allow, activateAccount: allow, requestExport: isAuthenticated, createExportSchedule: isAuthenticated,
      pauseExportSchedule: isAuthenticated, deleteExportSchedule: isAuthenticated,
      ...Object.fromEntries([...ENTRY_MUTATIONS, ...REPORT_MUTATIONS, ...USER_ADMIN_MUTATIONS, ...ORG_ADMIN_MUTATIONS].map((name) => [name, isAuthenticated])),
    },
    LoginResult: allow,
    // guarded below, field by field, without shield
    Org: allow,
    ...Object.fromEntries(VALUE_TYPES.map((name) => [name, allow])),
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && !(type.name in rules)) rules[type.name] = isAuthenticated;
  }
  const guarded = applyMiddleware(
    schema,
    shield(rules as IRules, { fallbackRule: deny, allowExternalErrors: true, fallbackError: new ForbiddenError('无权访问') }),
  );
  /** A field's resolver, whatever its parent and arguments, wrapped in its type's check. */
  type Guard = (resolve: GraphQLFieldResolver<any, any>) => GraphQLFieldResolver<any, any>;
  const ownGuards: Record<string, Guard> = {
    Org: orgInScope,
    ...Object.fromEntries(VALUE_TYPES.map((name) => [name, valueOfGuardedParent])),
  };
  for (const [name, guard] of Object.entries(ownGuards)) {
    const own = schema.getType(name);
    const wrapped = guarded.getType(name);
    if (!isObjectType(own) || !isObjectType(wrapped)) throw new Error(`gate: ${name} is not an object type`);
    for (const [field, config] of Object.entries(wrapped.getFields())) config.resolve = guard(own.getFields()[field].resolve ?? defaultFieldResolver);
  }
  return guarded;
}
