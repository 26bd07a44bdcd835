/**
 * The write benchmark's HTTP clients, in a process of their own (as bench-client.ts), so their
 * work is not counted in the server's latency. Reads as JSON on stdin
 *   {endpoint, clients: [{token, orgCode}], seconds}
 * and runs one async loop per client, all at once: each sends single-record mutations back to
 * back (createVolunteer, createActivity, createDonation in turn, with varied valid data) until
 * `seconds` have passed. Prints as JSON: every request's latency (ms) and whether it failed,
 * per client, the wall time from the first request to the last answer, and the first few
 * distinct error messages, and the SQL statements (x-sql-statements) of one write of each kind.
 */

interface ClientSpec {
  token: string;
  orgCode: string;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['德明', '桂兰', '建国', '秀英', '志强', '玉珍', '国庆', '淑芬', '文华', '长山', '宝林', '凤英'];
const VOLUNTEER_CATEGORIES = ['CADRE', 'MODEL_WORKER', 'PARTY_MEMBER', 'SOLDIER', 'TEACHER'];
const THEMES = ['CARE_ASSISTANCE', 'CIVILITY', 'FAMILY_EDUCATION', 'LECTURE', 'LEGAL_EDUCATION', 'OTHER', 'PATRIOTISM', 'SKILLS_TRAINING', 'THEORY_STUDY'];
const DONOR_KINDS = ['CADRE', 'ENTERPRISE', 'SOCIAL', 'VETERAN'];

/** A small deterministic generator per client, so runs are repeatable. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

type Rng = ReturnType<typeof rng>;

/** A date in 2021-01-01 .. 2024-12-31: after every synthetic org's founding, never in the future. */
const dateOf = (r: Rng) => `${r.int(2021, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
const personName = (r: Rng) => `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;

const MUTATIONS = [
  {
    kind: 'volunteer',
    query: 'mutation($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } } }',
    input: (r: Rng, orgCode: string) => ({
      orgCode, name: personName(r), category: r.pick(VOLUNTEER_CATEGORIES), isCore: r.chance(0.3), joinedOn: dateOf(r),
      ...(r.chance(0.5) ? { phone: `13${r.int(5, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}` } : {}),
    }),
  },
  {
    kind: 'activity',
    query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } } }',
    input: (r: Rng, orgCode: string) => {
      const participants = r.int(5, 300);
      return {
        orgCode, heldOn: dateOf(r), theme: r.pick(THEMES), title: `${r.pick(['关爱', '宣讲', '家风', '法治', '读书'])}活动第${r.int(1, 999)}期`,
        sessions: r.int(1, 5), participants, youthReached: r.int(0, participants * 3),
      };
    },
  },
  {
    kind: 'donation',
    query: 'mutation($input: CreateDonationInput!) { createDonation(input: $input) { donation { id } } }',
    input: (r: Rng, orgCode: string) => {
      const form = r.chance(0.7) ? 'MONEY' : 'GOODS';
      return {
        orgCode, receivedOn: dateOf(r), donorKind: r.pick(DONOR_KINDS), donorName: `${personName(r)}${r.pick(['', '有限公司', '商会'])}`, form,
        amountYuan: `${r.int(1, 50_000)}.${String(r.int(0, 99)).padStart(2, '0')}`,
        ...(form === 'MONEY' && r.chance(0.2) ? { restrictedPurpose: r.pick(['SCHOLARSHIP', 'STUDENT_AID']) } : {}),
      };
    },
  },
];

async function main() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const { endpoint, clients, seconds, kinds } = JSON.parse(text) as { endpoint: string; clients: ClientSpec[]; seconds: number; kinds?: string[] };
  const mutations = MUTATIONS.filter((m) => !kinds || kinds.includes(m.kind));
  if (!mutations.length) throw new Error(`no mutations among ${kinds}`);
  /** SQL statements of the first successful write of each kind (x-sql-statements) */
  const statements: Record<string, number> = {};
  const errorMessages: string[] = [];
  const noteError = (m: string) => {
    if (errorMessages.length < 8 && !errorMessages.includes(m)) errorMessages.push(m);
  };

  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  const loop = async (c: ClientSpec, i: number) => {
    const r = rng(1000 + i * 7919);
    const ms: number[] = [];
    const failed: boolean[] = [];
    for (let n = i; Date.now() < deadline; n++) {
      const m = mutations[n % mutations.length];
      const body = JSON.stringify({ query: m.query, variables: { input: m.input(r, c.orgCode) } });
      const t0 = process.hrtime.bigint();
      let bad = false;
      try {
        const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` }, body });
        const answer = (await res.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
        if (res.status !== 200 || answer.errors) {
          bad = true;
          const e = answer.errors?.[0];
          noteError(`${m.kind}: HTTP ${res.status} ${e?.extensions?.code ?? ''}: ${e?.message ?? JSON.stringify(answer).slice(0, 200)}`);
        } else if (!(m.kind in statements)) {
          statements[m.kind] = Number(res.headers.get('x-sql-statements'));
        }
      } catch (error) {
        bad = true;
        noteError(`${m.kind}: fetch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      failed.push(bad);
    }
    return { ms, failed };
  };
  const perClient = await Promise.all(clients.map(loop));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ perClient, elapsedMs, errorMessages, statements, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000 }));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
