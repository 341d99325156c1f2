// The university's OpenID Provider in the single sign-on tests: panva's oidc-provider (an OpenID Certified
// implementation), with its own signing keys, one confidential client for Adal, and the library's development
// log-in and consent pages (a person types a login; any password). Accounts: the login typed is the person's
// university login (preferred_username); "mail:<address>" signs in someone whose login Adal does not know, with
// that verified e-mail; "unverified:<address>" the same with an e-mail the provider did not verify.
// Usage: node server.mjs <port> <client id> <client secret> <redirect uris, comma-separated> [key id]
import Provider from 'oidc-provider';
import { generateKeyPairSync } from 'node:crypto';

const [port, clientId, clientSecret, redirects, kid = 'key-1'] = process.argv.slice(2);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };

function claimsOf(id) {
  if (id.startsWith('mail:')) return { email: id.slice(5), email_verified: true, preferred_username: 'ext-' + id.slice(5).split('@')[0] };
  if (id.startsWith('unverified:')) return { email: id.slice(11), email_verified: false, preferred_username: 'ext-' + id.slice(11).split('@')[0] };
  return { preferred_username: id, email: `${id}@university.example`, email_verified: true, name: id };
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: clientId, client_secret: clientSecret, redirect_uris: redirects.split(","),
    grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [jwk] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
  conformIdTokenClaims: false,   // the scope's claims in the ID token itself, as Adal reads them from there
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, ...claimsOf(id) }; } };
  },
  pkce: { required: () => true },
  cookies: { keys: ['adal-test-only-cookie-key'] },
  features: { devInteractions: { enabled: true } },
});
provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider listening on ${port} (key ${kid})`));
