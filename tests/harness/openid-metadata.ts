// A local stand-in for login.botframework.com: an OpenID configuration and its JWKS with RSA keys made
// here, so tests can sign Bot Framework channel tokens the service must accept, and forge ones it must not.
// Point the adapter at `url` (createAdapter's channelOpenIdMetadataUrl test option).
import http from 'node:http';
import crypto from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  /** Channels this key may sign for; botbuilder refuses a token whose activity's channelId is not among them. */
  endorsements: string[];
}

export class OpenIdMetadataServer {
  private server?: http.Server;
  private readonly keys: SigningKey[] = [];
  /** Requests served, by path: shows that the service really read its keys from here. */
  readonly requests: string[] = [];
  /** The OpenID configuration document's URL. */
  url = '';

  /** Generates a key pair and publishes its public half under `kid`. */
  addKey(kid: string, endorsements: string[]): SigningKey {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = { kid, privateKey, publicKey, endorsements };
    this.keys.push(key);
    return key;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const base = `http://${req.headers.host}`;
      const path = new URL(req.url ?? '/', base).pathname;
      this.requests.push(path);
      const send = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path === '/v1/.well-known/openidconfiguration') {
        send({
          issuer: 'https://api.botframework.com',
          authorization_endpoint: 'https://invalid.botframework.com',
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      } else if (path === '/v1/.well-known/keys') {
        send({
          keys: this.keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', endorsements: k.endorsements })),
        });
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1/.well-known/openidconfiguration`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
