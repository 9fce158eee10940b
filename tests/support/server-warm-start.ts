// Entry of a server process started ahead of need (server-process.ts): it loads the server's
// modules, which is most of a start (about a second here), then waits for one line on stdin,
// a JSON object of environment variables, sets them and runs the real src/server/main.ts.
// A restart after SIGKILL then takes milliseconds, so a test can kill the server many times.
// When stdin closes (the test process is gone) it exits, so no server outlives its test.
import '../../src/server/admin/demo-seed.ts';
import '../../src/server/app.ts';
import '../../src/server/data-dir.ts';

let line = '';
let started = false;
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  line += chunk;
  const end = line.indexOf('\n');
  if (started || end < 0) return;
  started = true;
  Object.assign(process.env, JSON.parse(line.slice(0, end)) as Record<string, string>);
  void import('../../src/server/main.ts');
});
process.stdin.on('end', () => process.exit(0));
