// A real OpenID Connect provider on loopback for MOIN Forum's sign-in tests.
//
// It is the npm package oidc-provider (v9, a certified implementation) with
// its development login and consent pages ("devInteractions"), a throw-away
// signing key made at start, and accounts made up from the login name typed
// into the login form. See README.md beside this file.
//
// Configuration, later sources win:
//   1. the JSON object in the environment variable MOIN_OIDC_PROVIDER_CONFIG;
//   2. --config '<JSON object>' (same shape);
//   3. --port N and --client '<JSON client>' (repeatable; replaces the list).
// The JSON object: {"port": 0, "clients": [{"client_id": "...",
//   "client_secret": "...", "redirect_uris": ["http://127.0.0.1:8000/cb"]}],
//   "ttl": {"AccessToken": 600, ...}, "jwks": {"keys": [<private JWK>]}}
//
// Once listening it prints exactly one line on stdout:
//   {"issuer":"http://127.0.0.1:PORT","port":PORT}
// Everything else (oidc-provider's notices, errors) goes to stderr.
// It exits on SIGTERM, SIGINT, or when its stdin reaches end-of-file
// (pass --no-stdin-watch to run it by hand with stdin closed).

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

// oidc-provider writes some notices with console.info, i.e. to stdout. Our
// stdout carries only the issuer line, so send those to stderr. This has to
// happen before the package is loaded, hence the dynamic import below.
console.info = (...args) => console.error(...args);

const HOST = '127.0.0.1';
const ENV_NAME = 'MOIN_OIDC_PROVIDER_CONFIG';

function fail(message) {
  console.error(`provider.mjs: ${message}`);
  process.exit(2);
}

function parseJson(text, where) {
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(`${where} is not valid JSON: ${err.message}`);
  }
}

function readConfig() {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      client: { type: 'string', multiple: true },
      'no-stdin-watch': { type: 'boolean', default: false },
    },
    strict: true,
  });

  let config = {};
  if (process.env[ENV_NAME]) {
    config = { ...config, ...parseJson(process.env[ENV_NAME], ENV_NAME) };
  }
  if (values.config) {
    config = { ...config, ...parseJson(values.config, '--config') };
  }
  if (values.port !== undefined) {
    config.port = values.port;
  }
  if (values.client) {
    config.clients = values.client.map((text) => parseJson(text, '--client'));
  }
  if (values['no-stdin-watch']) {
    config.watchStdin = false;
  }

  const port = Number(config.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`port must be an integer from 0 to 65535, got ${JSON.stringify(config.port)}`);
  }
  const clients = (config.clients ?? []).map(normaliseClient);
  if (clients.length === 0) {
    fail(`no clients configured (give "clients" in ${ENV_NAME} or --config, or --client)`);
  }
  return {
    port,
    clients,
    ttl: config.ttl ?? {},
    jwks: config.jwks,
    watchStdin: config.watchStdin ?? true,
  };
}

// A client is oidc-provider client metadata (snake_case). Missing pieces:
// redirect_uri (one string) may stand for redirect_uris; without a
// client_secret the client is public (token_endpoint_auth_method "none").
function normaliseClient(raw) {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail(`a client must be a JSON object, got ${JSON.stringify(raw)}`);
  }
  const { redirect_uri: redirectUri, ...client } = raw;
  if (typeof client.client_id !== 'string' || client.client_id === '') {
    fail(`a client needs a client_id: ${JSON.stringify(raw)}`);
  }
  if (client.redirect_uris === undefined && redirectUri !== undefined) {
    client.redirect_uris = [redirectUri];
  }
  if (!Array.isArray(client.redirect_uris) || client.redirect_uris.length === 0) {
    fail(`client ${client.client_id} needs redirect_uris`);
  }
  if (client.client_secret === undefined || client.client_secret === null) {
    delete client.client_secret;
    client.token_endpoint_auth_method ??= 'none';
  }
  return client;
}

// ---- accounts ---------------------------------------------------------------
// The login name typed into the login form is the account id. oidc-provider
// requires the account id to stay exactly that string, so the opaque `sub`
// is made by the pairwiseIdentifier hook below (every client is "pairwise",
// but the hook ignores the client: one login has one sub everywhere, stable
// across restarts). Keep in step with expected_sub() in ../oidc_provider.py.
function subFor(login) {
  return `sub-${createHash('sha256').update(`moin-test-oidc:${login}`).digest('hex').slice(0, 32)}`;
}

// "bob.smith@acme.example" -> "Bob Smith"; "unverified-carol@x" -> "Carol".
function nameFor(login) {
  const local = login.split('@')[0].replace(/^unverified-/, '');
  const words = local.split(/[._+-]+/).filter(Boolean);
  if (words.length === 0) {
    return login;
  }
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
}

function claimsFor(login) {
  const claims = { name: nameFor(login) };
  // A login without "@" is an account without an e-mail address.
  if (login.includes('@')) {
    claims.email = login;
    claims.email_verified = !login.startsWith('unverified-');
  }
  return claims;
}

async function findAccount(ctx, id) {
  return {
    accountId: id,
    // oidc-provider filters these by the granted scopes and claims, and
    // replaces `sub` with the account id (then with subFor via pairwise).
    async claims() {
      return { sub: id, ...claimsFor(id) };
    },
  };
}

// ---- keys -------------------------------------------------------------------
function b64url(buffer) {
  return Buffer.from(buffer).toString('base64url');
}

function freshSigningKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  // RFC 7638 thumbprint as the kid.
  const thumbprint = createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest();
  return { ...jwk, kid: b64url(thumbprint), use: 'sig', alg: 'RS256' };
}

// ---- the provider -----------------------------------------------------------
function renderError(ctx, out) {
  // Plain, with no external fonts; tests read the JSON in <pre id="error">.
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  ctx.type = 'html';
  ctx.body = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>oidc-provider error</title></head>
<body><h1>oidc-provider error</h1>
<pre id="error">${escape(JSON.stringify(out, null, 2))}</pre>
</body></html>`;
}

const DEFAULT_TTL = {
  AccessToken: 600,
  AuthorizationCode: 60,
  BackchannelAuthenticationRequest: 600,
  ClientCredentials: 600,
  DeviceCode: 600,
  Grant: 3600,
  IdToken: 600,
  Interaction: 600,
  PreAuthorizedCode: 600,
  RefreshToken: 3600,
  Session: 3600,
};

function providerConfiguration(settings) {
  return {
    clients: settings.clients,
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    // Profile claims go into the ID token too, not only to userinfo.
    conformIdTokenClaims: false,
    // PKCE (S256, the only method v9 knows) for every client, confidential too.
    pkce: { required: () => true },
    // The authorization request must name its redirect_uri (OIDC Core 3.1.2.1).
    allowOmittingSingleRegisteredRedirectUri: false,
    subjectTypes: ['pairwise'],
    pairwiseIdentifier: (ctx, accountId) => subFor(accountId),
    findAccount,
    jwks: settings.jwks ?? { keys: [freshSigningKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { ...DEFAULT_TTL, ...settings.ttl },
    features: {
      devInteractions: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    clientBasedCORS: () => false,
    renderError,
  };
}

function logEvents(provider) {
  const events = [
    'server_error', 'authorization.error', 'grant.error', 'userinfo.error',
    'end_session.error', 'introspection.error', 'revocation.error',
    'check_session_origin.error', 'discovery.error', 'jwks.error',
  ];
  for (const event of events) {
    provider.on(event, (ctx, err) => {
      const detail = err.error_detail ? ` (${err.error_detail})` : '';
      const description = err.error_description ?? err.message;
      console.error(`provider.mjs: ${event}: ${err.error ?? err.name}: ${description}${detail}`);
      if (event === 'server_error') {
        console.error(err.stack);
      }
    });
  }
}

async function main() {
  const settings = readConfig();
  const { default: Provider } = await import('oidc-provider');

  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, HOST, resolve);
  });
  const { port } = server.address();
  const issuer = `http://${HOST}:${port}`;

  const provider = new Provider(issuer, providerConfiguration(settings));
  logEvents(provider);
  server.on('request', provider.callback());

  let stopping = false;
  const stop = (why) => {
    if (stopping) return;
    stopping = true;
    console.error(`provider.mjs: stopping (${why})`);
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (settings.watchStdin) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }

  process.stdout.write(`${JSON.stringify({ issuer, port })}\n`);
}

main().catch((err) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
