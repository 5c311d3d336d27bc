/**
 * A user at the test provider, without a browser: follows its redirects keeping its cookies, fills the
 * development login form (the login is the user id, any password) and the consent form, and stops where the
 * provider sends the browser back to the web app.
 */
export async function passProviderLogin(authorizationUrl: string, userId: string, redirectUri: string): Promise<string> {
  const cookies = new CookieJar();
  let request: { url: string; form?: URLSearchParams } = { url: authorizationUrl };
  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: cookies.header(request.url), ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(request.form ? { body: request.form.toString() } : {}),
    });
    cookies.store(request.url, response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, request.url).toString();
      if (next.startsWith(`${redirectUri}?`)) return next;
      request = { url: next };
      continue;
    }
    const page = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>[\s\S]*?name="prompt" value="(login|consent)"/.exec(page);
    if (response.status !== 200 || !form?.[1]) throw new Error(`the provider answered ${response.status} at ${request.url}:\n${page.slice(0, 800)}`);
    const action = new URL(form[1].replace(/&amp;/g, '&'), request.url).toString();
    request = { url: action, form: new URLSearchParams(form[2] === 'login' ? { prompt: 'login', login: userId, password: 'any' } : { prompt: 'consent' }) };
  }
  throw new Error(`no way back to ${redirectUri} after 12 steps at the provider`);
}

/** Enough of RFC 6265 for one host: cookies by name and path, dropped when expired. */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(requestUrl: string, setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? new URL(requestUrl).pathname.replace(/\/[^/]*$/, '/');
      const expires = attribute('expires');
      const gone = attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) this.cookies.delete(`${name} ${path}`);
      else this.cookies.set(`${name} ${path}`, { name, value, path });
    }
  }

  header(requestUrl: string): string {
    const { pathname } = new URL(requestUrl);
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}
