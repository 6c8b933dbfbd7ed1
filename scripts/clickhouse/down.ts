// `npm run clickhouse:down`: stops the shards `clickhouse:up` started, and nothing else.
import { defaultSpec, down } from './cluster';

down(defaultSpec()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
