/**
 * `/masuk-token`: signs this browser in to the web app with a token the person already holds, for local
 * deployments without an identity provider (`npm run start:distributed` and docker-compose write a token per demo
 * user into .data/distributed/tokens.json; distributed mode has no dev sign-in). The page only stores the token
 * where the web app keeps its session; every API request is still verified by the services. Served by the gateway
 * when GATEWAY_TOKEN_SIGN_IN=true; a production deployment signs in with OpenID Connect instead (docs/sign-in.md).
 */

/** Where the web app keeps its session (apps/web/src/auth/session.ts); token-sign-in.spec.ts there holds them equal. */
export const SESSION_STORAGE_KEY = 'mutasi.session';

/**
 * Browser code: the session the web app opens for a token (as its `sessionFromToken`), refusing what is not a
 * Mutasi token or has expired. Kept as source text because it runs in the page, not in the gateway.
 */
export const SESSION_OF_TOKEN = String.raw`function sessionOfToken(token, now) {
  var part = token.split('.')[1] || '';
  var claims;
  try {
    var binary = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, function (c) { return c.charCodeAt(0); })));
  } catch (e) {
    throw new Error('Ini bukan token: salin satu nilai dari tokens.json, tanpa tanda kutip.');
  }
  if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) throw new Error('Token ini tidak memuat pengguna Mutasi (sub, roles).');
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) throw new Error('Token ini sudah kedaluwarsa: jalankan npm run start:distributed lagi untuk token baru.');
  var user = { userId: String(claims.sub), name: typeof claims.name === 'string' ? claims.name : String(claims.sub), agencyId: String(claims.agencyId), roles: claims.roles.map(String) };
  if (typeof claims.nip === 'string') user.nip = claims.nip;
  return { token: token, user: user, expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : now + 3600000 };
}`;

/** The page's script (/masuk-token.js): a token from the form, or from the link's fragment `#token=…`. */
export const TOKEN_SIGN_IN_SCRIPT = `'use strict';
(function () {
  var sessionOf = ${SESSION_OF_TOKEN};
  var form = document.getElementById('masuk');
  var field = document.getElementById('token');
  var problem = document.getElementById('masalah');
  function signIn(token) {
    try {
      sessionStorage.setItem(${JSON.stringify(SESSION_STORAGE_KEY)}, JSON.stringify(sessionOf(token.trim(), Date.now())));
      location.replace('/app/');
    } catch (e) {
      problem.textContent = e.message;
      problem.hidden = false;
    }
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    signIn(field.value);
  });
  // A fragment never reaches a server or its logs; it is removed from the address bar before anything else.
  var fragment = /^#token=(.+)$/.exec(location.hash);
  if (fragment) {
    history.replaceState(null, '', location.pathname);
    signIn(decodeURIComponent(fragment[1]));
  }
})();
`;

export const TOKEN_SIGN_IN_HTML = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk dengan token — Mutasi</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
  textarea { width: 100%; min-height: 8rem; font-family: monospace; }
  button { margin-top: .75rem; padding: .5rem 1.25rem; font-size: 1rem; }
  .masalah { color: #a00; }
</style>
</head>
<body>
<main>
<h1>Masuk dengan token</h1>
<p>Mode terdistribusi tidak punya tombol pengguna demo. Salin token seorang pengguna dari
<code>.data/distributed/tokens.json</code> (ditulis oleh <code>npm run start:distributed</code> atau
<code>npm run compose:env</code>, berlaku 12 jam) dan tempel di sini.</p>
<form id="masuk">
<label for="token">Token (JWT)</label>
<textarea id="token" name="token" required autocomplete="off" spellcheck="false"></textarea>
<p id="masalah" class="masalah" role="alert" hidden></p>
<button type="submit">Masuk</button>
</form>
</main>
<script src="/masuk-token.js"></script>
</body>
</html>
`;

/** Scripts from this origin only, no inline script: the page handles a bearer token. */
export const TOKEN_SIGN_IN_CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
