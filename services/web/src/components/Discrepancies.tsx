import { useQuery } from 'urql';
import { errorText } from '../client';
import { graphql } from '../gql';

const DiscrepanciesQuery = graphql(`
  query OrgDiscrepancies($code: String!, $period: Period!) {
    org(code: $code) { id discrepancies(period: $period) { metricKey label reportedValue computedValue source } }
  }
`);

const isRate = (key: string) => /(Rate|Share|Coverage|Completeness)$/.test(key);

function shown(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return isRate(key) ? `${(value * 100).toFixed(1)}%` : String(value);
}

/** 公布数与计算数不一致之处: what was published against what the records say. */
export function Discrepancies({ code, period }: { code: string; period: string }) {
  const [{ data, error }] = useQuery({ query: DiscrepanciesQuery, variables: { code, period } });
  const rows = data?.org?.discrepancies ?? [];
  if (error) return <p role="alert" className="error">{errorText(error)}</p>;
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="discrepancy-title">
      <h2 id="discrepancy-title">公布数与计算数不一致</h2>
      <table>
        <thead><tr><th scope="col">指标</th><th scope="col">公布数</th><th scope="col">根据数据计算</th><th scope="col">出处</th></tr></thead>
        <tbody>
          {rows.map((d) => (
            <tr key={`${d.metricKey}:${d.source}`}>
              <th scope="row">{d.label}</th>
              <td>{shown(d.metricKey, Number(d.reportedValue))}</td>
              <td>{shown(d.metricKey, d.computedValue)}</td>
              <td>{d.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
