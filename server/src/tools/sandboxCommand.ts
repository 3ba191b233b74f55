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
 * Runs inside the new mount, network, IPC, UTS and PID namespaces, as (namespace) root, before the program. Builds the
 * sandbox's own root on a small tmpfs: the layout's read-only binds (system folders, inputs), three device nodes,
 * stub passwd/group files, a procfs of the new PID namespace, and a private size-limited tmpfs as working folder (at
 * the same path as the host's empty mount point). Then it makes that root the root (`pivot_root`), detaches the
 * host's whole filesystem, makes the new root read-only, writes the program from stdin and execs the privilege drop.
 * Any failure exits with SETUP_FAILED_EXIT: the program never runs half-confined.
 */
export const SANDBOX_SETUP_SCRIPT = `
fail() { echo "arenalab sandbox: $*" >&2; exit ${SETUP_FAILED_EXIT}; }
W="$1"; U="$2"; SIZE="$3"; FILE="$4"; LAYOUT="$5"; shift 5
PATH="$PATH:/usr/sbin:/sbin"
# The root is a tmpfs over the host's empty work folder; inside it, the work folder sits at that same path.
R="$W"
mount -t tmpfs -o size=1m,mode=0755,nosuid,nodev arenalab-root "$R" || fail "cannot mount the sandbox root"
# The usual scratch folders exist but, like the whole root, read-only: a program that tries them is told so (EROFS).
mkdir -p "$R/proc" "$R/dev/shm" "$R/etc" "$R/var/tmp" "$R$W" "$R/.host" || fail "cannot lay out the sandbox root"
TAB=$(printf '\\t')
set -f; IFS='
'
for line in $LAYOUT; do
  kind=\${line%%"$TAB"*}; rest=\${line#*"$TAB"}; at=\${rest%%"$TAB"*}; from=\${rest#*"$TAB"}
  case "$kind" in
    link) ln -s "$from" "$R$at" || fail "cannot link $at";;
    dir) mkdir -p "$R$at" && mount --bind "$from" "$R$at" && mount -o remount,bind,ro,nosuid,nodev "$R$at" || fail "cannot mount $from read-only";;
    file) mkdir -p "$(dirname "$R$at")" && : > "$R$at" && mount --bind "$from" "$R$at" && mount -o remount,bind,ro,nosuid,nodev "$R$at" || fail "cannot mount $from read-only";;
    dev) : > "$R$at" && mount --bind "$from" "$R$at" || fail "cannot mount $from";;
    *) fail "unknown layout entry '$kind'";;
  esac
done
unset IFS; set +f
printf 'sandbox:x:%s:%s:sandbox:%s:/nonexistent\\n' "$U" "$U" "$W" > "$R/etc/passwd" || fail "cannot write /etc/passwd"
printf 'sandbox:x:%s:\\n' "$U" > "$R/etc/group" || fail "cannot write /etc/group"
mount -t proc -o nosuid,nodev,noexec proc "$R/proc" || fail "cannot mount /proc"
mount -t tmpfs -o "size=$SIZE,mode=0700,uid=$U,gid=$U,nosuid,nodev" arenalab-sandbox "$R$W" || fail "cannot mount the work folder"
cat > "$R$W/$FILE" || fail "cannot write the program"
chown "$U:$U" "$R$W/$FILE" || fail "cannot hand the program to the sandbox user"
cd "$R" || fail "cannot enter the sandbox root"
pivot_root . .host || fail "cannot make the sandbox root the root"
umount -l /.host || fail "cannot detach the host's filesystem"
rmdir /.host || fail "cannot remove the host's mount point"
mount -o remount,bind,ro / || fail "cannot make the sandbox root read-only"
export PATH=/usr/local/bin:/usr/bin:/bin
cd "$W" || fail "cannot enter the work folder"
exec "$@" < /dev/null
`;

export interface SandboxCommandInput {
  mode: SandboxMode;
  /** A new empty host folder: the sandbox's root is mounted on it, and its work folder has this path inside. */
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
  /** What of the host the sandbox's root holds ({@link encodeRootLayout}). */
  layout: string;
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
    input.layout,
    ...drop,
    '--',
    ...rlimits,
    '--',
    ...backstop,
    ...input.interpreter,
  ];
}
