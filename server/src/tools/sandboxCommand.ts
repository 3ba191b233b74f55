import type { SandboxLimits } from './sandboxLimits';

/**
 * How the sandbox drops privileges. `root`: ArenaLab runs as root (CI, containers), so the program runs as a fresh
 * unprivileged uid, which also makes RLIMIT_NPROC count (the kernel never applies it to root). `rootless`: a user
 * namespace maps the caller to root inside it for the mount set-up, then every capability is dropped.
 */
export type SandboxMode = 'root' | 'rootless';

/** Exit status of the set-up script when it could not confine the program (nothing of the program ran). */
export const SETUP_FAILED_EXIT = 97;

/**
 * Runs inside the new mount, network, IPC, UTS and PID namespaces, as (namespace) root, before the program. Mounts a private
 * size-limited tmpfs on the work folder, makes every other mount read-only (so the program can write nowhere else,
 * whatever the file permissions say), writes the program from stdin and execs the privilege drop. Any failure exits
 * with SETUP_FAILED_EXIT: the program never runs half-confined.
 */
export const SANDBOX_SETUP_SCRIPT = `
fail() { echo "arenalab sandbox: $*" >&2; exit ${SETUP_FAILED_EXIT}; }
W="$1"; U="$2"; SIZE="$3"; FILE="$4"; shift 4
mount -t tmpfs -o "size=$SIZE,mode=0700,uid=$U,gid=$U,nosuid,nodev" arenalab-sandbox "$W" || fail "cannot mount the work folder"
# /dev stays as it is (device nodes), but its world-writable shared-memory folder must not be a way out.
if [ -d /dev/shm ]; then mount -t tmpfs -o ro,size=4k,nosuid,nodev,noexec arenalab-empty /dev/shm || fail "cannot hide /dev/shm"; fi
for mp in $(awk '{print $5}' /proc/self/mountinfo | sort -u); do
  mp=$(printf '%b' "$mp")
  case "$mp" in "$W"|/proc|/proc/*|/dev|/dev/pts) continue;; esac
  mount -o remount,bind,ro "$mp" 2>/dev/null || fail "cannot make $mp read-only"
done
cat > "$W/$FILE" || fail "cannot write the program"
chown "$U:$U" "$W/$FILE" || fail "cannot hand the program to the sandbox user"
cd "$W" || fail "cannot enter the work folder"
exec "$@" < /dev/null
`;

export interface SandboxCommandInput {
  mode: SandboxMode;
  workDir: string;
  /** The uid (and gid) the program runs as in root mode; 0 (namespace root) in rootless mode. */
  uid: number;
  /** Value of RLIMIT_NPROC (rootless mode counts the caller's existing processes in). */
  nproc: number;
  limits: SandboxLimits;
  /** File name of the program inside the work folder. */
  programFile: string;
  /** Interpreter and arguments, run in the work folder. */
  interpreter: readonly string[];
  /** RLIMIT_AS in bytes. */
  addressSpaceBytes: number;
}

/** The argv (starting with `unshare`) that runs an interpreter confined; the program text goes to its stdin. */
export function sandboxCommand(input: SandboxCommandInput): string[] {
  const { limits } = input;
  const namespaces = ['--mount', '--net', '--ipc', '--uts', '--pid', '--fork', '--kill-child', '--mount-proc', '--propagation', 'private'];
  const drop =
    input.mode === 'root'
      ? ['setpriv', `--reuid=${input.uid}`, `--regid=${input.uid}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs']
      : ['setpriv', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs'];
  const rlimits = [
    'prlimit',
    `--nproc=${input.nproc}`,
    `--as=${input.addressSpaceBytes}`,
    `--cpu=${limits.cpuSeconds}`,
    `--fsize=${limits.maxFileBytes}`,
    '--core=0',
  ];
  // PID 1 of the namespace, which never leaves ArenaLab's process group (--foreground), so killing the group ends the
  // namespace and every process in it even if the program moved itself to a group or session of its own (setpriv's
  // uid change clears unshare's parent-death signal, so the group kill is what ends the run). It is also a backstop
  // that kills the program if ArenaLab itself dies mid-run and its timer can no longer fire.
  const backstop = ['timeout', '--foreground', '-s', 'KILL', String(Math.ceil(limits.timeoutMs / 1000) + 2)];
  return [
    'unshare',
    ...(input.mode === 'rootless' ? ['--user', '--map-root-user'] : []),
    ...namespaces,
    '--',
    'sh',
    '-c',
    SANDBOX_SETUP_SCRIPT,
    'arenalab-sandbox',
    input.workDir,
    String(input.uid),
    String(limits.workDirBytes),
    input.programFile,
    ...drop,
    '--',
    ...rlimits,
    '--',
    ...backstop,
    ...input.interpreter,
  ];
}
