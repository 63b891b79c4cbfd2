// The BullMQ peer of the runtime benchmark: N no-op jobs added one at a time by P producers (one Queue connection
// each) and processed by one Worker of concurrency C, on the given Redis. Prints "START" when the measured phase
// begins and "END <json>" when every job completed or the time limit passed, so the caller can read CPU around it.
// Usage: node bench.mjs <redis port> <jobs> <producers> <concurrency> <warm-up jobs> <limit seconds>
import { Queue, Worker } from 'bullmq';

const [port, jobs, producers, concurrency, warmup, limitSeconds] = process.argv.slice(2).map(Number);
const connection = { host: '127.0.0.1', port };
const name = `genesis-bench-${process.pid}-${Date.now()}`;
const payload = { kind: 'noop', content: {}, tenant_id: 'default', source: 'benchmark' };

let completed = 0;
let target = 0;
let onTarget = () => {};
const worker = new Worker(name, async () => {}, { connection, concurrency, autorun: false });
worker.on('completed', () => {
  completed++;
  if (completed >= target) {
    onTarget();
  }
});
worker.on('error', (e) => console.error('worker error: ' + e.message));
const queues = Array.from({ length: producers }, () => new Queue(name, { connection }));

async function burst(count) {
  const startCompleted = completed;
  target = startCompleted + count;
  const done = new Promise((resolve) => { onTarget = resolve; });
  const started = process.hrtime.bigint();
  const deadline = Date.now() + limitSeconds * 1000;
  let next = 0;
  await Promise.all(queues.map(async (queue) => {
    while (Date.now() < deadline) {
      const i = next++;
      if (i >= count) {
        return;
      }
      await queue.add('noop', payload);
    }
  }));
  let timer;
  const limit = new Promise((resolve) => { timer = setTimeout(resolve, Math.max(0, deadline - Date.now())); });
  await Promise.race([done, limit]);
  clearTimeout(timer);
  const finished = process.hrtime.bigint();
  return {
    jobs: completed - startCompleted,
    complete: completed - startCompleted >= count,
    nanos: Number(finished - started),
  };
}

try {
  worker.run();
  await worker.waitUntilReady();
  await Promise.all(queues.map((queue) => queue.waitUntilReady()));
  await burst(warmup);
  console.log('START');
  const result = await burst(jobs);
  console.log('END ' + JSON.stringify(result));
} finally {
  await worker.close(true);
  await queues[0].obliterate({ force: true }).catch((e) => console.error('cleanup: ' + e.message));
  await Promise.all(queues.map((queue) => queue.close()));
}
