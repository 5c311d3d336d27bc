#!/usr/bin/env node
'use strict';
/**
 * A real Apache Kafka broker for development, run in the foreground:
 *
 *   node scripts/kafka.js start
 *
 * Listens on 127.0.0.1:$KAFKA_PORT (default 9092; controller on $KAFKA_CONTROLLER_PORT, default port+1) and keeps
 * its data in .data/kafka ($KAFKA_DATA_DIR) between runs. Ctrl-C stops it cleanly. The first run fetches the
 * broker's jars from Maven Central (needs Java 17+ and Maven). See libs/local-infra/src/local-kafka.ts.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** The TypeScript sources transpiled on the fly when `typescript` is installed (always current), else the build. */
function loadLocalKafka() {
  let ts;
  try {
    ts = require('typescript');
  } catch {
    const built = path.join(root, 'dist/libs/local-infra/src/local-kafka.js');
    if (!fs.existsSync(built)) throw new Error(`Neither the typescript package nor ${built} (npm run build) is available`);
    return require(built);
  }
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    module._compile(outputText, filename);
  };
  return require(path.join(root, 'libs/local-infra/src/local-kafka.ts'));
}

async function start() {
  const port = Number(process.env.KAFKA_PORT || 9092);
  const controllerPort = Number(process.env.KAFKA_CONTROLLER_PORT || port + 1);
  const dataDir = path.resolve(process.env.KAFKA_DATA_DIR || path.join(root, '.data', 'kafka'));
  const { startLocalKafka } = loadLocalKafka();

  const kafka = await startLocalKafka({ port, controllerPort, dataDir, log: (line) => console.log(line) });
  console.log(`Kafka broker ready on ${kafka.brokers.join(',')}`);
  console.log(`  data: ${path.relative(process.cwd(), dataDir) || '.'}, log: ${path.relative(process.cwd(), kafka.logFile)}; Ctrl-C to stop`);

  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) {
      console.error('Stopping already; exiting now (the broker is killed with this process).');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping Kafka...`);
    kafka.stop().then(
      () => {
        console.log('Kafka stopped.');
        process.exit(0);
      },
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // If the broker dies on its own, say so and exit non-zero.
  setInterval(() => {
    if (!stopping && !kafka.running) {
      console.error(`Kafka exited unexpectedly; see ${kafka.logFile}`);
      process.exit(1);
    }
  }, 1000);
}

const command = process.argv[2];
if (command === 'start') {
  start().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
} else {
  console.error('Usage: node scripts/kafka.js start   (env: KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_DATA_DIR)');
  process.exit(command ? 1 : 0);
}
