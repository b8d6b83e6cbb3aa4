/**
 * The language server's entry point (server/out/server.js): loads the server bundle through V8's
 * code cache (see code-cache.ts and esbuild.mjs). Nothing else may run here.
 */
import { join } from 'node:path';
import { loadBundle } from './code-cache';

loadBundle(join(__dirname, 'server-main.js'));
