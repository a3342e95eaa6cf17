/**
 * The bearer token of this browser tab: kept in sessionStorage only (gone when the tab closes,
 * never in localStorage, a cookie or a URL), shared by the dashboard and the explorer.
 */
const KEY = 'breach-impact.token';

/** The token signed in with, or null. */
export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Keeps `token` for this browser session; null signs out. */
export function writeToken(token: string | null): void {
  if (token === null || token.trim() === '') sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token.trim());
}
