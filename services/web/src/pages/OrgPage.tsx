import { lazy, Suspense } from 'react';
import { useQuery } from 'urql';
import { orgErrorText } from '../client';
import { ChildTable } from '../components/ChildTable';
import { Completeness } from '../components/Completeness';
import { Discrepancies } from '../components/Discrepancies';
import { ExportPanel } from '../components/ExportPanel';
import { HeadlineCards } from '../components/HeadlineCards';
import { MeQuery } from '../components/Layout';
import { PeriodPicker } from '../components/PeriodPicker';
import { SummaryPanel } from '../components/SummaryPanel';
import { graphql } from '../gql';
import type { FigureKey } from '../gql/graphql';
import { defaultPeriod, parsePeriod, periodName } from '../periods';
import { Link, navigate, useLocation } from '../router';

// the charts (and ECharts) load after the numbers are on screen
const RateBars = lazy(() => import('../components/Charts').then((m) => ({ default: m.RateBars })));
const YearLines = lazy(() => import('../components/Charts').then((m) => ({ default: m.YearLines })));

/** The figures of the headline cards, in the order an annual summary quotes them. */
const HEADLINE: FigureKey[] = ['orgCount', 'fiveGoodCount', 'fiveGoodRate', 'volunteerCount', 'coreVolunteerCount', 'donationTotal'];
/** The columns of the children table. */
const TABLE: FigureKey[] = ['orgCount', 'fiveGoodCount', 'fiveGoodRate', 'volunteerCount', 'coreVolunteerCount', 'activityCount', 'pairCount', 'donationTotal', 'reportCompleteness'];

const OrgDashboardQuery = graphql(`
  query OrgDashboard($code: String!, $period: Period!, $headline: [FigureKey!]!, $table: [FigureKey!]!) {
    org(code: $code) {
      id code name level type
      ancestors { code name }
      rollup(period: $period) { id figures(keys: $headline) { key label unit value change changeUnit } }
      childRollups(period: $period) {
        total { id figures(keys: $table) { key label unit value changeUnit } }
        rows { id org { id code name } figures(keys: $table) { key value } }
      }
    }
  }
`);

const YearSeriesQuery = graphql(`
  query OrgYears($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!) {
    org(code: $code) {
      id
      y0: rollup(period: $y0) { ...YearFigures }
      y1: rollup(period: $y1) { ...YearFigures }
      y2: rollup(period: $y2) { ...YearFigures }
      y3: rollup(period: $y3) { ...YearFigures }
      y4: rollup(period: $y4) { ...YearFigures }
    }
  }
  fragment YearFigures on Rollup { id orgCount fiveGoodCount volunteerCount coreVolunteerCount }
`);

function YearChart({ code, year }: { code: string; year: number }) {
  const years = [4, 3, 2, 1, 0].map((i) => String(year - i));
  const [{ data }] = useQuery({ query: YearSeriesQuery, variables: { code, y0: years[0], y1: years[1], y2: years[2], y3: years[3], y4: years[4] } });
  const org = data?.org;
  if (!org) return null;
  const points = [org.y0, org.y1, org.y2, org.y3, org.y4];
  const series = [
    { name: '关工委组织', values: points.map((p) => p.orgCount) },
    { name: '五好组织', values: points.map((p) => p.fiveGoodCount) },
    { name: '五老', values: points.map((p) => p.volunteerCount) },
    { name: '五老骨干', values: points.map((p) => p.coreVolunteerCount) },
  ];
  return <YearLines years={years} series={series} />;
}

const CHILD_LEVEL_NAMES: Record<string, string> = { PROVINCE: '市', CITY: '县(市、区)', COUNTY: '乡镇街道和县直部门', TOWNSHIP: '村、社区、学校和企业' };

/** An org's page: where it sits, its figures for a period, its children, and what to do next. */
export function OrgPage({ code }: { code: string }) {
  const { params } = useLocation();
  const asked = params.get('period');
  const period = asked && parsePeriod(asked) ? asked : defaultPeriod();
  const [{ data, error, fetching, operation }] = useQuery({ query: OrgDashboardQuery, variables: { code, period, headline: HEADLINE, table: TABLE } });
  const [{ data: me }] = useQuery({ query: MeQuery });
  const setPeriod = (p: string) => navigate(`/org/${code}?period=${p}`, true);

  if (error) return <p role="alert" className="error">{orgErrorText(error, code)}</p>;
  // the answer for the org and period in the address, never the previous one's while the next loads
  const current = operation?.variables.code === code && operation.variables.period === period;
  const org = current ? data?.org : null;
  if (!org) return fetching || !current ? <p className="loading">正在加载…</p> : <p role="alert" className="error">没有找到组织 {code},或您无权查看它。</p>;

  const above = new Set([org.code, ...org.ancestors.map((a) => a.code)]);
  const roles = (me?.me.roles ?? []).filter((r) => above.has(r.org.code)).map((r) => r.role);
  // an ancestor is worth a link when the user holds a role at it or above it; the rest are names only
  const roleOrgs = new Set((me?.me.roles ?? []).map((r) => r.org.code));
  const visibleFrom = org.ancestors.findIndex((a) => roleOrgs.has(a.code));
  const canEnter = roles.includes('ADMIN') || roles.includes('EDITOR');
  const rows = org.childRollups.rows;
  const columns = org.childRollups.total.figures;
  const year = parsePeriod(period)!.year;

  return (
    <article className="org-page">
      <nav aria-label="上级组织" className="breadcrumb">
        <ol>
          {org.ancestors.map((a, i) => (
            <li key={a.code}>{visibleFrom >= 0 && i >= visibleFrom ? <Link to={`/org/${a.code}?period=${period}`}>{a.name}</Link> : <span>{a.name}</span>}</li>
          ))}
          <li aria-current="page">{org.name}</li>
        </ol>
      </nav>
      <div className="title-row">
        <h1>{org.name}关工委 · {periodName(period)}</h1>
        <PeriodPicker period={period} onChange={setPeriod} />
      </div>
      <p className="actions">
        {canEnter && <Link to={`/org/${org.code}/entry/volunteers?period=${period}`}>数据填报</Link>}
        {roles.includes('ADMIN') && rows.length > 0 && <Link to={`/org/${org.code}/review?period=${period}`}>审核下级报表</Link>}
      </p>
      <HeadlineCards figures={org.rollup.figures} />
      {rows.length > 0 && (
        <>
          <ChildTable caption={`下级组织(${CHILD_LEVEL_NAMES[org.level] ?? '下级'})`} columns={columns} rows={rows} total={org.childRollups.total.figures} period={period} />
          <div className="charts">
            <Suspense fallback={<div className="chart" />}>
              <section className="panel"><h2>五好达标率</h2><RateBars rows={rows.map((r) => ({ name: r.org.name, rate: r.figures.find((f) => f.key === 'fiveGoodRate')?.value ?? null }))} /></section>
              <section className="panel"><h2>近五年</h2><YearChart code={org.code} year={year} /></section>
            </Suspense>
          </div>
        </>
      )}
      <Discrepancies code={org.code} period={period} />
      {rows.length > 0 && <Completeness code={org.code} period={period} />}
      <SummaryPanel code={org.code} period={period} />
      <ExportPanel code={org.code} period={period} />
    </article>
  );
}
