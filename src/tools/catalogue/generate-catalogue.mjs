#!/usr/bin/env node
// Generates resources/catalogue/directives.tsv and resources/catalogue/NOTICE from the npm package
// @nginx/reference-lib (Apache-2.0, generated from the official nginx documentation).
//
// Usage: node src/tools/catalogue/generate-catalogue.mjs [PACKAGE_DIR]
//   PACKAGE_DIR is an unpacked package (the folder holding package.json and dist/); without it the
//   script runs `npm pack @nginx/reference-lib` in a fresh temporary directory outside the repository.
//
// Only facts are kept (name, module, contexts, syntax, default, block or not, edition, the version it
// appeared in) plus a link to the directive's section on nginx.org; the descriptions are not copied.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE = '@nginx/reference-lib';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = join(repoRoot, 'resources', 'catalogue');

function fetchPackage() {
  const work = mkdtempSync(join(tmpdir(), 'nginx-reference-lib-'));
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work, encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', tarball.split('\n').pop()], { cwd: work });
  return join(work, 'package');
}

// The docs name contexts per module family: "server" is an http, stream or mail server depending on
// the module. We write Handshake's scope labels (ScopeKind.label()), plus "if-in-location" (nginx's
// "if in location", as opposed to "if", which also allows server-level if), "any" (include) and the
// NGINX Plus block contexts kept by name.
function family(module) {
  if (module === 'Core functionality') return 'core';
  const match = /^ngx_(http|stream|mail)_/.exec(module);
  if (match) return match[1];
  if (module === 'ngx_otel_module') return 'http';
  return 'other';
}

const SERVER = { http: ['server'], stream: ['stream-server'], mail: ['mail-server'],
  core: ['server', 'stream-server', 'mail-server'] };
const UPSTREAM = { http: ['upstream'], stream: ['stream-upstream'] };
const PLAIN = { main: 'main', events: 'events', http: 'http', stream: 'stream', mail: 'mail',
  location: 'location', 'if in location': 'if-in-location', if: 'if', limit_except: 'limit-except',
  '': 'any', oidc_provider: 'oidc-provider', acme_issuer: 'acme-issuer', mgmt: 'mgmt' };

function contexts(directive) {
  const fam = family(directive.module);
  const mapped = [];
  for (const context of directive.contexts) {
    let labels;
    if (context === 'server') labels = SERVER[fam];
    else if (context === 'upstream') labels = UPSTREAM[fam];
    else if (Object.hasOwn(PLAIN, context)) labels = [PLAIN[context]];
    if (!labels) {
      throw new Error(`unmapped context "${context}" of ${directive.name} in ${directive.module}`);
    }
    for (const label of labels) if (!mapped.includes(label)) mapped.push(label);
  }
  return mapped;
}

function docUrl(directive) {
  const module = directive.module === 'Core functionality' ? 'ngx_core_module' : directive.module;
  const fam = /^ngx_(http|stream|mail)_/.exec(module);
  const folder = fam ? fam[1] + '/' : '';
  return `https://nginx.org/en/docs/${folder}${module}.html#${directive.name}`;
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

// NGINX Plus. nginx.org says so per directive ("This directive is available as part of our commercial
// subscription"), per directive that moved to open source ("Prior to version 1.29.6, this directive was
// available only as part of our commercial subscription"), and per module, in the module's summary,
// which the package does not carry. These modules' summaries say "This module is available as part of
// our commercial subscription" (nginx.org, xml/en/docs/**/MODULE.xml); acme, otel and js are separate
// open-source modules and stay "oss". ngx_http_tunnel_module's page said so too (1.29.3), but the
// package marks only two of its directives as commercial, as for a module that is open source now
// (nginx's own public test suite has tunnel.t), so it is not listed.
const PLUS_MODULES = new Set([
  'ngx_http_api_module', 'ngx_http_auth_jwt_module', 'ngx_http_auth_require_module', 'ngx_http_f4f_module',
  'ngx_http_hls_module', 'ngx_http_internal_redirect_module', 'ngx_http_keyval_module', 'ngx_http_num_map_module',
  'ngx_http_oidc_module', 'ngx_http_session_log_module', 'ngx_http_status_module',
  'ngx_http_upstream_conf_module', 'ngx_http_upstream_hc_module', 'ngx_mgmt_module', 'ngx_stream_keyval_module',
  'ngx_stream_mqtt_filter_module', 'ngx_stream_mqtt_preread_module', 'ngx_stream_num_map_module',
  'ngx_stream_upstream_hc_module', 'ngx_stream_zone_sync_module',
]);
const PLUS_ONLY = /This directive is available as part of our\s*(?:>\s*)?\[commercial subscription\]/;
const PLUS_UNTIL = /(?:prior to|before) version (\d+\.\d+\.\d+),?\s*(?:>\s*)?this directive was available (?:only )?as (?:a )?part of our\s*(?:>\s*)?\[commercial subscription\]/i;
// nginx.org's "This directive appeared in version X" (<appeared-in>); @nginx/reference-lib 1.1.41 drops
// it, so this finds nothing there and the versions that matter are kept in supplement.tsv.
const APPEARED = /This directive appeared in versions? (\d+\.\d+\.\d+)/;

// edition: "oss" (open-source nginx, and so NGINX Plus) or "plus" (NGINX Plus only, or only until
// `since` when it moved to open source); since: the version it appeared in (for "plus", the first
// open-source version that has it), empty when the package does not say.
function edition(directive) {
  const moved = PLUS_UNTIL.exec(directive.description);
  if (moved) return ['plus', moved[1]];
  const appeared = APPEARED.exec(directive.description)?.[1] ?? '';
  if (PLUS_MODULES.has(directive.module) || PLUS_ONLY.test(directive.description)) return ['plus', ''];
  return ['oss', appeared];
}

// Markdown syntax such as "*`address`* [`ssl`]" becomes "address [ssl]"; each form is written the way
// nginx.org shows it ("name args;" or "name args {...}"), forms separated by " || ".
function syntax(directive) {
  const forms = directive.syntax.map((form) => {
    const args = oneLine(form.replace(/\*`([^`]*)`\*/g, '$1').replace(/`([^`]*)`/g, '$1'));
    const head = args ? `${directive.name} ${args}` : directive.name;
    return directive.isBlock ? head : head + ';';
  });
  for (const form of forms) {
    if (form.includes('||') || form.includes('\t')) throw new Error(`separator inside syntax of ${directive.name}`);
  }
  return forms.join(' || ');
}

function copyrightLines(packageDir, manifest) {
  const lines = [];
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  if (author) lines.push(`Author: ${author}`);
  for (const file of readdirSync(packageDir)) {
    if (/^(licen[cs]e|notice)/i.test(file)) {
      for (const line of readFileSync(join(packageDir, file), 'utf8').split('\n')) {
        if (/copyright/i.test(line)) lines.push(line.trim());
      }
    }
  }
  return lines;
}

async function main() {
  const packageDir = resolve(process.argv[2] ?? fetchPackage());
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (manifest.name !== PACKAGE) throw new Error(`${packageDir} holds ${manifest.name}, not ${PACKAGE}`);
  const lib = await import(pathToFileURL(join(packageDir, manifest.main)).href);
  const directives = lib.getDirectives(lib.Format.Markdown);

  const rows = directives.map((d) => [d.name, d.module, contexts(d).join(','), syntax(d), oneLine(d.default ?? ''),
    d.isBlock ? 'yes' : 'no', docUrl(d), ...edition(d)]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const header = [
    `# nginx directive catalogue, generated by src/tools/catalogue/generate-catalogue.mjs from ${PACKAGE} ${manifest.version}; do not edit.`,
    '# A directive documented by several modules has one line per module. See NOTICE.',
    ['name', 'module', 'contexts', 'syntax', 'default', 'block', 'url', 'edition', 'since'].join('\t'),
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'directives.tsv'), [...header, ...rows.map((r) => r.join('\t'))].join('\n') + '\n');

  const copyright = copyrightLines(packageDir, manifest);
  const notice = [
    'resources/catalogue/directives.tsv is derived from:',
    '',
    `  Package:    ${manifest.name} ${manifest.version} (npm)`,
    `  Repository: ${manifest.repository?.url ?? 'unknown'}`,
    `  Licence:    ${manifest.license} (https://www.apache.org/licenses/LICENSE-2.0; full text in LICENSE-Apache-2.0 beside this file)`,
    `  Copyright:  ${copyright.length ? copyright.join('; ') : 'the package states no copyright holder (no author field, no LICENSE or NOTICE file)'}`,
    '',
    'The package is generated from the official nginx documentation (https://nginx.org/en/docs/).',
    'Changes made here: only directive names, modules, contexts, syntax, defaults and the block flag',
    'are kept; markdown markup is removed from the syntax; contexts are renamed to Handshake scope',
    'labels (an http, stream or mail "server" becomes server, stream-server or mail-server); the',
    'edition (oss or plus) and version columns are read from the descriptions\' commercial-subscription',
    'and version notes (the descriptions themselves are not copied); each directive links to its',
    'section on nginx.org instead of carrying the description.',
    '',
  ];
  writeFileSync(join(outDir, 'NOTICE'), notice.join('\n'));
  console.log(`wrote ${rows.length} rows from ${manifest.name} ${manifest.version} to ${outDir}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
