// How `npm start` runs the server: tsx's CommonJS hook compiles each .ts module as it is
// required, on this thread. Not `node --import tsx`: in Node 20 tsx's ESM hooks run on a loader
// thread of their own (an isolate with esbuild loaded) that every module load crosses to and
// that stays for the life of the process, about 25 MB resident on an idle server (133 and 137 MB
// this way, 163 and 159 MB with --import tsx). The SQLite worker threads start the same way
// (store/sqlite/worker-boot.cjs). So server modules must not use top-level await, and a module
// loaded on demand is required, not import()ed (see store/open.ts).
//
//   node server/boot.cjs              the server (server/main.ts)
//   node server/boot.cjs FILE.ts      another entry run the same way (the benchmarks' servers)
require('tsx/cjs/api').register();
const { resolve } = require('node:path');
require(process.argv[2] ? resolve(process.argv[2]) : './main.ts');
