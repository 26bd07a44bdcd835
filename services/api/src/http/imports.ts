import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import multipart from '@fastify/multipart';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { canWrite, Principal, TokenService } from '@ggw/authz';
import { AppError, isUuid, ORG_COLUMNS, parseOrgRecord, ServiceUnavailableError, UnauthenticatedError } from '@ggw/domain';
import { CursorCodec } from '../common/cursor';
import type { ReadReplicas } from '../common/read-replicas';
import { RequestSession } from '../common/session';
import { createLoaders, ServiceContext } from '../context';
import { IMPORT_SLUGS } from '../modules/imports/import.columns';
import { importErrorFile, importKindFor, runImport } from '../modules/imports/import.service';
import { writeTemplate } from '../modules/imports/import.template';
import { ReaderLimits } from '../modules/imports/sheet-reader';
import { runOnboarding, writeOnboardingTemplate } from '../modules/imports/onboarding';
import { bearerToken } from './bearer';
import { RequestRateLimit } from './rate-limit';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Upload { path: string; fileName: string; sha256: string; sizeBytes: number }

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429, TIMEOUT: 503, SERVICE_UNAVAILABLE: 503 };

export interface ImportRouteDeps {
  dataSource: DataSource;
  /** An import is a write: its commit is remembered so the user's next reads on a replica include it. */
  replicas?: ReadReplicas;
  tokens: TokenService;
  cursors: CursorCodec;
  rateLimit: RequestRateLimit;
  /** an import is one transaction: it gets this long, not a query's budget */
  timeBudgetMs: number;
  limits: ReaderLimits;
}

/**
 * Spreadsheets in, over HTTP (a file is not GraphQL):
 *
 * - `GET /templates/<kind>.xlsx[?orgCode=]`: the workbook to fill in for a kind of record, with
 *   the org codes the user may write to (under `orgCode` when given);
 * - `GET /imports/<id>/errors.xlsx`: the file of an import with problems, given back with a 错误
 *   column and its bad cells filled red;
 * - `POST /imports?orgCode=&kind=&dryRun=true|false`, multipart with one file (XLSX or CSV):
 *   streamed to a temporary file (hashing it on the way) and checked or imported for the org's
 *   subtree, in one transaction under the user's rights. The answer is the import's outcome:
 *   what was (or would be) created, updated and left unchanged, and every problem with its row
 *   and column. A file refused as a whole is 400 with its `reason`.
 * - `GET /onboarding/template.xlsx[?parentCode=]` and `POST /onboarding?parentCode=&dryRun=`: a
 *   new county from an org-tree workbook (sheets 组织 and 管理员), below a city or province, for
 *   a platform admin or an admin of that city or province.
 */
export async function registerImports(root: FastifyInstance, deps: ImportRouteDeps): Promise<void> {
  await root.register(async (app) => {
    // these routes read bodies their own way: a multipart upload, and anything else handed to
    // the route untouched, so that it answers in Chinese with its code (not Fastify's 415)
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    await app.register(multipart, { limits: { fileSize: deps.limits.maxBytes + 1, files: 1, fields: 10, parts: 12 } });
    routes(app, deps);
  });
}

function routes(app: FastifyInstance, deps: ImportRouteDeps): void {
  const tooLarge = (reply: FastifyReply) => reply.code(400).send({
    code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', message: `文件超过 ${Math.round(deps.limits.maxBytes / 1048576)} MB 的上限:请分成几个文件导入`,
  });

  /** The signed-in user of a request, or an answer already sent. */
  async function userOf(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
    let principal: Principal;
    try {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new UnauthenticatedError('请带上 Authorization: Bearer <令牌>');
      principal = await deps.tokens.verify(token);
    } catch (error) {
      await reply.code(401).send({ code: 'UNAUTHENTICATED', message: error instanceof UnauthenticatedError ? error.message : '令牌无效' });
      return null;
    }
    const wait = deps.rateLimit.take(`u:${principal.userId}`);
    if (wait > 0) {
      await reply.code(429).header('retry-after', String(wait)).send({ code: 'RATE_LIMITED', message: `请求过于频繁,请 ${wait} 秒后再试` });
      return null;
    }
    return principal;
  }

  /** Runs `work` in a session of the user (one transaction), answering an AppError with its code; never anything internal. */
  async function inSession<T>(request: FastifyRequest, reply: FastifyReply, principal: Principal, requestId: string, work: (ctx: ServiceContext) => Promise<T>): Promise<T | undefined> {
    const session = new RequestSession(deps.dataSource, principal, { timeBudgetMs: deps.timeBudgetMs, requestId, replicas: deps.replicas });
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) session.abort();
    });
    const ctx: ServiceContext = { requestId, session, viewer: () => session.viewer(), cursors: deps.cursors, loaders: createLoaders(session, deps.cursors) };
    try {
      const result = await work(ctx);
      await session.close();
      return result;
    } catch (error) {
      session.markFailed();
      await session.close().catch((e) => (request.log as Logger).error({ err: e }, 'closing the session failed'));
      if (error instanceof AppError) {
        if (error instanceof ServiceUnavailableError) reply.header('retry-after', String(error.retryAfterSeconds));
        await reply.code(STATUS[error.code] ?? 400).send({ ...error.details, code: error.code, message: error.message });
        return undefined;
      }
      throw error;
    }
  }

  app.get<{ Params: { file: string }; Querystring: { orgCode?: string } }>('/templates/:file', async (request, reply) => {
    const slug = request.params.file.replace(/\.xlsx$/, '');
    if (!IMPORT_SLUGS.includes(slug) || !request.params.file.endsWith('.xlsx')) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `没有这种模板;可用的模板:${IMPORT_SLUGS.map((k) => `${k}.xlsx`).join('、')}` });
    }
    const principal = await userOf(request, reply);
    if (!principal) return reply;
    let label = '';
    const content = await inSession(request, reply, principal, String(request.id), async (ctx) => {
      const kind = await importKindFor(ctx, slug, request.query.orgCode ?? null);
      label = kind.label;
      const viewer = (await ctx.viewer())!;
      const under = request.query.orgCode ? (await ctx.session.query(`SELECT path::text AS path FROM org WHERE code = $1`, [request.query.orgCode]))[0]?.path : null;
      const orgs = (await ctx.session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE ($1::ltree IS NULL OR o.path <@ $1::ltree) ORDER BY o.path`, [under ?? null]))
        .map(parseOrgRecord).filter((o) => canWrite(viewer, o.path));
      return writeTemplate(kind, orgs);
    });
    if (content === undefined) return reply;
    return reply.header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${slug}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${label}导入模板.xlsx`)}`)
      .header('cache-control', 'private, no-store')
      .send(content);
  });

  app.get<{ Params: { id: string } }>('/imports/:id/errors.xlsx', async (request, reply) => {
    const missing = { code: 'NOT_FOUND', message: '没有这次导入的问题文件(导入没有问题,或您无权查看)' };
    if (!isUuid(request.params.id)) return reply.code(404).send(missing);
    const principal = await userOf(request, reply);
    if (!principal) return reply;
    const file = await inSession(request, reply, principal, String(request.id), (ctx) => importErrorFile(ctx, request.params.id));
    if (file === undefined) return reply;
    if (file === null) return reply.code(404).send(missing);
    const name = `${file.fileName.replace(/\.(xlsx|csv)$/i, '')}_错误.xlsx`;
    return reply.header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${request.params.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });

  /**
   * Receives the request's one uploaded file into a temporary folder (hashing it on the way),
   * hands it to `use`, and removes it whatever happens. A body that is no proper multipart, no
   * file or one too large is answered here.
   */
  async function withUpload(request: FastifyRequest, reply: FastifyReply, use: (file: Upload) => Promise<FastifyReply>): Promise<FastifyReply> {
    if (!request.isMultipart()) return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'file', message: '请以 multipart/form-data 上传一个文件(字段名 file)' });
    const dir = await mkdtemp(join(tmpdir(), 'ggw-import-'));
    try {
      const path = join(dir, 'upload');
      const hash = createHash('sha256');
      let size = 0;
      let part: Awaited<ReturnType<typeof request.file>>;
      try {
        part = await request.file();
        if (part) {
          await pipeline(part.file, new Transform({
            transform(chunk: Buffer, _enc, done) {
              hash.update(chunk);
              size += chunk.length;
              done(null, chunk);
            },
          }), createWriteStream(path));
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(reply);
        // a body that is not the multipart it says it is (no boundary, cut short, too many parts)
        request.log.info({ err: error }, 'upload refused');
        return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'file', message: '上传的内容不是有效的 multipart/form-data:请用表单上传一个文件(字段名 file)' });
      }
      if (!part) return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'file', message: '没有收到文件' });
      if (part.file.truncated || size > deps.limits.maxBytes) return tooLarge(reply);
      return await use({ path, fileName: (part.filename || 'upload.xlsx').slice(0, 255), sha256: hash.digest('hex'), sizeBytes: size });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const badDryRun = (value: string | undefined) => !['true', 'false', undefined].includes(value);

  app.post<{ Querystring: { orgCode?: string; kind?: string; dryRun?: string } }>('/imports', async (request, reply) => {
    const principal = await userOf(request, reply);
    if (!principal) return reply;
    const slug = request.query.kind ?? '';
    if (!IMPORT_SLUGS.includes(slug)) return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'kind', message: `kind 应为以下之一:${IMPORT_SLUGS.join('、')}` });
    if (!request.query.orgCode) return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'orgCode', message: '请给出 orgCode:导入到哪个组织(及其下级)' });
    if (badDryRun(request.query.dryRun)) return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'dryRun', message: 'dryRun 应为 true 或 false' });
    return withUpload(request, reply, async (file) => {
      const id = randomUUID();
      const outcome = await inSession(request, reply, principal, id, async (ctx) => runImport(ctx, {
        id, orgCode: request.query.orgCode!, kind: await importKindFor(ctx, slug, request.query.orgCode!), dryRun: request.query.dryRun !== 'false', file, limits: deps.limits,
      }));
      if (outcome === undefined) return reply;
      return reply.header('cache-control', 'no-store').send(outcome);
    });
  });

  app.get<{ Querystring: { parentCode?: string } }>('/onboarding/template.xlsx', async (request, reply) => {
    const principal = await userOf(request, reply);
    if (!principal) return reply;
    const content = await writeOnboardingTemplate(request.query.parentCode ?? '');
    return reply.header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="onboarding.xlsx"; filename*=UTF-8''${encodeURIComponent('新县组织架构导入模板.xlsx')}`)
      .header('cache-control', 'private, no-store')
      .send(content);
  });

  app.post<{ Querystring: { parentCode?: string; dryRun?: string } }>('/onboarding', async (request, reply) => {
    const principal = await userOf(request, reply);
    if (!principal) return reply;
    if (!request.query.parentCode) return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'parentCode', message: '请给出 parentCode:新县建在哪个市(或省)下面' });
    if (badDryRun(request.query.dryRun)) return reply.code(400).send({ code: 'BAD_USER_INPUT', field: 'dryRun', message: 'dryRun 应为 true 或 false' });
    return withUpload(request, reply, async (file) => {
      const outcome = await inSession(request, reply, principal, String(request.id), (ctx) => runOnboarding(ctx, deps.tokens, {
        parentCode: request.query.parentCode!, dryRun: request.query.dryRun !== 'false', file, limits: deps.limits,
      }));
      if (outcome === undefined) return reply;
      return reply.header('cache-control', 'no-store').send(outcome);
    });
  });
}

