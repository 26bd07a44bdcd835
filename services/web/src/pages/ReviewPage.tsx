import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorText, orgErrorText } from '../client';
import { STATE_NAMES } from '../components/Completeness';
import { PeriodPicker } from '../components/PeriodPicker';
import { graphql } from '../gql';
import { defaultPeriod, parsePeriod, periodName } from '../periods';
import { Link, navigate, useLocation } from '../router';

const BoardQuery = graphql(`
  query ReviewBoard($code: String!, $period: Period!) {
    org(code: $code) {
      id code name
      reportBoard(period: $period) {
        state
        org { id code name level }
        report { id status version submittedAt forceReason returnReason }
      }
    }
  }
`);

const ApproveReport = graphql(`
  mutation ApproveReport($code: String!, $period: Period!) { approveReport(orgCode: $code, period: $period) { id status } }
`);

const ReturnReport = graphql(`
  mutation ReturnReport($code: String!, $period: Period!, $reason: String!) { returnReport(orgCode: $code, period: $period, reason: $reason) { id status returnReason } }
`);

function Decide({ code, period, name, onDone }: { code: string; period: string; name: string; onDone: () => void }) {
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [{ fetching: approving, error: approveError }, approve] = useMutation(ApproveReport);
  const [{ fetching: sending, error: returnError }, send] = useMutation(ReturnReport);
  const error = approveError ?? returnError;
  const done = (r: { data?: unknown }) => r.data && onDone();
  return (
    <div className="row-actions">
      {!returning && <button type="button" className="primary" disabled={approving} onClick={async () => done(await approve({ code, period }))} aria-label={`审核通过 ${name}`}>通过</button>}
      {!returning && <button type="button" onClick={() => setReturning(true)} aria-label={`退回 ${name}`}>退回</button>}
      {returning && (
        <>
          <label>退回理由<input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
          <button type="button" disabled={sending || reason.trim() === ''} onClick={async () => done(await send({ code, period, reason: reason.trim() }))}>确认退回</button>
          <button type="button" onClick={() => setReturning(false)}>取消</button>
        </>
      )}
      {error && <p role="alert" className="error">{errorText(error)}</p>}
    </div>
  );
}

/** 审核: every org below with its report's state; the submitted ones approved or returned with a reason. */
export function ReviewPage({ code }: { code: string }) {
  const { params } = useLocation();
  const asked = params.get('period');
  const period = asked && parsePeriod(asked) ? asked : defaultPeriod();
  const [{ data, error, fetching }, refetch] = useQuery({ query: BoardQuery, variables: { code, period } });
  const [onlySubmitted, setOnlySubmitted] = useState(true);
  if (error) return <p role="alert" className="error">{orgErrorText(error, code)}</p>;
  const org = data?.org;
  if (!org) return fetching ? <p className="loading">正在加载…</p> : <p role="alert" className="error">没有找到组织 {code},或您无权查看它。</p>;
  const rows = org.reportBoard.filter((r) => !onlySubmitted || r.state === 'SUBMITTED');
  const counts = org.reportBoard.reduce<Record<string, number>>((c, r) => ({ ...c, [r.state]: (c[r.state] ?? 0) + 1 }), {});
  return (
    <article>
      <p><Link to={`/org/${code}?period=${period}`}>← 返回{org.name}</Link></p>
      <div className="title-row">
        <h1>{org.name} · {periodName(period)} · 审核下级报表</h1>
        <PeriodPicker period={period} onChange={(p) => navigate(`/org/${code}/review?period=${p}`, true)} />
      </div>
      <p>{Object.entries(STATE_NAMES).map(([s, name]) => `${name} ${counts[s] ?? 0} 个`).join(',')}</p>
      <label><span><input type="checkbox" checked={onlySubmitted} onChange={(e) => setOnlySubmitted(e.target.checked)} /> 只看待审核(已上报)的</span></label>
      <div className="table-scroll">
        <table>
          <thead><tr><th scope="col">组织</th><th scope="col">状态</th><th scope="col">上报时间</th><th scope="col">说明</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.org.code}>
                <th scope="row"><Link to={`/org/${r.org.code}?period=${period}`}>{r.org.name}</Link></th>
                <td><span className={`status ${r.state}`}>{STATE_NAMES[r.state]}</span></td>
                <td>{r.report?.submittedAt ? new Date(r.report.submittedAt).toLocaleString('zh-CN') : ''}</td>
                <td>{r.report?.forceReason ? `强制上报:${r.report.forceReason}` : r.state === 'RETURNED' ? `退回:${r.report?.returnReason ?? ''}` : ''}</td>
                <td>{r.state === 'SUBMITTED' && <Decide code={r.org.code} period={period} name={r.org.name} onDone={() => refetch({ requestPolicy: 'network-only' })} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="notice">没有待审核的报表。</p>}
      </div>
    </article>
  );
}
