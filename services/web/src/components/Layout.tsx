import { ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../router';
import { signOut } from '../session';

export const MeQuery = graphql(`
  query Me {
    me {
      user { id username displayName }
      roles { role org { id code name level } }
    }
  }
`);

export const ROLE_NAMES: Record<string, string> = { ADMIN: '管理员', EDITOR: '填报员', VIEWER: '查看' };

/** The frame of every page: who is signed in, their roles' orgs as links, and 退出. */
export function Layout({ children }: { children: ReactNode }) {
  const [{ data }] = useQuery({ query: MeQuery });
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">关工委数据平台</Link>
        <nav aria-label="我的组织">
          {data?.me.roles.map((r) => (
            <Link key={`${r.role}:${r.org.code}`} to={`/org/${r.org.code}`}>{r.org.name}({ROLE_NAMES[r.role] ?? r.role})</Link>
          ))}
        </nav>
        <span className="who">{data?.me.user.displayName}</span>
        <button type="button" onClick={() => { signOut(); }}>退出</button>
      </header>
      <main>{children}</main>
    </>
  );
}
