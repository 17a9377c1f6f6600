import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { canReadEnps } from '../auth/session';
import { LanguageSwitcher } from './LanguageSwitcher';

export function AppHeader() {
  const { t } = useTranslation();
  const { session, logout } = useSession();
  return (
    <header className="app-header">
      <Link to="/" className="brand">Cairn</Link>
      <nav aria-label={t('header.mainNav')}>
        <Link to="/">{t('journeys.title')}</Link>
        {canReadEnps(session) && <Link to="/enps">{t('enps.title')}</Link>}
      </nav>
      <div className="header-end">
        <LanguageSwitcher />
        {session && (
          <>
            <span className="muted user">
              {t('header.signedInAs', { user: session.username, roles: session.roles.join(', ') })}
            </span>
            <button type="button" onClick={logout}>{t('header.signOut')}</button>
          </>
        )}
      </div>
    </header>
  );
}
