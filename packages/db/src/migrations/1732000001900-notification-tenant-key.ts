import { MigrationInterface, QueryRunner } from 'typeorm';

/** ggw_send_report_reminders as 1732000001300 made it (frozen text, for down). */
const REMINDERS_BY_USER_KEY = `
      CREATE OR REPLACE FUNCTION ggw_send_report_reminders() RETURNS int
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH periods AS (SELECT DISTINCT tenant_id, period FROM report),
        expected AS (
          SELECT o.tenant_id, o.id AS org_id, o.name, o.path, p.period, ggw_report_due_at(o.tenant_id, o.level, p.period) AS due_at
            FROM periods p JOIN org o ON o.tenant_id = p.tenant_id
           WHERE o.founded_on < upper(ggw_period_range(p.period)) AND (o.dissolved_on IS NULL OR o.dissolved_on > lower(ggw_period_range(p.period)))),
        overdue AS (
          SELECT e.* FROM expected e
           WHERE e.due_at < now()
             AND NOT EXISTS (SELECT 1 FROM report r WHERE r.tenant_id = e.tenant_id AND r.org_id = e.org_id AND r.period = e.period
                                                      AND r.status IN ('SUBMITTED', 'APPROVED'))
             AND NOT EXISTS (SELECT 1 FROM period_close c JOIN org a ON a.tenant_id = c.tenant_id AND a.id = c.org_id
                              WHERE c.reopened_at IS NULL AND c.period = e.period AND a.path @> e.path)),
        sent AS (
          INSERT INTO notification (tenant_id, user_id, org_id, kind, period, day, title, body)
          SELECT DISTINCT ON (ra.user_id, d.org_id, d.period) d.tenant_id, ra.user_id, d.org_id, 'REPORT_OVERDUE', d.period,
                 (now() AT TIME ZONE 'Asia/Shanghai')::date,
                 format('催报:%s %s 报表已逾期', d.name, d.period),
                 format('%s 的 %s 报表应于 %s(北京时间)前上报,已逾期 %s 天,请尽快核对后上报。', d.name, d.period,
                        to_char((d.due_at - interval '1 day') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
                        floor(extract(epoch FROM now() - d.due_at) / 86400)::int + 1)
            FROM overdue d JOIN role_assignment ra ON ra.org_tenant_id = d.tenant_id AND ra.org_id = d.org_id AND ra.role IN ('ADMIN', 'EDITOR')
          ON CONFLICT (user_id, kind, org_id, period, day) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int FROM sent $$`;

/** The same, with the notification key that includes the tenant. */
const REMINDERS_BY_TENANT_KEY = REMINDERS_BY_USER_KEY.replace(
  'ON CONFLICT (user_id, kind, org_id, period, day)', 'ON CONFLICT (tenant_id, user_id, kind, org_id, period, day)');

/**
 * The notification key includes the tenant, as sharding by tenant needs (infra/SCALING.md): one
 * reminder a day per user, org and period, as before (an org belongs to one tenant). The
 * reminder function names the new key in its ON CONFLICT.
 */
export class NotificationTenantKey1732000001900 implements MigrationInterface {
  name = 'NotificationTenantKey1732000001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX notification_once_a_day_t ON notification (tenant_id, user_id, kind, org_id, period, day)`);
    await q.query(REMINDERS_BY_TENANT_KEY);
    await q.query(`DROP INDEX notification_once_a_day`);
    await q.query(`ALTER INDEX notification_once_a_day_t RENAME TO notification_once_a_day`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX notification_once_a_day_u ON notification (user_id, kind, org_id, period, day)`);
    await q.query(REMINDERS_BY_USER_KEY);
    await q.query(`DROP INDEX notification_once_a_day`);
    await q.query(`ALTER INDEX notification_once_a_day_u RENAME TO notification_once_a_day`);
  }
}
