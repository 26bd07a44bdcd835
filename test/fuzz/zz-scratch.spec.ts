import fs from 'node:fs';
import { startTestApi } from '@ggw/testing';

it('scratch', async () => {
  const causes: string[] = [];
  const orig = Object.defineProperty;
  (Object as any).defineProperty = function (o: any, k: any, d: any) {
    if (k === 'cause' && d && d.value !== undefined) causes.push(String(d.value?.stack ?? d.value));
    return orig.call(Object, o, k, d);
  };
  const api = await startTestApi({ reference: true, as: 'taishang-admin' });
  const token = await api.login('taishang-admin');
  const kinds = ['volunteers', 'beneficiaries', 'activities', 'donations', 'disbursements', 'articles', 'guarantees', 'plan-targets'];
  const files = fs.readdirSync('/tmp/keep').filter((x) => x.startsWith('cells'));
  const tally: Record<string, number> = {};
  for (let round = 0; round < 4; round++) {
    for (const f of files) {
      const content = fs.readFileSync(`/tmp/keep/${f}`);
      for (const kind of kinds) {
        const form = new FormData();
        form.append('file', new Blob([content]), 'a.xlsx');
        const res = await fetch(`${api.url}/imports?orgCode=220582101&kind=${kind}&dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        const body: any = await res.json();
        const o = res.status === 200 ? `200` : body.reason;
        tally[o] = (tally[o] ?? 0) + 1;
      }
    }
  }
  (Object as any).defineProperty = orig;
  console.log(tally, causes.length, [...new Set(causes)].slice(0, 4).join('\n-----\n'));
  await api.close();
}, 120000);
