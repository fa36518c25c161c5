#!/usr/bin/env node
// The `spl` command: runs the bundled CLI (built by `npm ci` through the prepare script).
require('../dist/cli.js');
