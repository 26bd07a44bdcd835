import { useState } from 'react';
import { useQuery } from 'urql';
import { errorText } from '../client';
import { graphql } from '../gql';

const SummaryQuery = graphql(`
  query OrgSummary($code: String!, $period: Period!) {
    org(code: $code) { id summary(period: $period) }
  }
`);

/** 工作总结: the text the figures say, ready to paste into the year's report. */
export function SummaryPanel({ code, period }: { code: string; period: string }) {
  const [{ data, error, fetching }] = useQuery({ query: SummaryQuery, variables: { code, period } });
  const [copied, setCopied] = useState(false);
  const text = data?.org?.summary ?? '';
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <section className="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">工作总结(自动生成)</h2>
      {fetching && <p className="loading">正在生成…</p>}
      {error && <p role="alert" className="error">{errorText(error)}</p>}
      {text && (
        <>
          <p className="summary-text">{text}</p>
          <button type="button" onClick={copy}>{copied ? '已复制' : '复制全文'}</button>
        </>
      )}
    </section>
  );
}
