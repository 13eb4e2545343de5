// Starts the service: read configuration once, fail fast with one clear line, stop cleanly on signals.
import { loadDotEnv, parseConfig, ConfigError } from './config/config.js';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Loaded only after the configuration is valid, so a bad value fails fast without loading the SDKs.
  const { startService } = await import('./service.js');
  const service = await startService(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const hardStop = setTimeout(() => process.exit(1), 10_000);
    hardStop.unref();
    void service.stop().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`shutdown after ${signal} failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  process.stderr.write(`Start failed: ${error.message}\n`);
  process.exit(1);
});
