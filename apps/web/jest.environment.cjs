/**
 * jsdom with the web platform APIs it lacks but every supported browser has: fetch (and Request, Response, Headers),
 * TextEncoder/TextDecoder and WebCrypto's crypto.subtle. Node implements the same standards, so tests get Node's.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder'];

class WebPlatformEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
    Object.defineProperty(this.global, 'crypto', { value: globalThis.crypto, configurable: true, writable: true });
  }
}

module.exports = WebPlatformEnvironment;
