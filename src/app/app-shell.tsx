import { NavLink, Outlet } from 'react-router';
import { ActingAsSwitcher } from './acting-as-switcher.tsx';
import { LogoMark } from './icons.tsx';
import { NotificationCenter } from './notification-center.tsx';
import { ResetDemoButton } from './reset-demo-button.tsx';

export interface AppShellProps {
  /** Whether the mock backend runs the scale seed (`?scale=large`). */
  scale: boolean;
}

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'app-nav__link app-nav__link--active' : 'app-nav__link';
}

/** The frame of every page: the product name, navigation, who is acting, the bell and the demo controls. */
export function AppShell({ scale }: AppShellProps) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/" className="brand" aria-label="Sharewell, home">
            <LogoMark />
            <span className="brand__name">Sharewell</span>
          </NavLink>
          <nav className="app-nav" aria-label="Main">
            <NavLink to="/" end className={navClass}>
              Assets
            </NavLink>
            <NavLink to="/outbox" className={navClass}>
              Outbox
            </NavLink>
            <NavLink to="/gallery" className={navClass}>
              Gallery
            </NavLink>
          </nav>
          <div className="app-header__actions">
            <ActingAsSwitcher />
            <NotificationCenter />
          </div>
        </div>
      </header>
      <div className="demo-bar">
        <div className="demo-bar__inner">
          <p className="demo-bar__text">
            <span className="demo-bar__badge">Demo</span>
            Demo data lives in your browser and survives reloads.
            {scale ? (
              <strong className="demo-bar__scale">
                {' '}
                Scale seed: 100,000 people, datasets with up to 10,000 grants
              </strong>
            ) : null}
          </p>
          <ResetDemoButton />
        </div>
      </div>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
