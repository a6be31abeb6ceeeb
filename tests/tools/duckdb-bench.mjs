// Times DuckDB writing and reading a table of metric rows as Parquet (SNAPPY), inside one process, so Node and
// DuckDB start-up are not counted:
//   node duckdb-bench.mjs [rows.parquet] [iterations]   (run with the tools folder, .tools/duckdb, as cwd)
// The rows come from rows.parquet, by default the file the .NET benchmark (ParquetMetricsBenchmarks) leaves in
// $TMPDIR/touchstone-bench/metrics-1m.parquet; they are loaded into an in-memory table first.
//   write: COPY metrics TO '<tmp>.parquet' (FORMAT parquet, COMPRESSION snappy), as DuckDB does by default (it
//          adds bloom filters), and with WRITE_BLOOM_FILTER false (like Touchstone.Parquet, which writes none)
//   read:  CREATE TEMP TABLE back AS SELECT * FROM read_parquet(...)  -- materialises every column, so all are decoded
//   scan:  SELECT sum(hash(<every column>)) FROM read_parquet(...)    -- decodes every column without storing it
// Each is timed with DuckDB's default thread count and with SET threads=1. Prints JSON with the median, min and
// every sample in milliseconds.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync, rmSync } from 'node:fs';

const entry = createRequire(process.cwd() + '/').resolve('@duckdb/node-api');
const { DuckDBInstance, version } = await import(pathToFileURL(entry).href);

const source = process.argv[2] ?? join(process.env.TMPDIR ?? tmpdir(), 'touchstone-bench', 'metrics-1m.parquet');
const iterations = Number(process.argv[3] ?? 15);
if (!existsSync(source)) {
  console.error(`no rows at ${source}: run the ParquetMetricsBenchmarks first, or pass a Parquet file`);
  process.exit(2);
}
const quote = s => `'${s.replaceAll("'", "''")}'`;
const output = join(tmpdir(), `duckdb-bench-${process.pid}.parquet`);

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const scalar = async sql => (await connection.runAndReadAll(sql)).getRows()[0][0];

await connection.run(`CREATE TABLE metrics AS SELECT * FROM read_parquet(${quote(source)})`);
const rows = Number(await scalar('SELECT count(*) FROM metrics'));
const defaultThreads = Number(await scalar("SELECT current_setting('threads')"));

async function time(sql, before) {
  const samples = [];
  for (let i = 0; i < iterations + 1; i++) {
    if (before) await connection.run(before);
    const start = performance.now();
    await connection.run(sql);
    const elapsed = performance.now() - start;
    if (i > 0) samples.push(elapsed); // the first run warms caches and is dropped
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median_ms: median, min_ms: sorted[0], samples_ms: samples.map(s => Math.round(s * 10) / 10) };
}

const results = [];
for (const threads of [defaultThreads, 1]) {
  await connection.run(`SET threads=${threads}`);
  const write = await time(`COPY metrics TO ${quote(output)} (FORMAT parquet, COMPRESSION snappy)`);
  const writeNoBloom = await time(`COPY metrics TO ${quote(output)} (FORMAT parquet, COMPRESSION snappy, WRITE_BLOOM_FILTER false)`);
  const read = await time(
    `CREATE TEMP TABLE back AS SELECT * FROM read_parquet(${quote(output)})`,
    'DROP TABLE IF EXISTS back');
  const readSource = await time(
    `CREATE TEMP TABLE back AS SELECT * FROM read_parquet(${quote(source)})`,
    'DROP TABLE IF EXISTS back');
  const scan = await time(
    `SELECT sum(hash(run_id, suite, variant, seed, profile, split, metric, value, step)) FROM read_parquet(${quote(source)})`);
  results.push({ threads, write, write_no_bloom_filter: writeNoBloom, read_own_file: read, read_source_file: readSource, scan_source_file: scan });
}
rmSync(output, { force: true });
process.stdout.write(JSON.stringify({ duckdb: version(), rows, default_threads: defaultThreads, iterations, results }, null, 2) + '\n');
