import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorText } from '../client';
import { graphql } from '../gql';
import type { ExportFormat, FigureState } from '../gql/graphql';

const RequestExportMutation = graphql(`
  mutation RequestExport($code: String!, $period: Period!, $format: ExportFormat!, $figureState: FigureState!) {
    requestExport(orgCode: $code, period: $period, format: $format, figureState: $figureState) { id status progress }
  }
`);

const ExportJobQuery = graphql(`
  query ExportJob($id: ID!) {
    export(id: $id) { id status progress fileName sizeBytes downloadUrl error format }
  }
`);

const FORMATS: Array<{ value: ExportFormat; label: string }> = [
  { value: 'XLSX', label: 'Excel 表格(XLSX)' },
  { value: 'DOCX', label: 'Word 工作总结(DOCX)' },
  { value: 'CSV', label: 'CSV 数据' },
];

/** One export being made: its progress every second until it is done, then the download. */
function ExportProgress({ id }: { id: string }) {
  const [{ data, error }, refetch] = useQuery({ query: ExportJobQuery, variables: { id }, requestPolicy: 'network-only' });
  const job = data?.export;
  const finished = job?.status === 'DONE' || job?.status === 'FAILED';
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [finished, refetch]);
  if (error) return <p role="alert" className="error">{errorText(error)}</p>;
  if (!job) return <p className="loading">已提交…</p>;
  if (job.status === 'FAILED') return <p role="alert" className="error">导出失败:{job.error}</p>;
  if (job.status === 'DONE' && job.downloadUrl) {
    return <p className="done">已生成:<a href={job.downloadUrl} download={job.fileName ?? undefined}>下载 {job.fileName}</a>({Math.ceil((job.sizeBytes ?? 0) / 1024)} KB,链接 5 分钟内有效)</p>;
  }
  return (
    <p className="progress-line">
      {job.status === 'QUEUED' ? '排队中' : '正在生成'}
      <progress max={100} value={job.progress} aria-label="导出进度">{job.progress}%</progress> {job.progress}%
    </p>
  );
}

/** 导出: a file of this org and everything below it, made in the background. */
export function ExportPanel({ code, period }: { code: string; period: string }) {
  const [format, setFormat] = useState<ExportFormat>('XLSX');
  const [figureState, setFigureState] = useState<FigureState>('LIVE');
  const [jobId, setJobId] = useState<string | null>(null);
  const [{ fetching, error }, request] = useMutation(RequestExportMutation);
  useEffect(() => setJobId(null), [code, period]);
  const start = async () => {
    const r = await request({ code, period, format, figureState });
    if (r.data) setJobId(r.data.requestExport.id);
  };
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">导出</h2>
      <div className="export-form">
        <label>格式
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        <label>口径
          <select value={figureState} onChange={(e) => setFigureState(e.target.value as FigureState)}>
            <option value="LIVE">实时数</option>
            <option value="APPROVED">审核数</option>
          </select>
        </label>
        <button type="button" onClick={start} disabled={fetching}>生成文件</button>
      </div>
      {error && <p role="alert" className="error">{errorText(error)}</p>}
      {jobId && <ExportProgress key={jobId} id={jobId} />}
    </section>
  );
}
