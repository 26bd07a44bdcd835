import { useQuery } from 'urql';
import { errorCode, errorText } from '../client';
import { graphql } from '../gql';
import { Link } from '../router';

const CompletenessQuery = graphql(`
  query OrgCompleteness($code: String!, $period: Period!) {
    org(code: $code) {
      id
      reportBoard(period: $period) { state org { id code name level } }
      overdueReports(period: $period) { daysLate state org { id code name } }
    }
  }
`);

export const STATE_NAMES: Record<string, string> = { NOT_STARTED: '未填报', DRAFT: '填报中', SUBMITTED: '已上报', RETURNED: '已退回', APPROVED: '已审核' };

/** 报送情况: who below has not handed in this period's report, and who was late. */
export function Completeness({ code, period }: { code: string; period: string }) {
  const [{ data, error }] = useQuery({ query: CompletenessQuery, variables: { code, period } });
  // a viewer who may not see the cycle simply has no such panel
  if (errorCode(error) === 'FORBIDDEN') return null;
  if (error) return <p role="alert" className="error">{errorText(error)}</p>;
  if (!data?.org) return null;
  const board = data.org.reportBoard;
  const missing = board.filter((r) => r.state !== 'SUBMITTED' && r.state !== 'APPROVED');
  const late = data.org.overdueReports;
  return (
    <section className="panel" aria-labelledby="completeness-title">
      <h2 id="completeness-title">报送情况</h2>
      <p>下级组织 {board.length} 个,已上报 {board.length - missing.length} 个,未上报 {missing.length} 个;逾期 {late.length} 个。</p>
      {missing.length > 0 && (
        <details open={missing.length <= 20}>
          <summary>未上报的组织({missing.length})</summary>
          <ul className="org-list">
            {missing.map((r) => <li key={r.org.code}><Link to={`/org/${r.org.code}?period=${period}`}>{r.org.name}</Link>:{STATE_NAMES[r.state]}</li>)}
          </ul>
        </details>
      )}
      {late.length > 0 && (
        <details>
          <summary>逾期的组织({late.length})</summary>
          <ul className="org-list">
            {late.map((r) => <li key={r.org.code}>{r.org.name}:逾期 {r.daysLate} 天,{STATE_NAMES[r.state]}</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}
