import { FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorText, orgErrorText } from '../client';
import { AssessmentPanel } from '../components/AssessmentPanel';
import { ReportPanel } from '../components/ReportPanel';
import { graphql } from '../gql';
import { defaultPeriod, parsePeriod, periodName } from '../periods';
import { Link, useLocation } from '../router';
import { FieldSpec, KINDS, KindSpec, RecordRow } from './entry-kinds';

const EntryOrgQuery = graphql(`
  query EntryOrg($code: String!) {
    org(code: $code) { id code name ancestors { code name } }
    labels {
      volunteerCategory { value label } activityTheme { value label } donorKind { value label }
      donationForm { value label } restrictedPurpose { value label } beneficiaryCategory { value label }
    }
  }
`);

const EntryRefsQuery = graphql(`
  query EntryRefs($code: String!) {
    org(code: $code) {
      id
      volunteers(first: 200) { nodes { id name } }
      beneficiaries(first: 200) { nodes { id name } }
    }
  }
`);

type Refs = Record<'volunteers' | 'beneficiaries', Array<{ id: string; name: string }>>;

/** The tab of the 五好 assessment: one set of results a year, not a list of records. */
const ASSESSMENT = 'assessment';

type Labels = Record<string, Array<{ value: string; label: string }>>;
type Values = Record<string, string | boolean>;

/** A record's values as the form holds them (strings, and booleans for check boxes). */
function toForm(fields: FieldSpec[], row?: RecordRow): Values {
  return Object.fromEntries(fields.map((f) => {
    const v = row?.[f.name];
    if (f.type === 'bool') return [f.name, v === true];
    return [f.name, v === null || v === undefined ? '' : String(v)];
  }));
}

/** The form's values as the API takes them: numbers, booleans, and null for an emptied field. */
function toInput(fields: FieldSpec[], values: Values): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => {
    const v = values[f.name];
    if (f.type === 'bool') return [f.name, v === true];
    const text = String(v).trim();
    if (text === '') return [f.name, null];
    // a number field that is not a number goes as it is typed: the server says what is wrong with it
    if (f.type === 'int') return [f.name, /^-?\d+$/.test(text) ? Number(text) : text];
    return [f.name, text];
  }));
}

function shown(f: Pick<FieldSpec, 'type' | 'options'>, v: unknown, labels: Labels): string {
  if (v === null || v === undefined || v === '') return '';
  if (f.type === 'bool') return v ? '是' : '否';
  if (f.type === 'enum') return labels[f.options!]?.find((o) => o.value === v)?.label ?? String(v);
  return String(v);
}

function RecordForm({ spec, code, labels, refs, editing, onDone }: {
  spec: KindSpec; code: string; labels: Labels; refs: Refs | null; editing: RecordRow | null; onDone: () => void;
}) {
  const [values, setValues] = useState<Values>(() => toForm(spec.fields, editing ?? undefined));
  const [{ fetching: creating, error: createError }, create] = useMutation(spec.create);
  const [{ fetching: updating, error: updateError }, update] = useMutation(spec.update);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [missing, setMissing] = useState<Map<string, string>>(new Map());
  const sent = editing ? updateError : createError;
  // a form with a required field left empty is not sent: the field says so, as the server would
  const error = missing.size > 0 ? undefined : sent;
  const fieldErrors = missing.size > 0 ? missing : new Map<string, string>(
    ((error?.graphQLErrors[0]?.extensions?.fieldErrors ?? []) as Array<{ field: string; message: string }>).map((e) => [e.field.replace(/^(input|patch)\./, ''), e.message]),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // a field left as it was read need not be filled again (a pair's ids are not in its list)
    const empty = spec.fields.filter((f) => f.required && !editing && String(values[f.name]).trim() === '');
    setMissing(new Map(empty.map((f) => [f.name, `${f.type === 'enum' ? '请选择' : '请填写'}${f.label}`])));
    if (empty.length > 0) return;
    const input = toInput(spec.fields, values);
    // a change sends only what was changed (a pair's list shows names, not the ids its form picks)
    const before = editing ? toInput(spec.fields, toForm(spec.fields, editing)) : {};
    const patch = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== before[k]));
    const result = editing
      ? await update({ id: editing.id, expectedVersion: editing.version, patch })
      : await create({ input: { ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)), orgCode: code } });
    if (result.data) {
      const payload = Object.values(result.data)[0] as { warnings?: Array<{ detail: string }> };
      setWarnings((payload.warnings ?? []).map((w) => w.detail));
      if (!editing) setValues(toForm(spec.fields));
      onDone();
    }
  };
  return (
    <form className="record-form panel" onSubmit={submit} aria-label={`${editing ? '修改' : '新增'}${spec.title}`} noValidate>
      <h2>{editing ? `修改${spec.title}` : `新增${spec.title}`}</h2>
      {spec.fields.map((f) => {
        const id = `field-${f.name}`;
        const problem = fieldErrors.get(f.name);
        const common = { id, name: f.name, 'aria-invalid': problem ? true : undefined, 'aria-describedby': problem ? `${id}-error` : undefined };
        return (
          <div key={f.name}>
            {f.type === 'bool' ? (
              <label><span><input type="checkbox" {...common} checked={values[f.name] === true} onChange={(e) => setValues({ ...values, [f.name]: e.target.checked })} /> {f.label}</span></label>
            ) : (
              <label htmlFor={id}><span>{f.label}{f.required && <span aria-hidden="true"> *</span>}</span>
                {f.type === 'enum' || f.type === 'ref' ? (
                  <select {...common} value={String(values[f.name])} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
                    <option value="">{editing && f.type === 'ref' ? '不变' : f.required ? '请选择' : '无'}</option>
                    {f.type === 'enum'
                      ? (labels[f.options!] ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)
                      : (refs?.[f.ref!] ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                  </select>
                ) : (
                  <input {...common} type={f.type === 'date' ? 'date' : 'text'} inputMode={f.type === 'int' ? 'numeric' : f.type === 'money' ? 'decimal' : undefined}
                    value={String(values[f.name])} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
                )}
              </label>
            )}
            {problem && <p id={`${id}-error`} className="field-error">{problem}</p>}
          </div>
        );
      })}
      {error && fieldErrors.size === 0 && <p role="alert" className="error">{errorText(error)}</p>}
      {fieldErrors.size > 0 && <p role="alert" className="error">有 {fieldErrors.size} 处填写有误,请按提示改正</p>}
      {warnings.length > 0 && <ul className="notice">{warnings.map((w) => <li key={w}>请核对:{w}</li>)}</ul>}
      <div className="row-actions">
        <button type="submit" disabled={creating || updating}>{editing ? '保存修改' : '保存'}</button>
        {editing && <button type="button" onClick={onDone}>取消</button>}
      </div>
    </form>
  );
}

function DeleteRow({ spec, row, onDone }: { spec: KindSpec; row: RecordRow; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [{ fetching, error }, remove] = useMutation(spec.remove);
  const confirm = async () => {
    const r = await remove({ id: row.id, expectedVersion: row.version, reason: reason.trim() });
    if (r.data) onDone();
  };
  return (
    <div className="row-actions">
      <label>删除理由<input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      <button type="button" disabled={fetching || reason.trim() === ''} onClick={confirm}>确认删除</button>
      <button type="button" onClick={onDone}>取消</button>
      {error && <p role="alert" className="error">{errorText(error)}</p>}
    </div>
  );
}

/** 填报: an org's records of one kind in a period, a form to add or change one, and the report. */
export function EntryPage({ code, kind }: { code: string; kind: string }) {
  const { params } = useLocation();
  const asked = params.get('period');
  const period = asked && parsePeriod(asked) ? asked : defaultPeriod();
  const spec = KINDS.find((k) => k.kind === kind);
  const [{ data: orgData, error: orgError }] = useQuery({ query: EntryOrgQuery, variables: { code } });
  const [{ data: refData, error: refError }] = useQuery({ query: EntryRefsQuery, variables: { code }, pause: !spec?.fields.some((f) => f.type === 'ref'), requestPolicy: 'cache-and-network' });
  const refs: Refs | null = refData?.org ? { volunteers: refData.org.volunteers.nodes, beneficiaries: refData.org.beneficiaries.nodes } : null;
  const [{ data, error, fetching }, refetch] = useQuery({ query: spec?.list ?? KINDS[0].list, variables: { code, period }, pause: !spec });
  const [editing, setEditing] = useState<RecordRow | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const labels = useMemo(() => (orgData?.labels ?? {}) as unknown as Labels, [orgData]);
  if (!spec && kind !== ASSESSMENT) return <p className="error" role="alert">没有“{kind}”这类记录。</p>;
  if (orgError) return <p role="alert" className="error">{orgErrorText(orgError, code)}</p>;
  const org = orgData?.org;
  if (orgData && !org) return <p role="alert" className="error">没有找到组织 {code},或您无权查看它。</p>;
  const rows = spec?.rows(data) ?? null;
  const columns = spec?.columns ?? spec?.fields ?? [];
  const reload = () => {
    setEditing(null);
    setDeleting(null);
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <article>
      <p><Link to={`/org/${code}?period=${period}`}>← 返回{org?.name ?? ''}</Link></p>
      <h1>{org?.name} · {periodName(period)} · 数据填报</h1>
      <nav className="tabs" aria-label="记录种类">
        {KINDS.map((k) => <Link key={k.kind} to={`/org/${code}/entry/${k.kind}?period=${period}`} aria-current={k.kind === kind ? 'page' : undefined}>{k.title}</Link>)}
        <Link to={`/org/${code}/entry/${ASSESSMENT}?period=${period}`} aria-current={kind === ASSESSMENT ? 'page' : undefined}>五好评定</Link>
      </nav>
      {refError && <p role="alert" className="error">{errorText(refError)}</p>}
      {spec ? <>
      <RecordForm key={`${kind}:${editing?.id ?? 'new'}`} spec={spec} code={code} labels={labels} refs={refs} editing={editing} onDone={reload} />
      <section className="panel" aria-labelledby="records-title">
        <h2 id="records-title">{spec.title}({rows?.totalCount ?? 0})</h2>
        {error && <p role="alert" className="error">{errorText(error)}</p>}
        {fetching && !rows && <p className="loading">正在加载…</p>}
        {rows && (
          <div className="table-scroll">
            <table className="records">
              <thead><tr>{columns.map((f) => <th key={f.name} scope="col">{f.label}</th>)}<th scope="col">操作</th></tr></thead>
              <tbody>
                {rows.nodes.map((r) => (
                  <tr key={r.id}>
                    {columns.map((f, i) => (i === 0 ? <th key={f.name} scope="row">{shown({ type: 'text', ...f }, r[f.name], labels)}</th> : <td key={f.name}>{shown({ type: 'text', ...f }, r[f.name], labels)}</td>))}
                    <td>
                      {deleting === r.id ? <DeleteRow spec={spec} row={r} onDone={reload} /> : (
                        <span className="row-actions">
                          <button type="button" onClick={() => setEditing(r)} aria-label={`修改 ${String(r[columns[0].name])}`}>修改</button>
                          <button type="button" onClick={() => setDeleting(r.id)} aria-label={`删除 ${String(r[columns[0].name])}`}>删除</button>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      </> : <AssessmentPanel code={code} year={parsePeriod(period)!.year} />}
      <ReportPanel code={code} period={period} />
    </article>
  );
}
