import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * While an org's report for a period is submitted or approved, the org's records of that period
 * are read-only, for every writer as the application role (the API, an import, a script): a row
 * trigger on every record table refuses a write whose record dates (old or new) fall in such a
 * period, with SQLSTATE GG001 and the report's state in the detail. The owner (migrations,
 * loaders) is not held. Frozen list: the record tables and the columns that date them.
 */
const DATED: Array<[table: string, columns: string[]]> = [
  ['assessment', ['year']], ['guarantee', ['year']], ['plan_target', ['year']], ['reported_figure', ['period']],
  ['volunteer', ['joined_on', 'left_on']], ['assistance_pair', ['started_on', 'ended_on']], ['activity', ['held_on']],
  ['donation', ['received_on']], ['disbursement', ['paid_on']], ['article', ['submitted_on']],
];

export class ReportLocks1732000001100 implements MigrationInterface {
  name = 'ReportLocks1732000001100';

  async up(q: QueryRunner): Promise<void> {
    // a period key (2020, 2020Q3, 2020-06) as the range of days it covers
    await q.query(`
      CREATE FUNCTION ggw_period_range(key text) RETURNS daterange LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT CASE
          WHEN key ~ '^[0-9]{4}$' THEN daterange(make_date(key::int, 1, 1), make_date(key::int + 1, 1, 1))
          WHEN key ~ '^[0-9]{4}Q[1-4]$' THEN daterange(make_date(left(key, 4)::int, right(key, 1)::int * 3 - 2, 1),
                                                      (make_date(left(key, 4)::int, right(key, 1)::int * 3 - 2, 1) + interval '3 months')::date)
          ELSE daterange((key || '-01')::date, ((key || '-01')::date + interval '1 month')::date)
        END $$`);
    await q.query(`
      CREATE FUNCTION ggw_check_report_lock() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        r record;
        row_json jsonb;
        col text;
        value text;
        day date;
        held record;
      BEGIN
        -- only the application role is held; the owner loads and repairs
        IF session_user <> 'ggw_app' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        FOR r IN SELECT * FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) v(j) WHERE j IS NOT NULL
        LOOP
          row_json := r.j;
          FOREACH col IN ARRAY TG_ARGV LOOP
            value := row_json ->> col;
            CONTINUE WHEN value IS NULL;
            day := CASE col WHEN 'year' THEN make_date(value::int, 1, 1) WHEN 'period' THEN lower(ggw_period_range(value)) ELSE value::date END;
            SELECT p.period, p.status INTO held FROM report p
             WHERE p.tenant_id = (row_json ->> 'tenant_id')::uuid AND p.org_id = (row_json ->> 'org_id')::uuid
               AND p.status IN ('SUBMITTED', 'APPROVED') AND ggw_period_range(p.period) @> day
             LIMIT 1;
            IF FOUND THEN
              RAISE EXCEPTION 'report of % is %: its records are read-only', held.period, held.status
                USING ERRCODE = 'GG001', DETAIL = json_build_object('period', held.period, 'status', held.status)::text;
            END IF;
          END LOOP;
        END LOOP;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const [table, columns] of DATED) {
      await q.query(`CREATE TRIGGER ggw_report_lock BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ggw_check_report_lock(${columns.map((c) => `'${c}'`).join(', ')})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of DATED) await q.query(`DROP TRIGGER ggw_report_lock ON ${table}`);
    await q.query(`DROP FUNCTION ggw_check_report_lock()`);
    await q.query(`DROP FUNCTION ggw_period_range(text)`);
  }
}
