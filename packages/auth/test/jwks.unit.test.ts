import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import {
  createStaffVerifier,
  KeySetUnavailableError,
  StaffTokenError,
  type StaffVerifier,
} from '../src';
import { signHs256, staffClaims, testConfig } from './support';

const ISSUER = 'https://ansattporten.example.no';
const claims = () => staffClaims({ iss: ISSUER, sub: 'analyst-3', roles: ['analyst'] });

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

async function sign(key: SigningKey, typ?: string): Promise<string> {
  return new SignJWT(claims())
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...(typ === undefined ? {} : { typ }) })
    .sign(key.privateKey);
}

/** An identity provider's key set endpoint on 127.0.0.1; /broken answers 500. */
async function serveJwks(keys: JWK[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const ok = req.url === '/jwks';
    res.writeHead(ok ? 200 : 500, { 'content-type': 'application/json' });
    res.end(ok ? JSON.stringify({ keys }) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function oidcVerifier(jwksUrl: string): StaffVerifier {
  return createStaffVerifier(
    testConfig({ AUTH_ISSUER: ISSUER, AUTH_ALGORITHMS: 'RS256,ES256', AUTH_JWKS_URL: jwksUrl }),
  );
}

describe('createStaffVerifier with AUTH_JWKS_URL (OIDC)', () => {
  let rsa: SigningKey;
  let ec: SigningKey;
  let idp: { server: Server; url: string };
  let verifier: StaffVerifier;

  beforeAll(async () => {
    rsa = await signingKey('rsa-1', 'RS256');
    ec = await signingKey('ec-1', 'ES256');
    idp = await serveJwks([rsa.jwk, ec.jwk]);
    verifier = oidcVerifier(`${idp.url}/jwks`);
  });

  afterAll(async () => {
    await new Promise((resolve) => idp.server.close(resolve));
  });

  it('accepts tokens signed with the published keys, with or without typ at+jwt', async () => {
    const principal = { staffId: 'analyst-3', roles: ['analyst'] };
    await expect(verifier.verify(await sign(rsa))).resolves.toEqual(principal);
    await expect(verifier.verify(await sign(ec, 'at+jwt'))).resolves.toEqual(principal);
  });

  it('refuses an HS256 token when only RS256 and ES256 are allowed', async () => {
    // Signed with the local secret, which this configuration still holds: it must not matter.
    const token = await signHs256(claims());
    await expect(verifier.verify(token)).rejects.toThrow(/algorithm is not accepted/);
  });

  it('refuses a token signed by a key that is not published, even with a known kid', async () => {
    const impostor = await signingKey('rsa-1', 'RS256');
    await expect(verifier.verify(await sign(impostor))).rejects.toBeInstanceOf(StaffTokenError);
    const unknownKid = await signingKey('rsa-9', 'RS256');
    await expect(verifier.verify(await sign(unknownKid))).rejects.toBeInstanceOf(StaffTokenError);
  });

  it('refuses an ID token (typ JWT) used as an access token', async () => {
    await expect(verifier.verify(await sign(rsa, 'JWT'))).rejects.toThrow(/not an access token/);
  });

  it('reports an unavailable key set apart from bad tokens', async () => {
    const broken = oidcVerifier(`${idp.url}/broken`);
    await expect(broken.verify(await sign(rsa))).rejects.toBeInstanceOf(KeySetUnavailableError);
  });
});
