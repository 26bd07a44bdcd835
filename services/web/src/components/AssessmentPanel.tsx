import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorText } from '../client';
import { graphql } from '../gql';

const AssessmentQuery = graphql(`
  query EntryAssessment($code: String!, $year: Period!) {
    org(code: $code) {
      id
      assessmentCriteria { key name }
      assessments(period: $year, first: 20) { nodes { id criterionKey met version year } }
    }
  }
`);

const SetAssessment = graphql(`
  mutation SetAssessment($input: SetAssessmentInput!) {
    setAssessment(input: $input) { version results { criterionKey met } warnings { detail } }
  }
`);

/**
 * 五好评定: the year's result of each of the county's criteria (五好, or 六好 where a county
 * adds one), all given at once; the org is 五好 when every one is met.
 */
export function AssessmentPanel({ code, year }: { code: string; year: number }) {
  const [{ data, error }, refetch] = useQuery({ query: AssessmentQuery, variables: { code, year: String(year) } });
  const [{ fetching, error: saveError }, save] = useMutation(SetAssessment);
  const criteria = data?.org?.assessmentCriteria ?? [];
  const stored = (data?.org?.assessments.nodes ?? []).filter((a) => a.year === year);
  const version = stored.length ? Math.max(...stored.map((a) => a.version)) : null;
  const [met, setMet] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  // what was stored, again whenever it is read (after a save, or another year)
  useEffect(() => setMet(Object.fromEntries((data?.org?.assessments.nodes ?? []).filter((a) => a.year === year).map((a) => [a.criterionKey, a.met]))), [data, year]);
  const submit = async () => {
    const results = criteria.map((c) => ({ criterionKey: c.key, met: met[c.key] === true }));
    const r = await save({ input: { orgCode: code, year, results, expectedVersion: version } });
    if (r.data) {
      setSaved(true);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  if (error) return <p role="alert" className="error">{errorText(error)}</p>;
  const all = criteria.length > 0 && criteria.every((c) => met[c.key]);
  const standard = criteria.length === 6 ? '六好' : '五好';
  return (
    <section className="panel" aria-labelledby="assessment-title">
      <h2 id="assessment-title">{year}年“{standard}”评定</h2>
      <p>{version === null ? '本年度尚未评定。' : `已评定(第 ${version} 版)。`}逐项勾选达到的标准,全部达到即为“{standard}”组织。</p>
      <fieldset className="criteria">
        <legend>评定标准</legend>
        {criteria.map((c) => (
          <label key={c.key}><span><input type="checkbox" checked={met[c.key] === true} onChange={(e) => { setSaved(false); setMet({ ...met, [c.key]: e.target.checked }); }} /> {c.name}</span></label>
        ))}
      </fieldset>
      <p>结论:{all ? `达到“${standard}”标准` : `未达到“${standard}”标准`}</p>
      {saveError && <p role="alert" className="error">{errorText(saveError)}</p>}
      {saved && !saveError && <p className="done" role="status">已保存</p>}
      <button type="button" className="primary" disabled={fetching || criteria.length === 0} onClick={submit}>保存评定</button>
    </section>
  );
}
