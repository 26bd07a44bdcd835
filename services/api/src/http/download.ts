import { FastifyInstance, FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Principal, TokenService } from '@ggw/authz';
import { AppError, EXPORT_FORMATS, isUuid, ServiceUnavailableError, UnauthenticatedError } from '@ggw/domain';
import { findJobFile } from '@ggw/exports';
import { RequestSession } from '../common/session';
import { bearerToken } from './bearer';
import { RequestRateLimit } from './rate-limit';

const NOT_FOUND = { code: 'NOT_FOUND', message: '没有这个导出文件' };

/** `attachment` with the Chinese name for browsers that read `filename*`, and the export's id for the rest. */
function disposition(fileName: string, id: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.'));
  return `attachment; filename="${id}${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * GET /exports/:id/file: an export's file, over HTTP, with the same checks as every request.
 * Either the API's bearer token (Authorization header) or a download link's short-lived token
 * (`?token=`, from ExportJob.downloadUrl, valid for that one file) says who asks; the file is
 * then read under that user's scopes, so another subtree's export is NOT_FOUND, exactly like a
 * missing one. The SHA-256 of the file is its ETag.
 */
export function registerExportDownload(
  app: FastifyInstance,
  deps: { dataSource: DataSource; tokens: TokenService; timeBudgetMs: number; rateLimit: RequestRateLimit },
): void {
  app.get<{ Params: { id: string }; Querystring: { token?: string } }>('/exports/:id/file', async (request, reply: FastifyReply) => {
    const { id } = request.params;
    if (!isUuid(id)) return reply.code(404).send(NOT_FOUND);
    let principal: Principal;
    try {
      const header = bearerToken(request.headers.authorization);
      if (header === null) throw new UnauthenticatedError('Authorization 请求头应为 Bearer <令牌>');
      if (header !== undefined) principal = await deps.tokens.verify(header);
      else if (typeof request.query.token === 'string') principal = await deps.tokens.verifyDownload(request.query.token, id);
      else throw new UnauthenticatedError('请带上 Authorization: Bearer <令牌>,或使用导出任务的 downloadUrl');
    } catch (error) {
      const message = error instanceof UnauthenticatedError ? error.message : '令牌无效';
      return reply.code(401).send({ code: 'UNAUTHENTICATED', message });
    }
    const wait = deps.rateLimit.take(`u:${principal.userId}`);
    if (wait > 0) return reply.code(429).header('retry-after', String(wait)).send({ code: 'RATE_LIMITED', message: `请求过于频繁,请 ${wait} 秒后再试` });
    const session = new RequestSession(deps.dataSource, principal, { timeBudgetMs: deps.timeBudgetMs });
    let file: Awaited<ReturnType<typeof findJobFile>>;
    try {
      file = await session.serially((m) => findJobFile(m, id));
    } catch (error) {
      session.markFailed();
      if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return reply.code(401).send({ code: error.code, message: error.message });
      if (error instanceof AppError && error.code === 'TIMEOUT') return reply.code(503).header('retry-after', '5').send({ code: error.code, message: error.message });
      if (error instanceof ServiceUnavailableError) return reply.code(503).header('retry-after', String(error.retryAfterSeconds)).send({ code: error.code, message: error.message });
      throw error;
    } finally {
      await session.close();
    }
    if (!file) return reply.code(404).send(NOT_FOUND);
    if (file.status !== 'DONE' || !file.content) return reply.code(409).send({ code: 'CONFLICT', message: '导出尚未完成,请稍后再试' });
    const etag = `"${file.sha256}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-store');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply
      .header('content-type', EXPORT_FORMATS[file.format].contentType)
      .header('content-disposition', disposition(file.fileName!, id))
      .send(file.content);
  });
}
