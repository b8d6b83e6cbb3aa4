/**
 * The language server's entry point (server/out/server.js): tunes V8's heap for a long-running,
 * memory-frugal process and loads the server bundle through V8's code cache (see code-cache.ts
 * and esbuild.mjs). Nothing else may run here.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { loadBundle } from './code-cache';
import { heapFlags } from './heap';

for (const flag of heapFlags(process.execArgv, process.env.NODE_OPTIONS)) setFlagsFromString(flag);
loadBundle(join(__dirname, 'server-main.js'));
