import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { RequestContext } from '../../context';
import { findOrg } from '../org/org.service';

@ObjectType('ImportProblem', { description: '导入文件中的一处问题:第几行、哪一列、填的什么、错在哪里' })
class ImportProblemObject {
  @Field(() => Int, { nullable: true, description: '行号(与 Excel 显示的一致);涉及整个文件时为空' })
  row: number | null;

  @Field(() => String, { nullable: true, description: '列字母,如 C' })
  column: string | null;

  @Field(() => String, { nullable: true, description: '表头' })
  header: string | null;

  @Field(() => String, { nullable: true, description: '单元格里填的内容' })
  value: string | null;

  @Field({ description: '问题说明' })
  message: string;
}

@ObjectType('Import', { description: '一次 Excel/CSV 导入(或试导入)' })
class ImportObject {
  @Field(() => ID, { description: '导入编号;导入写入的每条记录在操作记录中以此为请求编号' })
  id: string;

  @Field({ description: '记录类别,如 volunteers' })
  kind: string;

  @Field({ description: '文件名' })
  fileName: string;

  @Field({ description: '文件的 SHA-256' })
  sha256: string;

  @Field(() => Int, { description: '文件大小(字节)' })
  sizeBytes: number;

  @Field({ description: '是否试导入(只检查,不写入)' })
  dryRun: boolean;

  @Field({ description: 'CHECKED 已检查(试导入)、IMPORTED 已导入、REJECTED 有问题未导入' })
  status: string;

  @Field(() => Int, { description: '数据行数' })
  rowCount: number;

  @Field(() => Int, { description: '新增(或将新增)的记录数' })
  created: number;

  @Field(() => Int, { description: '更新(或将更新)的记录数' })
  updated: number;

  @Field(() => Int, { description: '内容相同、不变的记录数' })
  unchanged: number;

  @Field(() => Int, { description: '问题数' })
  problemCount: number;

  @Field(() => [ImportProblemObject], { description: '问题(最多前 1000 处)' })
  problems: ImportProblemObject[];

  @Field({ description: '导入人' })
  userName: string;

  @Field(() => DateTimeScalar, { description: '导入时间' })
  createdAt: string;
}

@Resolver(() => ImportObject)
export class ImportResolver {
  @Query(() => [ImportObject], { description: '某组织的导入记录(谁、何时、文件名、SHA-256、条数),最新的在前;能查看该组织的用户可见' })
  async imports(
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('first', () => Int, { defaultValue: 20, description: '最多几条(1–100)' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    const org = await findOrg(ctx, { code: orgCode });
    return ctx.session.query(
      `SELECT j.id, j.kind, j.file_name AS "fileName", j.sha256, j.size_bytes AS "sizeBytes", j.dry_run AS "dryRun", j.status, j.row_count AS "rowCount",
              j.created, j.updated, j.unchanged, j.problem_count AS "problemCount",
              (SELECT coalesce(jsonb_agg(p || jsonb_build_object('value', p ->> 'value')), '[]') FROM jsonb_array_elements(j.problems) p) AS problems,
              u.display_name AS "userName", to_json(j.created_at) #>> '{}' AS "createdAt"
         FROM import_job j JOIN app_user_name u ON u.id = j.user_id
        WHERE j.tenant_id = $1 AND j.org_id = $2 ORDER BY j.created_at DESC, j.id LIMIT $3`,
      [org.tenantId, org.id, Math.min(Math.max(first, 1), 100)]);
  }
}
