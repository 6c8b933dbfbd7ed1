// `npm run clickhouse:up`: two ClickHouse shards on loopback with our tables (cluster.ts).
import { defaultSpec, up } from './cluster';

up(defaultSpec()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
