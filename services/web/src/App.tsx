import { useEffect } from 'react';
import { Layout } from './components/Layout';
import { EntryPage } from './pages/EntryPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { OrgPage } from './pages/OrgPage';
import { ReviewPage } from './pages/ReviewPage';
import { navigate, useLocation } from './router';
import { useToken } from './session';

/** Which page the address names; everything but the login page needs a signed-in user. */
export function App() {
  const token = useToken();
  const { path } = useLocation();
  useEffect(() => {
    // signed out (or never in): the login page, which comes back here afterwards
    if (!token && path !== '/login') navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, true);
  }, [token, path]);
  if (path === '/login') return <LoginPage />;
  if (!token) return null;
  return <Layout>{route(path)}</Layout>;
}

function route(path: string) {
  if (path === '/') return <HomePage />;
  let m = /^\/org\/([0-9A-Za-z]+)$/.exec(path);
  if (m) return <OrgPage code={m[1]} />;
  m = /^\/org\/([0-9A-Za-z]+)\/entry\/([a-z]+)$/.exec(path);
  if (m) return <EntryPage code={m[1]} kind={m[2]} />;
  m = /^\/org\/([0-9A-Za-z]+)\/review$/.exec(path);
  if (m) return <ReviewPage code={m[1]} />;
  return <p className="notice">没有这个页面。<a href="/">回到首页</a></p>;
}
