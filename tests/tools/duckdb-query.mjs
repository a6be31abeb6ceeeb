// Runs SQL statements in an in-memory DuckDB and prints the last statement's result as JSON:
//   node duckdb-query.mjs "<sql>"   ->  {"columns":[...],"types":[...],"rows":[[...],...]}
// Tests use DuckDB as an independent Parquet reader and writer. BIGINT and other wide values come back as
// strings and non-finite doubles as "NaN"/"Infinity"/"-Infinity" (DuckDB's JSON conversion), so nothing is
// rounded on the way.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// The package lives in the tools folder (the working directory), not beside this script.
const entry = createRequire(process.cwd() + '/').resolve('@duckdb/node-api');
const { DuckDBInstance } = await import(pathToFileURL(entry).href);

const sql = process.argv[2];
if (!sql) {
  console.error('usage: node duckdb-query.mjs "<sql>"');
  process.exit(2);
}
try {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(sql);
  process.stdout.write(JSON.stringify({
    columns: reader.columnNames(),
    types: reader.columnTypes().map(t => t.toString()),
    rows: reader.getRowsJson(),
  }));
} catch (e) {
  console.error(String(e?.message ?? e));
  process.exit(1);
}
