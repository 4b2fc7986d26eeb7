/**
 * What stands between the network and the store: the token (every request, when one is set), a CSRF token on every
 * state-changing request, a Host check against DNS rebinding while bound to loopback, and headers that keep pages to
 * this origin (strict CSP: scripts and styles only from /assets, no inline code, no request to another host).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { UserError } from '../errors.ts';

export const TOKEN_COOKIE = 'cloudwarden_token';
export const CSRF_FIELD = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Refuses a listening address that other machines reach unless a token guards it. */
export function requireTokenFor(host: string, token: string | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new UserError(
      `refusing to listen on ${host} without a token: anyone who reaches the port could read and accept findings (give --token or CLOUDWARDEN_TOKEN, or keep --host 127.0.0.1)`,
      { field: '--host' },
    );
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A fresh CSRF token for one server process: pages carry it, and another site cannot read a page to learn it. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

/** While bound to loopback, a page on another site that rebinds its name to 127.0.0.1 still sends its own Host. */
export function loopbackHostOnly(bound: string): MiddlewareHandler {
  return async (c, next) => {
    if (isLoopback(bound)) {
      // the node adapter builds the request URL from the Host header
      if (!isLoopback(new URL(c.req.url).hostname)) return c.text('this dashboard answers only to localhost', 421);
    }
    return next();
  };
}

/**
 * With a token: `Authorization: Bearer T`, or the cookie a visit to any page with `?token=T` sets (the URL is then
 * reloaded without it, so it does not stay in the history or the address bar).
 */
export function tokenAuth(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const url = new URL(c.req.url);
    const login = url.searchParams.get('token');
    if (login !== null && c.req.method === 'GET') {
      if (!sameSecret(login, token)) return c.text('wrong token', 401);
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    const bearer = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const given = bearer ?? getCookie(c, TOKEN_COOKIE);
    if (given === undefined || !sameSecret(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="cloudwarden"');
      return c.text('a token is required: open the dashboard with ?token=… or send Authorization: Bearer …', 401);
    }
    return next();
  };
}

/**
 * Every request that changes something is a POST carrying the CSRF token (form field or header); the browser's
 * Origin, when it sends one, must be this server's.
 */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function csrfGuard(csrf: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.method !== 'POST') return c.text('method not allowed', 405);
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && hostOf(origin) !== new URL(c.req.url).host) {
      return c.text('cross-origin request refused', 403);
    }
    let given = c.req.header(CSRF_HEADER);
    if (given === undefined && (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      const field = (await c.req.parseBody())[CSRF_FIELD];
      given = typeof field === 'string' ? field : undefined;
    }
    if (given === undefined || !sameSecret(given, csrf)) return c.text('missing or wrong CSRF token', 403);
    return next();
  };
}
