#!/usr/bin/env node
// The `dossier` command: runs the TypeScript sources directly through tsx, so it works from a checkout
// without a build step.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli.ts", import.meta.url).href);
