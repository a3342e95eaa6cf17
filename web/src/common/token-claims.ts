/** What the dashboard reads from a token to pick a view (the server verifies it; this does not). */
export interface TokenClaims {
  role: string | undefined;
  org: string | undefined;
  exp: number | undefined;
}

/** The unverified payload of a JWT, or null when it is not shaped like one. */
export function readClaims(token: string): TokenClaims | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const payload = JSON.parse(json) as Record<string, unknown>;
    return {
      role: typeof payload.role === 'string' ? payload.role : undefined,
      org: typeof payload.org === 'string' ? payload.org : undefined,
      exp: typeof payload.exp === 'number' ? payload.exp : undefined,
    };
  } catch {
    return null;
  }
}
