import { useEffect } from 'react';
import { useClient, useQuery } from 'urql';
import { MeQuery } from '../components/Layout';
import { graphql } from '../gql';
import { pickerYears } from '../periods';
import { navigate } from '../router';

const LatestYearQuery = graphql(`
  query LatestYear($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!, $y5: Period!) {
    org(code: $code) {
      id
      y0: rollup(period: $y0) { id activityCount }
      y1: rollup(period: $y1) { id activityCount }
      y2: rollup(period: $y2) { id activityCount }
      y3: rollup(period: $y3) { id activityCount }
      y4: rollup(period: $y4) { id activityCount }
      y5: rollup(period: $y5) { id activityCount }
    }
  }
`);

/**
 * The landing page: the org of the user's highest role, at the latest of the last six years
 * with activities recorded (a county in the middle of a year shows last year's; a county whose
 * data stops earlier shows its last year instead of an empty page).
 */
export function HomePage() {
  const [{ data, error }] = useQuery({ query: MeQuery });
  const client = useClient();
  const home = data?.me.roles[0]?.org.code;
  useEffect(() => {
    if (!home) return;
    const years = pickerYears().slice(1, 7).map(String);
    const vars = { code: home, y0: years[0], y1: years[1], y2: years[2], y3: years[3], y4: years[4], y5: years[5] };
    void client.query(LatestYearQuery, vars).toPromise().then((r) => {
      const org = r.data?.org;
      const found = org ? [org.y0, org.y1, org.y2, org.y3, org.y4, org.y5].findIndex((y) => y.activityCount > 0) : -1;
      navigate(`/org/${home}?period=${years[Math.max(found, 0)]}`, true);
    });
  }, [home, client]);
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? '无法连接服务器'}</p>;
  if (data && !home) return <p className="notice">您的账号还没有任何组织的角色,请联系上级管理员授权。</p>;
  return <p className="loading">正在打开…</p>;
}
