import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * GraphiQL served from the project's own dependencies (graphiql's prebuilt bundle and React's
 * UMD builds), so it works with no internet access. The page's script is a file too, which
 * lets the page run under a CSP that allows scripts from this server only.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'application/javascript' },
};

/** A file of an installed package, found from the package's entry point (its `exports` hide the UMD builds). */
function packageFile(pkg: string, file: string): Buffer {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return readFileSync(join(dir, file));
}

const DEFAULT_QUERY = `# 1. 先登录(演示账号密码均为 demo),把返回的 token 填入下方 Headers:
#    { "Authorization": "Bearer <token>" }
mutation Login {
  login(username: "jian-admin", password: "demo") { token expiresAt }
}

# 2. 集安市关工委及其下级组织
query Jian {
  org(code: "220582") {
    name
    level
    children { code name level type }
  }
}
`;

const INIT_SCRIPT = `
const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, defaultEditorToolsVisibility: 'headers' }),
);
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>关工委数据平台 GraphiQL</title>
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  <link rel="stylesheet" href="/graphiql/graphiql.min.css" />
</head>
<body>
  <div id="graphiql">正在加载 GraphiQL…</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script src="/graphiql/init.js"></script>
</body>
</html>`;

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** True for a browser asking for the page (not a GraphQL GET request, which carries `query`). */
export function wantsGraphiql(accept: string | undefined, query: unknown): boolean {
  const hasQuery = typeof query === 'object' && query !== null && 'query' in query;
  return !hasQuery && (accept ?? '').includes('text/html');
}

export function graphiqlPage(): { body: string; headers: Record<string, string> } {
  return { body: PAGE, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP } };
}

export function registerGraphiqlAssets(app: FastifyInstance): void {
  const files = new Map<string, { body: Buffer | string; type: string }>();
  for (const [name, asset] of Object.entries(ASSETS)) {
    files.set(name, { body: packageFile(asset.pkg, asset.file), type: asset.type });
  }
  files.set('init.js', { body: INIT_SCRIPT, type: 'application/javascript' });
  app.get<{ Params: { file: string } }>('/graphiql/:file', async (request, reply) => {
    const file = files.get(request.params.file);
    if (!file) return reply.code(404).send({ error: 'NOT_FOUND' });
    return reply.header('content-type', `${file.type}; charset=utf-8`).header('cache-control', 'public, max-age=86400').send(file.body);
  });
}
