// `npm run watch`: the compiler (tests, CLI from out/) and the bundles (the extension from dist/) rebuilt on every
// change, side by side, until Ctrl-C. The editor's "watch" task runs the two parts as separate tasks instead, each
// with its own problem matcher.
import { spawn } from 'node:child_process';

const parts = [
  ['node_modules/typescript/bin/tsc', '-b', '--watch', '--preserveWatchOutput'],
  ['esbuild.mjs', '--watch'],
];

const children = parts.map((args) => spawn(process.execPath, args, { stdio: 'inherit' }));
for (const child of children) {
  // One part ending (a crash, a bad config) ends the other, so a half-running watch is never mistaken for a whole one.
  child.on('exit', (code) => {
    for (const other of children) if (other !== child && other.exitCode === null) other.kill();
    process.exitCode = code ?? 1;
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill()));
