/**
 * jsdom with the web platform APIs it lacks but every supported browser has: fetch (and Request, Response, Headers),
 * TextEncoder/TextDecoder and WebCrypto's crypto.subtle (with Ed25519 on Node 20, as in current browsers). Node
 * implements the same standards, so tests get Node's.
 *
 * Those return Node's ArrayBuffer and Uint8Array, while jsdom's window has constructors of its own: `instanceof
 * Uint8Array` would then fail on bytes from TextEncoder or crypto.subtle, which never happens in a browser (one
 * realm). So the test realm uses Node's two constructors too, as jest's node environment does for the same reason.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder', 'ArrayBuffer', 'Uint8Array'];

class WebPlatformEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
    Object.defineProperty(this.global, 'crypto', { value: globalThis.crypto, configurable: true, writable: true });
  }
}

module.exports = WebPlatformEnvironment;
