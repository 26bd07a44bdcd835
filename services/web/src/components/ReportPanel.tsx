import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorText } from '../client';
import { graphql } from '../gql';
import { periodName } from '../periods';
import { STATE_NAMES } from './Completeness';

const ReportQuery = graphql(`
  query EntryReport($code: String!, $period: Period!) {
    org(code: $code) { id name report(period: $period) { id status version submittedAt returnReason forceReason } }
  }
`);

const SubmitReport = graphql(`
  mutation SubmitReport($code: String!, $period: Period!, $reason: String) {
    submitReport(orgCode: $code, period: $period, forceWithReason: $reason) { id status version submittedAt forceReason }
  }
`);

interface Violation { severity: string; detail: string }

/**
 * 上报: this org's report of the period. The rule catalogue runs on the server: hard violations
 * are listed and refuse it; soft ones are listed and need a 强制上报 reason.
 */
export function ReportPanel({ code, period }: { code: string; period: string }) {
  const [{ data }, refetch] = useQuery({ query: ReportQuery, variables: { code, period } });
  const [{ fetching, error }, submit] = useMutation(SubmitReport);
  const [reason, setReason] = useState('');
  const report = data?.org?.report;
  const ext = error?.graphQLErrors[0]?.extensions as { violations?: Violation[]; forceable?: boolean } | undefined;
  const send = async (force: boolean) => {
    const r = await submit({ code, period, reason: force ? reason : null });
    if (r.data) refetch({ requestPolicy: 'network-only' });
  };
  const status = report?.status ?? 'NOT_STARTED';
  const open = status === 'DRAFT' || status === 'RETURNED' || status === 'NOT_STARTED';
  return (
    <section className="panel" aria-labelledby="report-title">
      <h2 id="report-title">{periodName(period)}报表</h2>
      <p>状态:<span className={`status ${status}`}>{STATE_NAMES[status]}</span>
        {report?.submittedAt && `,上报于 ${new Date(report.submittedAt).toLocaleString('zh-CN')}`}
      </p>
      {report?.returnReason && status === 'RETURNED' && <p className="error">退回理由:{report.returnReason}</p>}
      {open && <button type="button" className="primary" disabled={fetching} onClick={() => send(false)}>上报</button>}
      {error && <div role="alert" className="error">
        <p>{errorText(error)}</p>
        {ext?.violations && <ul>{ext.violations.map((v, i) => <li key={i}>{v.severity === 'HARD' ? '违反规则' : '需核对'}:{v.detail}</li>)}</ul>}
      </div>}
      {ext?.forceable && (
        <div className="row-actions">
          <label>强制上报说明<textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} cols={50} /></label>
          <button type="button" disabled={fetching || reason.trim() === ''} onClick={() => send(true)}>强制上报</button>
        </div>
      )}
    </section>
  );
}
