import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from './SessionContext';
import { DEMO_USERS, LoginError } from './session';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';

export function LoginPage() {
  const { t } = useTranslation();
  const { session, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const target = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) {
    return <Navigate to={target} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(target, { replace: true });
    } catch (e) {
      if (e instanceof LoginError && e.kind !== 'refused') {
        setError(t(`login.${e.kind}`));
      } else {
        setError(e instanceof Error && e.message ? e.message : t('login.failed'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-top">
          <h1 className="brand">Cairn</h1>
          <LanguageSwitcher />
        </div>
        <p className="muted">{t('login.tagline')}</p>
        <form onSubmit={submit} noValidate>
          <label htmlFor="username">{t('login.username')}</label>
          <input id="username" name="username" autoComplete="username" value={username} required
            onChange={(e) => setUsername(e.target.value)} />
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" value={password} required
            onChange={(e) => setPassword(e.target.value)} />
          {error && <p role="alert" className="error">{error}</p>}
          <button type="submit" className="primary" disabled={busy || !username || !password}>
            {busy ? t('login.signingIn') : t('login.signIn')}
          </button>
        </form>
        <section aria-labelledby="demo-users" className="demo-users">
          <h2 id="demo-users">{t('login.demoUsers')}</h2>
          <p className="muted">{t('login.demoHint')}</p>
          <ul>
            {DEMO_USERS.map((user) => (
              <li key={user}>
                <button type="button" className="link" onClick={() => setUsername(user)}>
                  {user}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
