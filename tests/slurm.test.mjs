// A real Slurm cluster (one node: slurmctld + slurmd, munge for authentication) runs the README's
// array script; `bgloop merge` joins its shards, and the result must equal the same sweep run whole,
// byte for byte. Debian's slurm-wlm and munge are installed if missing (as root). Where Slurm cannot
// start the test says so and skips — except in CI (CI=true), where that is a failure.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync, rmSync, readlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server.mjs';

const CI = process.env.CI === 'true';
const BIN = path.join(ROOT, 'target', 'release');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts });
const have = (cmd) => run('sh', ['-c', `command -v ${cmd}`]).status === 0;
const stops = [];
after(() => { for (const stop of stops.reverse()) { try { stop(); } catch { /* already gone */ } } });

/** A free TCP port on 127.0.0.1. */
const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  s.on('error', reject);
});

/** Installs slurm-wlm and munge if they are missing; returns why it could not, or null. */
function install() {
  if (have('sbatch') && have('slurmctld') && have('slurmd') && have('munged')) return null;
  if (process.getuid?.() !== 0) return 'slurm-wlm and munge are not installed, and installing them needs root';
  const r = run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'slurm-wlm', 'munge'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0 ? null : `apt-get install slurm-wlm munge failed: ${(r.stderr || '').slice(-400)}`;
}

/** Starts munged unless one answers already; returns why it could not, or null. */
function startMunge() {
  if (run('munge', ['-n']).status === 0) return null;
  for (const d of ['/run/munge', '/var/lib/munge', '/var/log/munge']) {
    mkdirSync(d, { recursive: true });
    run('chown', ['munge:munge', d]);
  }
  if (!existsSync('/etc/munge/munge.key')) {
    run('runuser', ['-u', 'munge', '--', 'mungekey', '--create']);
    // The key is ours: it goes when the test ends.
    stops.unshift(() => rmSync('/etc/munge/munge.key', { force: true }));
  }
  const r = run('runuser', ['-u', 'munge', '--', 'munged']);
  if (r.status !== 0) return `munged did not start: ${r.stderr}`;
  stops.push(() => {
    const pid = Number(readFileSync('/run/munge/munged.pid', 'utf8'));
    if (pid) process.kill(pid);
  });
  for (let i = 0; i < 50; i += 1) {
    if (run('munge', ['-n']).status === 0) return null;
    run('sleep', ['0.1']);
  }
  return 'munged started but does not answer';
}

/** Writes a one-node slurm.conf (this machine's hostname and cores) and starts the two daemons. */
async function startSlurm(dir) {
  const [ctld, node] = [await freePort(), await freePort()];
  const host = os.hostname();
  for (const d of ['state', 'spool']) mkdirSync(path.join(dir, d));
  const conf = path.join(dir, 'slurm.conf');
  writeFileSync(conf, [
    'ClusterName=bgloop-test', `SlurmctldHost=${host}`, 'SlurmUser=root', 'SlurmdUser=root',
    'AuthType=auth/munge', 'CredType=cred/munge', `StateSaveLocation=${dir}/state`, `SlurmdSpoolDir=${dir}/spool`,
    `SlurmctldPidFile=${dir}/slurmctld.pid`, `SlurmdPidFile=${dir}/slurmd.pid`, `SlurmctldPort=${ctld}`, `SlurmdPort=${node}`,
    `SlurmctldLogFile=${dir}/slurmctld.log`, `SlurmdLogFile=${dir}/slurmd.log`,
    'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none', 'SchedulerType=sched/builtin',
    'SelectType=select/cons_tres', 'SelectTypeParameters=CR_CPU', 'ReturnToService=2', 'MpiDefault=none',
    'JobAcctGatherType=jobacct_gather/none', 'AccountingStorageType=accounting_storage/none',
    `NodeName=${host} CPUs=${os.cpus().length} State=UNKNOWN`,
    'PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP', '',
  ].join('\n'));
  const env = { ...process.env, SLURM_CONF: conf };
  // Last to run at the end (the stops run in reverse): whatever a job left behind — job steps,
  // `bgloop` processes working in our folder — is cancelled and killed, then the folder goes.
  stops.push(() => rmSync(dir, { recursive: true, force: true }));
  stops.push(() => killIn(dir));
  for (const daemon of ['slurmctld', 'slurmd']) {
    const r = run(daemon, ['-c', '-f', conf], { env });
    if (r.status !== 0) return { problem: `${daemon} did not start: ${r.stderr}` };
    stops.push(() => {
      const pidFile = path.join(dir, `${daemon}.pid`);
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8')));
    });
  }
  // First to run at the end: the jobs of this test cluster are cancelled while its daemons live.
  stops.push(() => run('scancel', ['--full', '--user', 'root'], { env, timeout: 20_000 }));
  for (let i = 0; i < 100; i += 1) {
    const s = run('sinfo', ['-h', '-o', '%T'], { env });
    if (s.status === 0 && /idle/.test(s.stdout)) return { env };
    await new Promise((r) => setTimeout(r, 200));
  }
  return { problem: `the node never became idle: ${readFileSync(path.join(dir, 'slurmd.log'), 'utf8').slice(-400)}` };
}

/** Kills every process whose working folder is in `dir` (a job's steps and their `bgloop`). */
function killIn(dir) {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cwd = '';
    try { cwd = readlinkSync(`/proc/${pid}/cwd`); } catch { continue; }
    if (cwd === dir || cwd.startsWith(`${dir}/`)) {
      try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone */ }
    }
  }
}

/** The README's array script (the fenced block that starts with #!/bin/bash and holds #SBATCH). */
function readmeScript() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /```sh\n(#!\/bin\/bash\n[\s\S]*?#SBATCH[\s\S]*?)```/.exec(readme);
  assert.ok(m, 'the README has a Slurm array script');
  return m[1];
}

test('a Slurm array of the README\'s script runs the sweep in shards; bgloop merge gives the whole sweep, byte for byte', async (t) => {
  const why = install() ?? startMunge();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bgloop-slurm-'));
  const started = why ? { problem: why } : await startSlurm(dir);
  if (started.problem) {
    if (CI) assert.fail(`Slurm could not start in CI: ${started.problem}`);
    console.warn(`\n*** SKIPPED the Slurm test: ${started.problem} ***\n`);
    t.skip(started.problem);
    return;
  }
  const script = readmeScript();
  writeFileSync(path.join(dir, 'sweep.sh'), script);
  // A small sweep (2 seeds × 60 trials) in 4 array tasks; the script takes its size from the
  // environment and the shard count from Slurm.
  const env = { ...started.env, PATH: `${BIN}:${process.env.PATH}`, SEEDS: '2', TRIALS: '60' };
  const submitted = run('sbatch', ['--wait', '--array=1-4', `--chdir=${dir}`, '-o', `${dir}/slurm-%A_%a.out`, '--export=ALL', path.join(dir, 'sweep.sh')], { env });
  assert.equal(submitted.status, 0, `sbatch: ${submitted.stdout}${submitted.stderr}`);
  const shards = readdirSync(dir).filter((f) => /^sweep-\d+\.jsonl$/.test(f)).sort();
  assert.deepEqual(shards, ['sweep-1.jsonl', 'sweep-2.jsonl', 'sweep-3.jsonl', 'sweep-4.jsonl']);
  const merged = run(path.join(BIN, 'bgloop'), ['merge', ...shards.map((f) => path.join(dir, f))]);
  assert.equal(merged.status, 0, merged.stderr);
  // The same sweep run whole: the script's own command, without --shard and --out.
  const command = script.split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/\\\n\s*/g, ' ')
    .split('\n').find((l) => /^\s*bgloop sweep /.test(l))
    .replace(/--shard\s+\S+/, '').replace(/--out\s+\S+/, '');
  const whole = run('bash', ['-c', command], { env });
  assert.equal(whole.status, 0, `${command}: ${whole.stderr}`);
  assert.match(whole.stdout, /rows: loop_strength, columns: dopamine/, whole.stdout);
  assert.equal(merged.stdout, whole.stdout);
});

test('the README\'s Slurm script refuses SEEDS and TRIALS that are not whole numbers before running anything', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bgloop-slurm-script-'));
  try {
    const script = path.join(dir, 'sweep.sh');
    writeFileSync(script, readmeScript());
    // A `bgloop` that records that it ran: the refused values must never reach it.
    const fake = path.join(dir, 'bin');
    mkdirSync(fake);
    writeFileSync(path.join(fake, 'bgloop'), `#!/bin/sh\necho ran >> ${dir}/ran\n`, { mode: 0o755 });
    writeFileSync(path.join(dir, 'x.jsonl'), '');
    const env = { ...process.env, PATH: `${fake}:${process.env.PATH}`, SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '4' };
    for (const [seeds, trials] of [['1 --set rotation_deg=-45', '60'], ['*', '60'], ['2', '60; touch pwned']]) {
      const r = run('bash', [script], { env: { ...env, SEEDS: seeds, TRIALS: trials }, cwd: dir });
      assert.equal(r.status, 2, `SEEDS=${seeds} TRIALS=${trials}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /SEEDS and TRIALS must be whole numbers/);
    }
    assert.ok(!existsSync(path.join(dir, 'ran')), 'bgloop never ran');
    assert.ok(!existsSync(path.join(dir, 'pwned')));
    // Whole numbers pass, quoted as one argument each.
    const ok = run('bash', [script], { env: { ...env, SEEDS: '2', TRIALS: '60' }, cwd: dir });
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(existsSync(path.join(dir, 'ran')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
