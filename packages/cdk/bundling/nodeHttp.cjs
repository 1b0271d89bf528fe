// What the functions' bundles get for `node:http` (BundledFunction's
// `--alias`). An ESM `import ... from 'node:http'` builds Node's ES module
// facade of the module, which reads every export, and three of them
// (WebSocket, CloseEvent, MessageEvent) are getters that load undici, Node's
// fetch implementation, which no function uses: 10 to 30 ms of every cold
// start. The module itself, taken as CommonJS, reads no export.
module.exports = process.getBuiltinModule('node:http');
