import { AnchorHTMLAttributes, MouseEvent, useSyncExternalStore } from 'react';

/**
 * The few routes of the dashboard, in the address bar (so a link can be bookmarked, typed and
 * opened in a new tab): /login, /org/<code>?period=, /org/<code>/entry/<kind>, /org/<code>/review.
 */
const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export interface Location {
  path: string;
  params: URLSearchParams;
}

let last: { href: string; location: Location } | null = null;

/** The current address, the same object until it changes (as useSyncExternalStore needs). */
function snapshot(): Location {
  if (last?.href !== location.href) last = { href: location.href, location: { path: location.pathname, params: new URLSearchParams(location.search) } };
  return last.location;
}

export function useLocation(): Location {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, snapshot);
}

/** An ordinary link that the page follows itself (a middle click still opens a new tab). */
export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}
