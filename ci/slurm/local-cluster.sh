#!/usr/bin/env bash
# A real single-node Slurm cluster on this machine, for CI: `start DIR` installs slurm-wlm and munge when missing
# (Debian, as root), writes DIR/slurm.conf, starts munged, slurmctld and slurmd, and waits until the node is idle;
# `stop DIR` stops exactly the processes `start` started (their pids are in DIR/pids), nothing else.
#   Use: source <(ci/slurm/local-cluster.sh env DIR) to point sbatch/squeue/scontrol at the cluster.
# Facts this relies on (slurm-wlm 22.05 on Debian 12, a container without systemd): apt starts no daemon, so we start
# them ourselves; the cgroup v1 plugin is left alone (no cgroup.conf: forcing v2 is fatal on a hybrid host); there is
# no accounting (sacct does not work: use scontrol/squeue); kill_invalid_depend belongs under DependencyParameters
# in 22.05 (under SchedulerParameters it is ignored and a job depending on a failed array waits forever).
set -euo pipefail

usage() { echo "usage: $0 start|stop|env DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
conf="$dir/slurm.conf"

install_if_missing() {
  if command -v slurmctld >/dev/null && command -v munged >/dev/null; then return; fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "local-cluster: slurm-wlm and munge are missing; as root run: apt-get install --no-install-recommends slurm-wlm munge" >&2
    exit 2
  fi
  echo "local-cluster: installing slurm-wlm and munge (apt, --no-install-recommends)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null; }
}

write_config() {
  local node
  # The node line as slurmd measures it, minus the uptime line; the node is called by this host's short name.
  node=$(slurmd -C | grep '^NodeName=')
  mkdir -p "$dir/state" "$dir/spool" "$dir/logs"
  cat >"$conf" <<EOF
# Written by ci/slurm/local-cluster.sh: a throwaway single-node cluster for CI.
ClusterName=touchstone-ci
SlurmctldHost=$(hostname -s)
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/logs/slurmctld.log
SlurmdLogFile=$dir/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
DependencyParameters=kill_invalid_depend
ReturnToService=2
MinJobAge=600
$node State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

remember() { echo "$1 $2" >>"$dir/pids"; }

start_munge() {
  if [[ -S /run/munge/munge.socket.2 ]] && munge -n </dev/null >/dev/null 2>&1; then
    echo "local-cluster: munged already runs here; using it (stop will leave it alone)"
    return
  fi
  mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
  # setpriv execs munged, so $! is munged's own pid.
  setpriv --reuid=munge --regid=munge --init-groups munged -F >"$dir/logs/munged.log" 2>&1 &
  remember $! munged
  for _ in $(seq 50); do munge -n </dev/null >/dev/null 2>&1 && return; sleep 0.1; done
  echo "local-cluster: munged did not start; see $dir/logs/munged.log" >&2
  exit 1
}

start() {
  install_if_missing
  if [[ -s "$dir/pids" ]]; then
    echo "local-cluster: $dir/pids exists: a cluster from this folder may still run; stop it first" >&2
    exit 1
  fi
  : >"$dir/pids"
  write_config
  start_munge
  slurmctld -D -i -f "$conf" >"$dir/logs/slurmctld.out" 2>&1 &
  remember $! slurmctld
  slurmd -D -f "$conf" >"$dir/logs/slurmd.out" 2>&1 &
  remember $! slurmd
  export SLURM_CONF="$conf"
  for _ in $(seq 300); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
      echo "local-cluster: node idle (SLURM_CONF=$conf)"
      return
    fi
    sleep 0.1
  done
  echo "local-cluster: the node did not become idle in 30 s; logs in $dir/logs" >&2
  sinfo -N -l >&2 || true
  exit 1
}

stop() {
  [[ -f "$dir/pids" ]] || { echo "local-cluster: nothing to stop in $dir"; return; }
  # Jobs first, so that no slurmstepd of ours outlives slurmd.
  if SLURM_CONF="$conf" timeout 10 scancel --full --user "$(id -un)" 2>/dev/null; then
    for _ in $(seq 100); do
      [[ -z $(SLURM_CONF="$conf" timeout 5 squeue -h -t running,completing 2>/dev/null) ]] && break
      sleep 0.1
    done
  fi
  # Daemons in reverse start order; each only if the pid still runs the program we started.
  tac "$dir/pids" | while read -r pid name; do
    if [[ -r /proc/$pid/comm && $(cat "/proc/$pid/comm") == "$name" ]]; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do [[ -d /proc/$pid ]] || break; sleep 0.1; done
      [[ -d /proc/$pid ]] && kill -9 "$pid" 2>/dev/null || true
      echo "local-cluster: stopped $name ($pid)"
    fi
  done
  rm -f "$dir/pids"
}

case $action in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) usage ;;
esac
