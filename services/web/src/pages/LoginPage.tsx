import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { errorText } from '../client';
import { graphql } from '../gql';
import { navigate, useLocation } from '../router';
import { signIn } from '../session';

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { token expiresAt }
  }
`);

/** 登录: username and password; afterwards back to the page that was asked for. */
export function LoginPage() {
  const { params } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, login] = useMutation(LoginMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await login({ username: username.trim(), password });
    if (result.data) {
      signIn(result.data.login.token);
      const next = params.get('next');
      // only a path of this site, never another origin
      navigate(next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/', true);
    }
  };
  return (
    <main className="login">
      <h1>关工委数据平台</h1>
      <form onSubmit={submit} aria-label="登录">
        <label>用户名<input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required /></label>
        <label>密码<input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
        {error && <p role="alert" className="error">{errorText(error)}</p>}
        <button type="submit" disabled={fetching}>{fetching ? '正在登录…' : '登录'}</button>
      </form>
    </main>
  );
}
