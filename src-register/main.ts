import { ConfigError, startRegister } from './server.js';
import { USAGE, UsageError, parseRegisterArgs } from './cli-config.js';
import { redactUrl } from './db/index.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseRegisterArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`register: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (!config) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let register;
  try {
    register = await startRegister(config);
  } catch (error) {
    process.stderr.write(`register: ${(error as Error).message}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
  process.stdout.write(`register listening on ${register.url} (db ${redactUrl(config.db)})\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    register
      .close()
      .then(() => process.exit(0))
      .catch((error: Error) => {
        process.stderr.write(`register: error while stopping on ${signal}: ${error.message}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
