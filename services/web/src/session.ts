import { useSyncExternalStore } from 'react';

/**
 * The signed-in user's token, kept for the browser tab only (sessionStorage: closing the tab
 * signs out; another tab signs in on its own). The API checks it on every request; this is
 * only what the page sends.
 */
const KEY = 'ggw.token';
const listeners = new Set<() => void>();

export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signIn(token: string): void {
  sessionStorage.setItem(KEY, token);
  listeners.forEach((l) => l());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function useToken(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    currentToken,
  );
}
