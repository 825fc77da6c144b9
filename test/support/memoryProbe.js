/* eslint-disable @typescript-eslint/no-require-imports -- `node -r` preloads CommonJS */
// Preloaded (`node --expose-gc -r`) into a bot whose memory a test compares: on SIGUSR2 it collects every piece of
// garbage and logs the bytes still held (JavaScript heap and buffers), so the test compares what the bot keeps, not
// resident pages, which the allocator and the collector give back when they please. A buffer's memory is freed after
// the collection that finds it unreachable, and sockets just closed let go of theirs a moment later: so it collects a
// few times, a little apart.
const { setTimeout } = require('node:timers');

const COLLECTIONS = 3;
const APART_MS = 100;

process.on('SIGUSR2', () => {
  const collect = (left) => {
    globalThis.gc();
    if (left > 1) return setTimeout(() => collect(left - 1), APART_MS);
    const { heapUsed, external } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ message: 'memory held', heapUsed, external })}\n`);
  };
  collect(COLLECTIONS);
});
