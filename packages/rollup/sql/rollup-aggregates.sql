-- Generated from the metric catalogue (packages/rollup/src/metrics.ts, sources.ts) by
-- `pnpm sql:generate`; do not edit. Installed by migrate() when its SHA-256 differs from the
-- one recorded in rollup_catalogue, recomputing every aggregate in the same transaction.

CREATE FUNCTION ggw_rollup_refresh_org(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.type = 'XIANG') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'TOWN') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SUBDISTRICT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'DEPARTMENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SCHOOL') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'ENTERPRISE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'VILLAGE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'COMMUNITY') THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT tenant_id, id AS org_id, type, founded_on, dissolved_on FROM org) r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.founded_on)::date, 1), ('at', date_trunc('month', r.dissolved_on)::date, -1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.type = 'XIANG') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'TOWN') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SUBDISTRICT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'DEPARTMENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SCHOOL') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'ENTERPRISE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'VILLAGE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'COMMUNITY') THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[9])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'org'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'org', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'org' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2]), sum(u.v[3]), sum(u.v[4]), sum(u.v[5]), sum(u.v[6]), sum(u.v[7]), sum(u.v[8]), sum(u.v[9])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2], -v[3], -v[4], -v[5], -v[6], -v[7], -v[8], -v[9]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9])]::numeric[] <> array_fill(0::numeric, ARRAY[9])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'org', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7], rollup_subtree.v[8] + excluded.v[8], rollup_subtree.v[9] + excluded.v[9]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[9]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'org' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[9]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_org(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2], a.sign * r.v[3], a.sign * r.v[4], a.sign * r.v[5], a.sign * r.v[6], a.sign * r.v[7], a.sign * r.v[8], a.sign * r.v[9]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'org'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'org', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7], rollup_subtree.v[8] + excluded.v[8], rollup_subtree.v[9] + excluded.v[9]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[9]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'org' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[9]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_org_founded(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1)]::numeric[] AS v
      FROM (SELECT tenant_id, id AS org_id, type, founded_on FROM org) r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.founded_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1)]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'orgFounded'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'orgFounded', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'orgFounded' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1])]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'orgFounded', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[1]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'orgFounded' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_org_founded(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'orgFounded'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'orgFounded', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[1]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'orgFounded' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_assessment_year(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * CASE WHEN (r.five_good) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good_last_year) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good AND r.five_good_last_year) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT y.*, coalesce(lag(y.five_good) OVER w AND lag(y.year) OVER w = y.year - 1, false) AS five_good_last_year
              FROM (SELECT a.tenant_id, a.org_id, a.year,
                           bool_and(a.met) AND count(*) = (SELECT count(*) FROM assessment_criterion c WHERE c.tenant_id = a.tenant_id) AS five_good
                      FROM assessment a WHERE (a.tenant_id, a.org_id) IN (SELECT tenant_id, org_id FROM touched) GROUP BY a.tenant_id, a.org_id, a.year) y
            WINDOW w AS (PARTITION BY y.tenant_id, y.org_id ORDER BY y.year)) r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', make_date(r.year, 1, 1), 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * CASE WHEN (r.five_good) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good_last_year) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good AND r.five_good_last_year) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[3])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'assessmentYear'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'assessmentYear', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'assessmentYear' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2]), sum(u.v[3])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2], -v[3]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] <> array_fill(0::numeric, ARRAY[3])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'assessmentYear', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[3]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'assessmentYear' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[3]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_assessment_year(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2], a.sign * r.v[3]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'assessmentYear'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'assessmentYear', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[3]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'assessmentYear' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[3]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_guarantee(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(e.sign * r.budget_yuan)]::numeric[] AS v
      FROM guarantee r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', make_date(r.year, 1, 1), 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(e.sign * r.budget_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'guarantee'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'guarantee' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'guarantee' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_guarantee(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'guarantee'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'guarantee' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_volunteer(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM volunteer r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.joined_on)::date, 1), ('at', date_trunc('month', r.left_on)::date, -1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'volunteer'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'volunteer' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2]), sum(u.v[3]), sum(u.v[4]), sum(u.v[5]), sum(u.v[6]), sum(u.v[7])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2], -v[3], -v[4], -v[5], -v[6], -v[7]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[7]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'volunteer' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[7]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_volunteer(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2], a.sign * r.v[3], a.sign * r.v[4], a.sign * r.v[5], a.sign * r.v[6], a.sign * r.v[7]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'volunteer'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[7]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'volunteer' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[7]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_activity(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * r.sessions), sum(e.sign * r.participants), sum(e.sign * r.youth_reached), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] AS v
      FROM activity r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.held_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * r.sessions), sum(e.sign * r.participants), sum(e.sign * r.youth_reached), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'activity'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'activity' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2]), sum(u.v[3]), sum(u.v[4]), sum(u.v[5]), sum(u.v[6]), sum(u.v[7]), sum(u.v[8]), sum(u.v[9]), sum(u.v[10]), sum(u.v[11]), sum(u.v[12]), sum(u.v[13]), sum(u.v[14]), sum(u.v[15]), sum(u.v[16]), sum(u.v[17]), sum(u.v[18]), sum(u.v[19]), sum(u.v[20]), sum(u.v[21]), sum(u.v[22]), sum(u.v[23]), sum(u.v[24]), sum(u.v[25]), sum(u.v[26]), sum(u.v[27]), sum(u.v[28]), sum(u.v[29]), sum(u.v[30]), sum(u.v[31]), sum(u.v[32]), sum(u.v[33]), sum(u.v[34]), sum(u.v[35]), sum(u.v[36]), sum(u.v[37]), sum(u.v[38]), sum(u.v[39]), sum(u.v[40])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2], -v[3], -v[4], -v[5], -v[6], -v[7], -v[8], -v[9], -v[10], -v[11], -v[12], -v[13], -v[14], -v[15], -v[16], -v[17], -v[18], -v[19], -v[20], -v[21], -v[22], -v[23], -v[24], -v[25], -v[26], -v[27], -v[28], -v[29], -v[30], -v[31], -v[32], -v[33], -v[34], -v[35], -v[36], -v[37], -v[38], -v[39], -v[40]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7], rollup_subtree.v[8] + excluded.v[8], rollup_subtree.v[9] + excluded.v[9], rollup_subtree.v[10] + excluded.v[10], rollup_subtree.v[11] + excluded.v[11], rollup_subtree.v[12] + excluded.v[12], rollup_subtree.v[13] + excluded.v[13], rollup_subtree.v[14] + excluded.v[14], rollup_subtree.v[15] + excluded.v[15], rollup_subtree.v[16] + excluded.v[16], rollup_subtree.v[17] + excluded.v[17], rollup_subtree.v[18] + excluded.v[18], rollup_subtree.v[19] + excluded.v[19], rollup_subtree.v[20] + excluded.v[20], rollup_subtree.v[21] + excluded.v[21], rollup_subtree.v[22] + excluded.v[22], rollup_subtree.v[23] + excluded.v[23], rollup_subtree.v[24] + excluded.v[24], rollup_subtree.v[25] + excluded.v[25], rollup_subtree.v[26] + excluded.v[26], rollup_subtree.v[27] + excluded.v[27], rollup_subtree.v[28] + excluded.v[28], rollup_subtree.v[29] + excluded.v[29], rollup_subtree.v[30] + excluded.v[30], rollup_subtree.v[31] + excluded.v[31], rollup_subtree.v[32] + excluded.v[32], rollup_subtree.v[33] + excluded.v[33], rollup_subtree.v[34] + excluded.v[34], rollup_subtree.v[35] + excluded.v[35], rollup_subtree.v[36] + excluded.v[36], rollup_subtree.v[37] + excluded.v[37], rollup_subtree.v[38] + excluded.v[38], rollup_subtree.v[39] + excluded.v[39], rollup_subtree.v[40] + excluded.v[40]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[40]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'activity' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[40]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_activity(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2], a.sign * r.v[3], a.sign * r.v[4], a.sign * r.v[5], a.sign * r.v[6], a.sign * r.v[7], a.sign * r.v[8], a.sign * r.v[9], a.sign * r.v[10], a.sign * r.v[11], a.sign * r.v[12], a.sign * r.v[13], a.sign * r.v[14], a.sign * r.v[15], a.sign * r.v[16], a.sign * r.v[17], a.sign * r.v[18], a.sign * r.v[19], a.sign * r.v[20], a.sign * r.v[21], a.sign * r.v[22], a.sign * r.v[23], a.sign * r.v[24], a.sign * r.v[25], a.sign * r.v[26], a.sign * r.v[27], a.sign * r.v[28], a.sign * r.v[29], a.sign * r.v[30], a.sign * r.v[31], a.sign * r.v[32], a.sign * r.v[33], a.sign * r.v[34], a.sign * r.v[35], a.sign * r.v[36], a.sign * r.v[37], a.sign * r.v[38], a.sign * r.v[39], a.sign * r.v[40]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'activity'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7], rollup_subtree.v[8] + excluded.v[8], rollup_subtree.v[9] + excluded.v[9], rollup_subtree.v[10] + excluded.v[10], rollup_subtree.v[11] + excluded.v[11], rollup_subtree.v[12] + excluded.v[12], rollup_subtree.v[13] + excluded.v[13], rollup_subtree.v[14] + excluded.v[14], rollup_subtree.v[15] + excluded.v[15], rollup_subtree.v[16] + excluded.v[16], rollup_subtree.v[17] + excluded.v[17], rollup_subtree.v[18] + excluded.v[18], rollup_subtree.v[19] + excluded.v[19], rollup_subtree.v[20] + excluded.v[20], rollup_subtree.v[21] + excluded.v[21], rollup_subtree.v[22] + excluded.v[22], rollup_subtree.v[23] + excluded.v[23], rollup_subtree.v[24] + excluded.v[24], rollup_subtree.v[25] + excluded.v[25], rollup_subtree.v[26] + excluded.v[26], rollup_subtree.v[27] + excluded.v[27], rollup_subtree.v[28] + excluded.v[28], rollup_subtree.v[29] + excluded.v[29], rollup_subtree.v[30] + excluded.v[30], rollup_subtree.v[31] + excluded.v[31], rollup_subtree.v[32] + excluded.v[32], rollup_subtree.v[33] + excluded.v[33], rollup_subtree.v[34] + excluded.v[34], rollup_subtree.v[35] + excluded.v[35], rollup_subtree.v[36] + excluded.v[36], rollup_subtree.v[37] + excluded.v[37], rollup_subtree.v[38] + excluded.v[38], rollup_subtree.v[39] + excluded.v[39], rollup_subtree.v[40] + excluded.v[40]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[40]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'activity' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[40]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_pair(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'LEFT_BEHIND_CHILD') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'CHILD_IN_DIFFICULTY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'POOR_STUDENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'YOUNG_FARMER') THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT p.tenant_id, p.org_id, p.started_on, p.ended_on,
                   (SELECT b.category FROM beneficiary b WHERE b.tenant_id = p.tenant_id AND b.id = p.beneficiary_id) AS category
              FROM assistance_pair p WHERE (p.tenant_id, p.org_id) IN (SELECT tenant_id, org_id FROM touched)) r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('start', date_trunc('month', r.started_on)::date, 1), ('end', date_trunc('month', r.ended_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'LEFT_BEHIND_CHILD') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'CHILD_IN_DIFFICULTY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'POOR_STUDENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'YOUNG_FARMER') THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[5])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'pair'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'pair', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'pair' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2]), sum(u.v[3]), sum(u.v[4]), sum(u.v[5])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2], -v[3], -v[4], -v[5]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5])]::numeric[] <> array_fill(0::numeric, ARRAY[5])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'pair', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[5]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'pair' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[5]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_pair(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2], a.sign * r.v[3], a.sign * r.v[4], a.sign * r.v[5]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'pair'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'pair', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[5]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'pair' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[5]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_donation(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * r.amount_yuan), sum(e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] AS v
      FROM donation r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.received_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * r.amount_yuan), sum(e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'donation'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'donation' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2]), sum(u.v[3]), sum(u.v[4]), sum(u.v[5]), sum(u.v[6])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2], -v[3], -v[4], -v[5], -v[6]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[6]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'donation' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[6]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_donation(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2], a.sign * r.v[3], a.sign * r.v[4], a.sign * r.v[5], a.sign * r.v[6]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'donation'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[6]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'donation' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[6]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_disbursement(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * r.amount_yuan)]::numeric[] AS v
      FROM disbursement r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.paid_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * r.amount_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'disbursement'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'disbursement' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1])]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[1]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'disbursement' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_disbursement(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'disbursement'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[1]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'disbursement' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_article(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM article r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.submitted_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'article'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'article', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'article' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'article', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'article' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_article(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'article'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'article', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'article' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_refresh_report(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED')) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND r.on_time) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND NOT r.on_time) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT r.tenant_id, r.org_id, r.period, r.status, r.frozen,
                   r.first_submitted_at IS NOT NULL
                     AND coalesce(r.first_submitted_at <= ggw_report_due_at(r.tenant_id, o.level, r.period), true) AS on_time
              FROM report r JOIN org o ON o.tenant_id = r.tenant_id AND o.id = r.org_id WHERE (r.tenant_id, r.org_id) IN (SELECT tenant_id, org_id FROM touched)) r JOIN touched t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id
      CROSS JOIN LATERAL (VALUES (CASE WHEN r.period LIKE '%Q%' THEN 'quarter' WHEN length(r.period) = 4 THEN 'year' ELSE 'month' END, CASE WHEN r.period LIKE '%Q%' THEN make_date(left(r.period, 4)::int, (right(r.period, 1)::int - 1) * 3 + 1, 1)
                          WHEN length(r.period) = 4 THEN make_date(r.period::int, 1, 1) ELSE (r.period || '-01')::date END, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED')) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND r.on_time) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND NOT r.on_time) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[3])),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = 'report'),
  put AS (
    INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'report', channel, bucket, v FROM fresh
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = 'report' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ARRAY[sum(u.v[1]), sum(u.v[2]), sum(u.v[3])]::numeric[] AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ARRAY[-v[1], -v[2], -v[3]]::numeric[] FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] AS v
      FROM delta d JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] <> array_fill(0::numeric, ARRAY[3])),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'report', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[3]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'report' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[3]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_shift_report(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ARRAY[a.sign * r.v[1], a.sign * r.v[2], a.sign * r.v[3]]::numeric[] AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = 'report'),
  added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'report', channel, bucket, v FROM moved ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
  SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[3]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'report' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[3]);
  END IF;
END $fn$;

CREATE FUNCTION ggw_rollup_rebuild_subtrees() RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  DELETE FROM rollup_subtree;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'org', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'org') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9])]::numeric[] <> array_fill(0::numeric, ARRAY[9])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'orgFounded', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'orgFounded') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1])]::numeric[] <> array_fill(0::numeric, ARRAY[1])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'assessmentYear', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'assessmentYear') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] <> array_fill(0::numeric, ARRAY[3])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'guarantee') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'volunteer') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] <> array_fill(0::numeric, ARRAY[7])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'activity') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] <> array_fill(0::numeric, ARRAY[40])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'pair', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'pair') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5])]::numeric[] <> array_fill(0::numeric, ARRAY[5])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'donation') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] <> array_fill(0::numeric, ARRAY[6])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'disbursement') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1])]::numeric[] <> array_fill(0::numeric, ARRAY[1])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'article', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'article') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])) x;
  INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
  SELECT tenant_id, org_id, 'report', channel, bucket, v FROM (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] AS v
      FROM (SELECT * FROM rollup_own WHERE source = 'report') d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3])]::numeric[] <> array_fill(0::numeric, ARRAY[3])) x;
END $fn$;

CREATE FUNCTION ggw_rollup_rebuild() RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  DELETE FROM rollup_own;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'org', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.type = 'XIANG') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'TOWN') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SUBDISTRICT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'DEPARTMENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SCHOOL') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'ENTERPRISE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'VILLAGE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'COMMUNITY') THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT tenant_id, id AS org_id, type, founded_on, dissolved_on FROM org) r 
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.founded_on)::date, 1), ('at', date_trunc('month', r.dissolved_on)::date, -1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.type = 'XIANG') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'TOWN') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SUBDISTRICT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'DEPARTMENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'SCHOOL') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'ENTERPRISE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'VILLAGE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.type = 'COMMUNITY') THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[9])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'orgFounded', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1)]::numeric[] AS v
      FROM (SELECT tenant_id, id AS org_id, type, founded_on FROM org) r 
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.founded_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1)]::numeric[] <> array_fill(0::numeric, ARRAY[1])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'assessmentYear', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * CASE WHEN (r.five_good) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good_last_year) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good AND r.five_good_last_year) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT y.*, coalesce(lag(y.five_good) OVER w AND lag(y.year) OVER w = y.year - 1, false) AS five_good_last_year
              FROM (SELECT a.tenant_id, a.org_id, a.year,
                           bool_and(a.met) AND count(*) = (SELECT count(*) FROM assessment_criterion c WHERE c.tenant_id = a.tenant_id) AS five_good
                      FROM assessment a WHERE true GROUP BY a.tenant_id, a.org_id, a.year) y
            WINDOW w AS (PARTITION BY y.tenant_id, y.org_id ORDER BY y.year)) r 
      CROSS JOIN LATERAL (VALUES ('at', make_date(r.year, 1, 1), 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * CASE WHEN (r.five_good) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good_last_year) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.five_good AND r.five_good_last_year) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[3])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(e.sign * r.budget_yuan)]::numeric[] AS v
      FROM guarantee r 
      CROSS JOIN LATERAL (VALUES ('at', make_date(r.year, 1, 1), 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(e.sign * r.budget_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[2])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM volunteer r 
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.joined_on)::date, 1), ('at', date_trunc('month', r.left_on)::date, -1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[7])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * r.sessions), sum(e.sign * r.participants), sum(e.sign * r.youth_reached), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] AS v
      FROM activity r 
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.held_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * r.sessions), sum(e.sign * r.participants), sum(e.sign * r.youth_reached), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[40])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'pair', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'LEFT_BEHIND_CHILD') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'CHILD_IN_DIFFICULTY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'POOR_STUDENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'YOUNG_FARMER') THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT p.tenant_id, p.org_id, p.started_on, p.ended_on,
                   (SELECT b.category FROM beneficiary b WHERE b.tenant_id = p.tenant_id AND b.id = p.beneficiary_id) AS category
              FROM assistance_pair p WHERE true) r 
      CROSS JOIN LATERAL (VALUES ('start', date_trunc('month', r.started_on)::date, 1), ('end', date_trunc('month', r.ended_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.category = 'LEFT_BEHIND_CHILD') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'CHILD_IN_DIFFICULTY') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'POOR_STUDENT') THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.category = 'YOUNG_FARMER') THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[5])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * r.amount_yuan), sum(e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] AS v
      FROM donation r 
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.received_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * r.amount_yuan), sum(e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[6])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * r.amount_yuan)]::numeric[] AS v
      FROM disbursement r 
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.paid_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * r.amount_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[1])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'article', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM article r 
      CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.submitted_on)::date, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * 1), sum(e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[2])) x;
  INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v) SELECT tenant_id, org_id, 'report', channel, bucket, v FROM (SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED')) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND r.on_time) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND NOT r.on_time) THEN 1 ELSE 0 END)]::numeric[] AS v
      FROM (SELECT r.tenant_id, r.org_id, r.period, r.status, r.frozen,
                   r.first_submitted_at IS NOT NULL
                     AND coalesce(r.first_submitted_at <= ggw_report_due_at(r.tenant_id, o.level, r.period), true) AS on_time
              FROM report r JOIN org o ON o.tenant_id = r.tenant_id AND o.id = r.org_id WHERE true) r 
      CROSS JOIN LATERAL (VALUES (CASE WHEN r.period LIKE '%Q%' THEN 'quarter' WHEN length(r.period) = 4 THEN 'year' ELSE 'month' END, CASE WHEN r.period LIKE '%Q%' THEN make_date(left(r.period, 4)::int, (right(r.period, 1)::int - 1) * 3 + 1, 1)
                          WHEN length(r.period) = 4 THEN make_date(r.period::int, 1, 1) ELSE (r.period || '-01')::date END, 1)) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ARRAY[sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED')) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND r.on_time) THEN 1 ELSE 0 END), sum(e.sign * CASE WHEN (r.status IN ('SUBMITTED', 'APPROVED') AND NOT r.on_time) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[3])) x;
  PERFORM ggw_rollup_rebuild_subtrees();
END $fn$;

CREATE FUNCTION ggw_rollup_on_org() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT count(*) INTO moved FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
     WHERE n.parent_id IS DISTINCT FROM o.parent_id;
    IF moved = 1 THEN
      SELECT n.tenant_id, n.id, o.path AS old_path, n.path AS new_path INTO root
        FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id WHERE n.parent_id IS DISTINCT FROM o.parent_id;
      PERFORM ggw_rollup_shift_org(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_org_founded(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_assessment_year(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_guarantee(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_volunteer(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_activity(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_pair(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_donation(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_disbursement(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_article(root.tenant_id, root.id, root.old_path, root.new_path);
      PERFORM ggw_rollup_shift_report(root.tenant_id, root.id, root.old_path, root.new_path);
    ELSIF moved > 1 THEN
      -- several subtrees moved by one statement: recompute every subtree sum from the own sums
      PERFORM ggw_rollup_rebuild_subtrees();
    END IF;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM ggw_rollup_refresh_org(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.id AS org_id, c.path::text AS path FROM new_rows c) x;
    PERFORM ggw_rollup_refresh_org_founded(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.id AS org_id, c.path::text AS path FROM new_rows c) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ggw_rollup_refresh_org(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.id AS org_id, c.path::text AS path FROM old_rows c) x;
    PERFORM ggw_rollup_refresh_org_founded(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.id AS org_id, c.path::text AS path FROM old_rows c) x;
  ELSE
    PERFORM ggw_rollup_refresh_org(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.id AS org_id, c.path::text AS path FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c) x;
    PERFORM ggw_rollup_refresh_org_founded(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.id AS org_id, c.path::text AS path FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c) x;
  END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM rollup_own WHERE (tenant_id, org_id) IN (SELECT tenant_id, id FROM old_rows);
    DELETE FROM rollup_subtree WHERE (tenant_id, org_id) IN (SELECT tenant_id, id FROM old_rows);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON org REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_org();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON org REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_org();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON org REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_org();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON org FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_org();

CREATE FUNCTION ggw_rollup_on_assessment() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM ggw_rollup_refresh_assessment_year(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM new_rows c) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ggw_rollup_refresh_assessment_year(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM old_rows c) x;
  ELSE
    PERFORM ggw_rollup_refresh_assessment_year(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c) x;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON assessment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON assessment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON assessment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON assessment FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment();

CREATE FUNCTION ggw_rollup_on_assessment_criterion() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM ggw_rollup_refresh_assessment_year(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT DISTINCT a.tenant_id, a.org_id, NULL::text AS path FROM assessment a WHERE a.tenant_id IN (SELECT c.tenant_id FROM new_rows c)) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ggw_rollup_refresh_assessment_year(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT DISTINCT a.tenant_id, a.org_id, NULL::text AS path FROM assessment a WHERE a.tenant_id IN (SELECT c.tenant_id FROM old_rows c)) x;
  ELSE
    PERFORM ggw_rollup_refresh_assessment_year(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT DISTINCT a.tenant_id, a.org_id, NULL::text AS path FROM assessment a WHERE a.tenant_id IN (SELECT c.tenant_id FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c)) x;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON assessment_criterion REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment_criterion();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON assessment_criterion REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment_criterion();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON assessment_criterion REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment_criterion();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON assessment_criterion FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assessment_criterion();

CREATE FUNCTION ggw_rollup_on_guarantee() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * r.budget_yuan)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows) r CROSS JOIN LATERAL (VALUES ('at', make_date(r.year, 1, 1), 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * r.budget_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'guarantee' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'guarantee' AND w.v = array_fill(0::numeric, ARRAY[2]);
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * r.budget_yuan)]::numeric[] AS v
        FROM (SELECT *, -1 AS ggw_sign FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', make_date(r.year, 1, 1), 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * r.budget_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'guarantee' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, -1 AS ggw_sign FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'guarantee' AND w.v = array_fill(0::numeric, ARRAY[2]);
  ELSE
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * r.budget_yuan)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', make_date(r.year, 1, 1), 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * CASE WHEN (r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding) THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * r.budget_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'guarantee', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'guarantee' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'guarantee' AND w.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON guarantee REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_guarantee();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON guarantee REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_guarantee();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON guarantee REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_guarantee();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON guarantee FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_guarantee();

CREATE FUNCTION ggw_rollup_on_volunteer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.joined_on)::date, 1), ('at', date_trunc('month', r.left_on)::date, -1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6], rollup_own.v[7] + excluded.v[7]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[7]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'volunteer' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[7]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'volunteer' AND w.v = array_fill(0::numeric, ARRAY[7]);
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, -1 AS ggw_sign FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.joined_on)::date, 1), ('at', date_trunc('month', r.left_on)::date, -1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6], rollup_own.v[7] + excluded.v[7]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[7]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'volunteer' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[7]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, -1 AS ggw_sign FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'volunteer' AND w.v = array_fill(0::numeric, ARRAY[7]);
  ELSE
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.joined_on)::date, 1), ('at', date_trunc('month', r.left_on)::date, -1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'CADRE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'PARTY_MEMBER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'SOLDIER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'TEACHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.category = 'MODEL_WORKER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.is_core) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6], rollup_own.v[7] + excluded.v[7]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7])]::numeric[] <> array_fill(0::numeric, ARRAY[7])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'volunteer', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[7]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'volunteer' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[7]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'volunteer' AND w.v = array_fill(0::numeric, ARRAY[7]);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON volunteer REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_volunteer();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON volunteer REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_volunteer();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON volunteer REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_volunteer();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON volunteer FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_volunteer();

CREATE FUNCTION ggw_rollup_on_activity() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * r.sessions), sum(r.ggw_sign * e.sign * r.participants), sum(r.ggw_sign * e.sign * r.youth_reached), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.held_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * r.sessions), sum(r.ggw_sign * e.sign * r.participants), sum(r.ggw_sign * e.sign * r.youth_reached), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6], rollup_own.v[7] + excluded.v[7], rollup_own.v[8] + excluded.v[8], rollup_own.v[9] + excluded.v[9], rollup_own.v[10] + excluded.v[10], rollup_own.v[11] + excluded.v[11], rollup_own.v[12] + excluded.v[12], rollup_own.v[13] + excluded.v[13], rollup_own.v[14] + excluded.v[14], rollup_own.v[15] + excluded.v[15], rollup_own.v[16] + excluded.v[16], rollup_own.v[17] + excluded.v[17], rollup_own.v[18] + excluded.v[18], rollup_own.v[19] + excluded.v[19], rollup_own.v[20] + excluded.v[20], rollup_own.v[21] + excluded.v[21], rollup_own.v[22] + excluded.v[22], rollup_own.v[23] + excluded.v[23], rollup_own.v[24] + excluded.v[24], rollup_own.v[25] + excluded.v[25], rollup_own.v[26] + excluded.v[26], rollup_own.v[27] + excluded.v[27], rollup_own.v[28] + excluded.v[28], rollup_own.v[29] + excluded.v[29], rollup_own.v[30] + excluded.v[30], rollup_own.v[31] + excluded.v[31], rollup_own.v[32] + excluded.v[32], rollup_own.v[33] + excluded.v[33], rollup_own.v[34] + excluded.v[34], rollup_own.v[35] + excluded.v[35], rollup_own.v[36] + excluded.v[36], rollup_own.v[37] + excluded.v[37], rollup_own.v[38] + excluded.v[38], rollup_own.v[39] + excluded.v[39], rollup_own.v[40] + excluded.v[40]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7], rollup_subtree.v[8] + excluded.v[8], rollup_subtree.v[9] + excluded.v[9], rollup_subtree.v[10] + excluded.v[10], rollup_subtree.v[11] + excluded.v[11], rollup_subtree.v[12] + excluded.v[12], rollup_subtree.v[13] + excluded.v[13], rollup_subtree.v[14] + excluded.v[14], rollup_subtree.v[15] + excluded.v[15], rollup_subtree.v[16] + excluded.v[16], rollup_subtree.v[17] + excluded.v[17], rollup_subtree.v[18] + excluded.v[18], rollup_subtree.v[19] + excluded.v[19], rollup_subtree.v[20] + excluded.v[20], rollup_subtree.v[21] + excluded.v[21], rollup_subtree.v[22] + excluded.v[22], rollup_subtree.v[23] + excluded.v[23], rollup_subtree.v[24] + excluded.v[24], rollup_subtree.v[25] + excluded.v[25], rollup_subtree.v[26] + excluded.v[26], rollup_subtree.v[27] + excluded.v[27], rollup_subtree.v[28] + excluded.v[28], rollup_subtree.v[29] + excluded.v[29], rollup_subtree.v[30] + excluded.v[30], rollup_subtree.v[31] + excluded.v[31], rollup_subtree.v[32] + excluded.v[32], rollup_subtree.v[33] + excluded.v[33], rollup_subtree.v[34] + excluded.v[34], rollup_subtree.v[35] + excluded.v[35], rollup_subtree.v[36] + excluded.v[36], rollup_subtree.v[37] + excluded.v[37], rollup_subtree.v[38] + excluded.v[38], rollup_subtree.v[39] + excluded.v[39], rollup_subtree.v[40] + excluded.v[40]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[40]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'activity' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[40]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'activity' AND w.v = array_fill(0::numeric, ARRAY[40]);
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * r.sessions), sum(r.ggw_sign * e.sign * r.participants), sum(r.ggw_sign * e.sign * r.youth_reached), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, -1 AS ggw_sign FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.held_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * r.sessions), sum(r.ggw_sign * e.sign * r.participants), sum(r.ggw_sign * e.sign * r.youth_reached), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6], rollup_own.v[7] + excluded.v[7], rollup_own.v[8] + excluded.v[8], rollup_own.v[9] + excluded.v[9], rollup_own.v[10] + excluded.v[10], rollup_own.v[11] + excluded.v[11], rollup_own.v[12] + excluded.v[12], rollup_own.v[13] + excluded.v[13], rollup_own.v[14] + excluded.v[14], rollup_own.v[15] + excluded.v[15], rollup_own.v[16] + excluded.v[16], rollup_own.v[17] + excluded.v[17], rollup_own.v[18] + excluded.v[18], rollup_own.v[19] + excluded.v[19], rollup_own.v[20] + excluded.v[20], rollup_own.v[21] + excluded.v[21], rollup_own.v[22] + excluded.v[22], rollup_own.v[23] + excluded.v[23], rollup_own.v[24] + excluded.v[24], rollup_own.v[25] + excluded.v[25], rollup_own.v[26] + excluded.v[26], rollup_own.v[27] + excluded.v[27], rollup_own.v[28] + excluded.v[28], rollup_own.v[29] + excluded.v[29], rollup_own.v[30] + excluded.v[30], rollup_own.v[31] + excluded.v[31], rollup_own.v[32] + excluded.v[32], rollup_own.v[33] + excluded.v[33], rollup_own.v[34] + excluded.v[34], rollup_own.v[35] + excluded.v[35], rollup_own.v[36] + excluded.v[36], rollup_own.v[37] + excluded.v[37], rollup_own.v[38] + excluded.v[38], rollup_own.v[39] + excluded.v[39], rollup_own.v[40] + excluded.v[40]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7], rollup_subtree.v[8] + excluded.v[8], rollup_subtree.v[9] + excluded.v[9], rollup_subtree.v[10] + excluded.v[10], rollup_subtree.v[11] + excluded.v[11], rollup_subtree.v[12] + excluded.v[12], rollup_subtree.v[13] + excluded.v[13], rollup_subtree.v[14] + excluded.v[14], rollup_subtree.v[15] + excluded.v[15], rollup_subtree.v[16] + excluded.v[16], rollup_subtree.v[17] + excluded.v[17], rollup_subtree.v[18] + excluded.v[18], rollup_subtree.v[19] + excluded.v[19], rollup_subtree.v[20] + excluded.v[20], rollup_subtree.v[21] + excluded.v[21], rollup_subtree.v[22] + excluded.v[22], rollup_subtree.v[23] + excluded.v[23], rollup_subtree.v[24] + excluded.v[24], rollup_subtree.v[25] + excluded.v[25], rollup_subtree.v[26] + excluded.v[26], rollup_subtree.v[27] + excluded.v[27], rollup_subtree.v[28] + excluded.v[28], rollup_subtree.v[29] + excluded.v[29], rollup_subtree.v[30] + excluded.v[30], rollup_subtree.v[31] + excluded.v[31], rollup_subtree.v[32] + excluded.v[32], rollup_subtree.v[33] + excluded.v[33], rollup_subtree.v[34] + excluded.v[34], rollup_subtree.v[35] + excluded.v[35], rollup_subtree.v[36] + excluded.v[36], rollup_subtree.v[37] + excluded.v[37], rollup_subtree.v[38] + excluded.v[38], rollup_subtree.v[39] + excluded.v[39], rollup_subtree.v[40] + excluded.v[40]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[40]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'activity' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[40]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, -1 AS ggw_sign FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'activity' AND w.v = array_fill(0::numeric, ARRAY[40]);
  ELSE
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * r.sessions), sum(r.ggw_sign * e.sign * r.participants), sum(r.ggw_sign * e.sign * r.youth_reached), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.held_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * r.sessions), sum(r.ggw_sign * e.sign * r.participants), sum(r.ggw_sign * e.sign * r.youth_reached), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'THEORY_STUDY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LECTURE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'PATRIOTISM') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'FAMILY_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'LEGAL_EDUCATION') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'SKILLS_TRAINING') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CARE_ASSISTANCE') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'CIVILITY') THEN r.youth_reached ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN 1 ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.sessions ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.participants ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.theme = 'OTHER') THEN r.youth_reached ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6], rollup_own.v[7] + excluded.v[7], rollup_own.v[8] + excluded.v[8], rollup_own.v[9] + excluded.v[9], rollup_own.v[10] + excluded.v[10], rollup_own.v[11] + excluded.v[11], rollup_own.v[12] + excluded.v[12], rollup_own.v[13] + excluded.v[13], rollup_own.v[14] + excluded.v[14], rollup_own.v[15] + excluded.v[15], rollup_own.v[16] + excluded.v[16], rollup_own.v[17] + excluded.v[17], rollup_own.v[18] + excluded.v[18], rollup_own.v[19] + excluded.v[19], rollup_own.v[20] + excluded.v[20], rollup_own.v[21] + excluded.v[21], rollup_own.v[22] + excluded.v[22], rollup_own.v[23] + excluded.v[23], rollup_own.v[24] + excluded.v[24], rollup_own.v[25] + excluded.v[25], rollup_own.v[26] + excluded.v[26], rollup_own.v[27] + excluded.v[27], rollup_own.v[28] + excluded.v[28], rollup_own.v[29] + excluded.v[29], rollup_own.v[30] + excluded.v[30], rollup_own.v[31] + excluded.v[31], rollup_own.v[32] + excluded.v[32], rollup_own.v[33] + excluded.v[33], rollup_own.v[34] + excluded.v[34], rollup_own.v[35] + excluded.v[35], rollup_own.v[36] + excluded.v[36], rollup_own.v[37] + excluded.v[37], rollup_own.v[38] + excluded.v[38], rollup_own.v[39] + excluded.v[39], rollup_own.v[40] + excluded.v[40]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6]), sum(d.v[7]), sum(d.v[8]), sum(d.v[9]), sum(d.v[10]), sum(d.v[11]), sum(d.v[12]), sum(d.v[13]), sum(d.v[14]), sum(d.v[15]), sum(d.v[16]), sum(d.v[17]), sum(d.v[18]), sum(d.v[19]), sum(d.v[20]), sum(d.v[21]), sum(d.v[22]), sum(d.v[23]), sum(d.v[24]), sum(d.v[25]), sum(d.v[26]), sum(d.v[27]), sum(d.v[28]), sum(d.v[29]), sum(d.v[30]), sum(d.v[31]), sum(d.v[32]), sum(d.v[33]), sum(d.v[34]), sum(d.v[35]), sum(d.v[36]), sum(d.v[37]), sum(d.v[38]), sum(d.v[39]), sum(d.v[40])]::numeric[] <> array_fill(0::numeric, ARRAY[40])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'activity', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6], rollup_subtree.v[7] + excluded.v[7], rollup_subtree.v[8] + excluded.v[8], rollup_subtree.v[9] + excluded.v[9], rollup_subtree.v[10] + excluded.v[10], rollup_subtree.v[11] + excluded.v[11], rollup_subtree.v[12] + excluded.v[12], rollup_subtree.v[13] + excluded.v[13], rollup_subtree.v[14] + excluded.v[14], rollup_subtree.v[15] + excluded.v[15], rollup_subtree.v[16] + excluded.v[16], rollup_subtree.v[17] + excluded.v[17], rollup_subtree.v[18] + excluded.v[18], rollup_subtree.v[19] + excluded.v[19], rollup_subtree.v[20] + excluded.v[20], rollup_subtree.v[21] + excluded.v[21], rollup_subtree.v[22] + excluded.v[22], rollup_subtree.v[23] + excluded.v[23], rollup_subtree.v[24] + excluded.v[24], rollup_subtree.v[25] + excluded.v[25], rollup_subtree.v[26] + excluded.v[26], rollup_subtree.v[27] + excluded.v[27], rollup_subtree.v[28] + excluded.v[28], rollup_subtree.v[29] + excluded.v[29], rollup_subtree.v[30] + excluded.v[30], rollup_subtree.v[31] + excluded.v[31], rollup_subtree.v[32] + excluded.v[32], rollup_subtree.v[33] + excluded.v[33], rollup_subtree.v[34] + excluded.v[34], rollup_subtree.v[35] + excluded.v[35], rollup_subtree.v[36] + excluded.v[36], rollup_subtree.v[37] + excluded.v[37], rollup_subtree.v[38] + excluded.v[38], rollup_subtree.v[39] + excluded.v[39], rollup_subtree.v[40] + excluded.v[40]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[40]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'activity' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[40]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'activity' AND w.v = array_fill(0::numeric, ARRAY[40]);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON activity REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_activity();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON activity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_activity();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON activity REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_activity();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON activity FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_activity();

CREATE FUNCTION ggw_rollup_on_assistance_pair() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM ggw_rollup_refresh_pair(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM new_rows c) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ggw_rollup_refresh_pair(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM old_rows c) x;
  ELSE
    PERFORM ggw_rollup_refresh_pair(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c) x;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON assistance_pair REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assistance_pair();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON assistance_pair REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assistance_pair();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON assistance_pair REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assistance_pair();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON assistance_pair FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_assistance_pair();

CREATE FUNCTION ggw_rollup_on_beneficiary() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM ggw_rollup_refresh_pair(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT p.tenant_id, p.org_id, NULL::text AS path FROM assistance_pair p JOIN new_rows c ON c.tenant_id = p.tenant_id AND c.id = p.beneficiary_id) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ggw_rollup_refresh_pair(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT p.tenant_id, p.org_id, NULL::text AS path FROM assistance_pair p JOIN old_rows c ON c.tenant_id = p.tenant_id AND c.id = p.beneficiary_id) x;
  ELSE
    PERFORM ggw_rollup_refresh_pair(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT p.tenant_id, p.org_id, NULL::text AS path FROM assistance_pair p JOIN (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c ON c.tenant_id = p.tenant_id AND c.id = p.beneficiary_id) x;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON beneficiary REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_beneficiary();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON beneficiary REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_beneficiary();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON beneficiary REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_beneficiary();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON beneficiary FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_beneficiary();

CREATE FUNCTION ggw_rollup_on_donation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.received_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[6]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'donation' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[6]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'donation' AND w.v = array_fill(0::numeric, ARRAY[6]);
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, -1 AS ggw_sign FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.received_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[6]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'donation' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[6]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, -1 AS ggw_sign FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'donation' AND w.v = array_fill(0::numeric, ARRAY[6]);
  ELSE
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.received_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'SOCIAL') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'VETERAN') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'CADRE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.donor_kind = 'ENTERPRISE') THEN r.amount_yuan ELSE 0 END), sum(r.ggw_sign * e.sign * CASE WHEN (r.restricted_purpose IS NOT NULL) THEN r.amount_yuan ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2], rollup_own.v[3] + excluded.v[3], rollup_own.v[4] + excluded.v[4], rollup_own.v[5] + excluded.v[5], rollup_own.v[6] + excluded.v[6]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2]), sum(d.v[3]), sum(d.v[4]), sum(d.v[5]), sum(d.v[6])]::numeric[] <> array_fill(0::numeric, ARRAY[6])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'donation', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2], rollup_subtree.v[3] + excluded.v[3], rollup_subtree.v[4] + excluded.v[4], rollup_subtree.v[5] + excluded.v[5], rollup_subtree.v[6] + excluded.v[6]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[6]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'donation' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[6]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'donation' AND w.v = array_fill(0::numeric, ARRAY[6]);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON donation REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_donation();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON donation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_donation();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON donation REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_donation();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON donation FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_donation();

CREATE FUNCTION ggw_rollup_on_disbursement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.paid_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1])]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[1]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'disbursement' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'disbursement' AND w.v = array_fill(0::numeric, ARRAY[1]);
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan)]::numeric[] AS v
        FROM (SELECT *, -1 AS ggw_sign FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.paid_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1])]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[1]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'disbursement' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, -1 AS ggw_sign FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'disbursement' AND w.v = array_fill(0::numeric, ARRAY[1]);
  ELSE
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.paid_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * r.amount_yuan)]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1])]::numeric[] <> array_fill(0::numeric, ARRAY[1])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'disbursement', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[1]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'disbursement' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'disbursement' AND w.v = array_fill(0::numeric, ARRAY[1]);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON disbursement REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_disbursement();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON disbursement REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_disbursement();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON disbursement REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_disbursement();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON disbursement FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_disbursement();

CREATE FUNCTION ggw_rollup_on_article() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.submitted_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'article', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'article', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'article' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'article' AND w.v = array_fill(0::numeric, ARRAY[2]);
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, -1 AS ggw_sign FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.submitted_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'article', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'article', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'article' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, -1 AS ggw_sign FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'article' AND w.v = array_fill(0::numeric, ARRAY[2]);
  ELSE
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] AS v
        FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) r CROSS JOIN LATERAL (VALUES ('at', date_trunc('month', r.submitted_on)::date, 1)) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ARRAY[sum(r.ggw_sign * e.sign * 1), sum(r.ggw_sign * e.sign * CASE WHEN (r.adopted) THEN 1 ELSE 0 END)]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    own AS (
      INSERT INTO rollup_own (tenant_id, org_id, source, channel, bucket, v)
      SELECT tenant_id, org_id, 'article', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_own.v[1] + excluded.v[1], rollup_own.v[2] + excluded.v[2]]::numeric[]),
    spread AS (SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] AS v
      FROM d d JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ARRAY[sum(d.v[1]), sum(d.v[2])]::numeric[] <> array_fill(0::numeric, ARRAY[2])),
    added AS (INSERT INTO rollup_subtree (tenant_id, org_id, source, channel, bucket, v)
    SELECT tenant_id, org_id, 'article', channel, bucket, v FROM spread ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (tenant_id, org_id, source, channel, bucket) DO UPDATE SET v = ARRAY[rollup_subtree.v[1] + excluded.v[1], rollup_subtree.v[2] + excluded.v[2]]::numeric[]
    RETURNING tenant_id, org_id, channel, bucket, v)
    SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = array_fill(0::numeric, ARRAY[2]);
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = 'article' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM (SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = 'article' AND w.v = array_fill(0::numeric, ARRAY[2]);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON article REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_article();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON article REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_article();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON article REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_article();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON article FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_article();

CREATE FUNCTION ggw_rollup_on_report() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM ggw_rollup_refresh_report(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM new_rows c) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ggw_rollup_refresh_report(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM old_rows c) x;
  ELSE
    PERFORM ggw_rollup_refresh_report(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT c.tenant_id, c.org_id, NULL::text AS path FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c) x;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON report REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON report REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON report REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON report FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report();

CREATE FUNCTION ggw_rollup_on_report_deadline() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM ggw_rollup_refresh_report(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT DISTINCT r.tenant_id, r.org_id, NULL::text AS path FROM report r WHERE r.tenant_id IN (SELECT c.tenant_id FROM new_rows c)) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ggw_rollup_refresh_report(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT DISTINCT r.tenant_id, r.org_id, NULL::text AS path FROM report r WHERE r.tenant_id IN (SELECT c.tenant_id FROM old_rows c)) x;
  ELSE
    PERFORM ggw_rollup_refresh_report(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (SELECT DISTINCT r.tenant_id, r.org_id, NULL::text AS path FROM report r WHERE r.tenant_id IN (SELECT c.tenant_id FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) c)) x;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON report_deadline REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report_deadline();

CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON report_deadline REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report_deadline();

CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON report_deadline REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report_deadline();

CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON report_deadline FOR EACH STATEMENT EXECUTE FUNCTION ggw_rollup_on_report_deadline();

DO $$ DECLARE f regprocedure; BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.proname LIKE 'ggw\_rollup\_%'
    LOOP EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f); END LOOP;
  END $$;
