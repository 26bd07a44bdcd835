import type { ExportJobRecord, ExportScheduleRecord } from '@ggw/exports';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ExportStatus, NotFoundError } from '@ggw/domain';
import { pageSize } from '../../common/pagination';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import { CreateExportScheduleInput, ExportListArgs, RequestExportArgs } from './exports.input';
import {
  createSchedule, deleteSchedule, findExport, listExports, listSchedules, requestExport, setSchedulePaused, userName,
} from './exports.service';
import { ExportJobConnection, ExportJobObject, ExportScheduleObject } from './exports.type';

/** The path of an export's file; the HTTP route serves it (download.ts). */
export const exportFilePath = (id: string) => `/exports/${id}/file`;

async function orgOf(ctx: RequestContext, orgId: string): Promise<OrgRecord> {
  const org = await ctx.loaders.orgById.load(orgId);
  if (!org) throw new NotFoundError('组织不存在');
  return org;
}

@Resolver(() => ExportJobObject)
export class ExportJobResolver {
  @Query(() => ExportJobConnection, { description: '一个组织的导出任务(状态、进度、错误、下载地址),最新的在前;能查看该组织的用户可见' })
  exports(@Args() args: ExportListArgs, @Ctx() ctx: RequestContext) {
    return listExports(ctx, args.orgCode, pageSize(args.first), args.after);
  }

  @Query(() => ExportJobObject, { description: '一次导出任务(轮询其状态与进度);能查看该组织的用户可见' })
  async export(@Arg('id', () => ID, { description: '导出任务 id' }) id: string, @Ctx() ctx: RequestContext): Promise<ExportJobRecord> {
    return findExport(ctx, id);
  }

  @Mutation(() => ExportJobObject, { description: '请求导出一个组织(含所有下级)某期间的汇总,在后台生成;仅该组织或其上级的管理员可用。重复请求返回原任务' })
  requestExport(@Args() args: RequestExportArgs, @Ctx() ctx: RequestContext): Promise<ExportJobRecord> {
    return requestExport(ctx, args);
  }

  @FieldResolver(() => OrgObject)
  org(@Root() job: ExportJobRecord, @Ctx() ctx: RequestContext): Promise<OrgRecord> {
    return orgOf(ctx, job.orgId);
  }

  @FieldResolver(() => String, { nullable: true })
  async downloadUrl(@Root() job: ExportJobRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    const viewer = await ctx.viewer();
    if (job.status !== ExportStatus.DONE || !viewer) return null;
    const { token } = await ctx.auth.tokens.issueDownload(ctx.session.principal!, job.id);
    return `${exportFilePath(job.id)}?token=${token}`;
  }
}

@Resolver(() => ExportScheduleObject)
export class ExportScheduleResolver {
  @Query(() => [ExportScheduleObject], { description: '一个组织的定时导出计划;仅该组织或其上级的管理员可用' })
  exportSchedules(@Arg('orgCode', { description: '组织代码' }) orgCode: string, @Ctx() ctx: RequestContext): Promise<ExportScheduleRecord[]> {
    return listSchedules(ctx, orgCode);
  }

  @Mutation(() => ExportScheduleObject, { description: '新建定时导出计划;以创建者的权限运行;仅管理员可用' })
  createExportSchedule(@Arg('input', { description: '计划内容' }) input: CreateExportScheduleInput, @Ctx() ctx: RequestContext): Promise<ExportScheduleRecord> {
    return createSchedule(ctx, input);
  }

  @Mutation(() => ExportScheduleObject, { description: '暂停或恢复定时导出计划;恢复时从当前时间起算下次运行;仅管理员可用' })
  pauseExportSchedule(
    @Arg('id', () => ID, { description: '计划 id' }) id: string,
    @Arg('paused', { description: 'true 暂停,false 恢复' }) paused: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportScheduleRecord> {
    return setSchedulePaused(ctx, id, paused);
  }

  @Mutation(() => Boolean, { description: '删除定时导出计划(已生成的导出保留);仅管理员可用' })
  deleteExportSchedule(@Arg('id', () => ID, { description: '计划 id' }) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteSchedule(ctx, id);
  }

  @FieldResolver(() => OrgObject)
  org(@Root() s: ExportScheduleRecord, @Ctx() ctx: RequestContext): Promise<OrgRecord> {
    return orgOf(ctx, s.orgId);
  }

  @FieldResolver(() => String)
  createdByName(@Root() s: ExportScheduleRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return userName(ctx, s.createdBy);
  }
}
