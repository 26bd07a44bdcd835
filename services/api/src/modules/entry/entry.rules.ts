/**
 * The rule catalogue: rules that span records, each declared once, as the figures are in the
 * metric catalogue. A rule is a query that lists what breaks it among a set of orgs; the same
 * query checks a write (on the written org, before and after it) and `org.ruleViolations`
 * (over a subtree, for data written before a rule existed or by an import).
 *
 * Parameters of every rule's SQL: $1 tenant ids and $2 org ids (uuid[], the orgs to check),
 * $3 and $4 the period [start, end) (dates; -infinity and infinity for "ever"), and $5 a
 * record id (uuid, or null for every record): a rule about single records (`scope: 'record'`)
 * looks only at what concerns that record, which is what a write to it can break. Each yields
 * `org_id`, `record_id` (null for a rule about an org's totals), `subject` (what is broken,
 * stable across writes: a write is refused only for a violation it made new or worse),
 * `excess` (how far, comparable before and after) and `detail` (Chinese, for a clerk).
 */
export interface Rule {
  key: string;
  /** HARD: the write is refused (RULE_VIOLATED); SOFT: it goes through with a warning. */
  severity: 'HARD' | 'SOFT';
  /** The rule, in Chinese, as a clerk reads it. */
  text: string;
  /** The tables whose writes can break it. */
  tables: string[];
  /** 'record': each violation is one record's, found from it ($5); 'org': about an org's totals, whatever was written. */
  scope: 'record' | 'org';
  sql: string;
}

const ORGS = `(SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS o(tenant_id, org_id))`;

export const RULES: Rule[] = [
  {
    key: 'pair.membersOfOrg',
    severity: 'HARD',
    // a township's 五老 often pair with its villages' children: the volunteer may be of the org or one above it
    text: '结对的帮扶对象应属于本组织,五老志愿者应属于本组织或其上级组织,且志愿者在结对开始时在册',
    tables: ['assistance_pair', 'volunteer', 'beneficiary'],
    scope: 'record',
    sql: `SELECT p.org_id, p.id AS record_id, 'pair' AS subject, 1::numeric AS excess,
                 concat_ws(';',
                   CASE WHEN NOT m.member THEN '五老志愿者不属于本组织或其上级组织' END,
                   CASE WHEN b.org_id <> p.org_id THEN '帮扶对象不属于本组织' END,
                   CASE WHEN m.member AND v.joined_on > p.started_on THEN format('结对开始(%s)时志愿者尚未加入(%s 加入)', p.started_on, v.joined_on) END,
                   CASE WHEN m.member AND v.left_on <= p.started_on THEN format('结对开始(%s)时志愿者已退出(%s 退出)', p.started_on, v.left_on) END) AS detail
            FROM assistance_pair p
            JOIN ${ORGS} o ON o.tenant_id = p.tenant_id AND o.org_id = p.org_id
            JOIN volunteer v ON v.tenant_id = p.tenant_id AND v.id = p.volunteer_id
            JOIN beneficiary b ON b.tenant_id = p.tenant_id AND b.id = p.beneficiary_id
            CROSS JOIN LATERAL (SELECT v.org_id = p.org_id OR EXISTS (
                SELECT 1 FROM org po JOIN org vo ON vo.tenant_id = v.tenant_id AND vo.id = v.org_id
                 WHERE po.tenant_id = p.tenant_id AND po.id = p.org_id AND vo.path @> po.path) AS member) m
           WHERE p.started_on < $4 AND (p.ended_on IS NULL OR p.ended_on > $3)
             AND ($5::uuid IS NULL OR $5 IN (p.id, p.volunteer_id, p.beneficiary_id))
             AND (NOT m.member OR b.org_id <> p.org_id OR v.joined_on > p.started_on OR v.left_on <= p.started_on)`,
  },
  {
    key: 'fund.restrictedBalance',
    severity: 'HARD',
    text: '专款专用:奖学、助学基金的支出不得超过该基金在本组织收到的捐款减去已支出的金额',
    tables: ['donation', 'disbursement'],
    scope: 'org',
    sql: `SELECT f.org_id, NULL::uuid AS record_id, f.purpose AS subject, -sum(f.amount) AS excess,
                 format('%s基金支出比收到的捐款多 %s 元', CASE f.purpose WHEN 'SCHOLARSHIP' THEN '奖学' ELSE '助学' END, -sum(f.amount)) AS detail
            FROM (SELECT d.tenant_id, d.org_id, d.restricted_purpose AS purpose, d.amount_yuan AS amount
                    FROM donation d JOIN ${ORGS} o ON o.tenant_id = d.tenant_id AND o.org_id = d.org_id
                   WHERE d.restricted_purpose IS NOT NULL AND d.form = 'MONEY' AND d.received_on < $4
                  UNION ALL
                  SELECT x.tenant_id, x.org_id, x.restricted_purpose, -x.amount_yuan
                    FROM disbursement x JOIN ${ORGS} o ON o.tenant_id = x.tenant_id AND o.org_id = x.org_id
                   WHERE x.restricted_purpose IS NOT NULL AND x.paid_on < $4) f
           GROUP BY f.tenant_id, f.org_id, f.purpose
          HAVING sum(f.amount) < 0`,
  },
  {
    key: 'person.uniqueIdNumber',
    severity: 'HARD',
    text: '同一身份证号在本县(市、区)只能登记一名五老志愿者、一名帮扶对象',
    tables: ['volunteer', 'beneficiary'],
    scope: 'record',
    // the count sees the whole tenant (a definer function), whoever asks
    sql: `SELECT p.org_id, p.id AS record_id, p.kind AS subject, 1::numeric AS excess,
                 format('身份证号 %s 在本县已登记 %s 次(%s)', overlay(p.id_number placing '********' from 7 for 8), p.n,
                        CASE p.kind WHEN 'volunteer' THEN '五老志愿者' ELSE '帮扶对象' END) AS detail
            FROM (SELECT v.org_id, v.id, v.id_number, 'volunteer' AS kind, ggw_id_number_count(v.tenant_id, 'volunteer', v.id_number) AS n
                    FROM volunteer v JOIN ${ORGS} o ON o.tenant_id = v.tenant_id AND o.org_id = v.org_id
                   WHERE v.id_number IS NOT NULL AND ($5::uuid IS NULL OR v.id = $5)
                  UNION ALL
                  SELECT b.org_id, b.id, b.id_number, 'beneficiary', ggw_id_number_count(b.tenant_id, 'beneficiary', b.id_number)
                    FROM beneficiary b JOIN ${ORGS} o ON o.tenant_id = b.tenant_id AND o.org_id = b.org_id
                   WHERE b.id_number IS NOT NULL AND ($5::uuid IS NULL OR b.id = $5)) p
           WHERE p.n > 1`,
  },
  {
    key: 'assessment.complete',
    severity: 'HARD',
    text: '"五好"评定应对本县评定标准中的每一项都给出结果',
    tables: ['assessment'],
    scope: 'org',
    sql: `SELECT a.org_id, NULL::uuid AS record_id, a.year::text AS subject, (c.n - count(*))::numeric AS excess,
                 format('%s 年的评定只有 %s 项结果,本县的评定标准共 %s 项', a.year, count(*), c.n) AS detail
            FROM assessment a JOIN ${ORGS} o ON o.tenant_id = a.tenant_id AND o.org_id = a.org_id
            CROSS JOIN LATERAL (SELECT count(*) AS n FROM assessment_criterion c WHERE c.tenant_id = a.tenant_id) c
           WHERE make_date(a.year, 1, 1) < $4 AND make_date(a.year + 1, 1, 1) > $3
           GROUP BY a.org_id, a.year, c.n HAVING count(*) <> c.n`,
  },
  {
    key: 'activity.youthReach',
    severity: 'SOFT',
    text: '活动受教育青少年人次一般不超过参加人数的十倍,请核对',
    tables: ['activity'],
    scope: 'record',
    sql: `SELECT a.org_id, a.id AS record_id, 'activity' AS subject, a.youth_reached::numeric AS excess,
                 format('受教育青少年 %s 人次,参加人数 %s 人', a.youth_reached, a.participants) AS detail
            FROM activity a JOIN ${ORGS} o ON o.tenant_id = a.tenant_id AND o.org_id = a.org_id
           WHERE a.held_on >= $3 AND a.held_on < $4 AND ($5::uuid IS NULL OR a.id = $5) AND a.youth_reached > 10 * a.participants`,
  },
];

export interface Violation {
  rule: string;
  severity: Rule['severity'];
  orgId: string;
  recordId: string | null;
  subject: string;
  excess: string;
  detail: string;
}

/** One statement running `rules` over the given orgs and period; parameters as above. */
export function violationsSql(rules: Rule[]): string {
  // names every parameter's type once, whether or not the rules at hand use it
  return `WITH params AS (SELECT $1::uuid[] AS tenants, $2::uuid[] AS orgs, $3::date AS start, $4::date AS "end", $5::uuid AS record)\n` + rules
    .map((r) => `SELECT '${r.key}' AS rule, '${r.severity}' AS severity, x.org_id AS "orgId", x.record_id AS "recordId", x.subject,
                        x.excess::text AS excess, x.detail FROM (${r.sql}) x`)
    .join('\nUNION ALL\n');
}

export const ruleByKey = new Map(RULES.map((r) => [r.key, r]));

/** The rules a write to `table` can break. */
export const rulesFor = (table: string): Rule[] => RULES.filter((r) => r.tables.includes(table));
