/**
 * The jest configuration Stryker runs (npm run test:mutation): the `domain` and `integrity` projects of
 * jest.config.js merged into one config, because the Stryker jest runner instruments one config's test
 * environment for per-test coverage and does not reach into `projects`. Both projects share every setting
 * except where their specs live, so the merge changes nothing but the test match.
 */
const { projects } = require('./jest.config.js');

const mutated = ['domain', 'integrity'].map((name) => {
  const found = projects.find((p) => p.displayName === name);
  if (!found) throw new Error(`jest.config.js has no project named ${name}`);
  return found;
});

const { displayName: _name, testMatch: _match, ...shared } = mutated[0];

module.exports = {
  ...shared,
  testMatch: mutated.flatMap((p) => p.testMatch),
  testTimeout: 60_000,
};
