/** The signed-in user as the token's claims say (the server checks the token on every request; this is for the screen). */
export interface SessionUser {
  readonly userId: string;
  readonly name: string;
  readonly agencyId: string;
  readonly roles: readonly string[];
  readonly nip?: string;
}

export interface Session {
  readonly token: string;
  readonly user: SessionUser;
  readonly expiresAt: number;
}

const KEY = 'mutasi.session';
const listeners = new Set<() => void>();

function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/** The session a token opens: its user from the claims, its end from `exp`. */
export function sessionFromToken(token: string): Session {
  const c = claimsOf(token);
  const user: SessionUser = {
    userId: String(c.sub),
    name: typeof c.name === 'string' ? c.name : String(c.sub),
    agencyId: String(c.agencyId),
    roles: Array.isArray(c.roles) ? c.roles.map(String) : [],
    ...(typeof c.nip === 'string' ? { nip: c.nip } : {}),
  };
  return { token, user, expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : Date.now() + 3_600_000 };
}

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const s = JSON.parse(raw) as Session;
  if (s.expiresAt <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return s;
}

export function setSession(token: string): Session {
  const s = sessionFromToken(token);
  sessionStorage.setItem(KEY, JSON.stringify(s));
  listeners.forEach((l) => l());
  return s;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const hasRole = (s: Session | null, ...roles: string[]): boolean => s !== null && s.user.roles.some((r) => roles.includes(r));
