# shellcheck shell=bash
# Shared by scripts/deploy/*: the AWS names the CDK app (infra/) gives each environment.
#   ECS cluster        <prefix>-cluster            task family   <prefix>-<service>
#   ECS service        <service>                   container     <service>
#   ECR repository     <prefix>/<service>          alarm topic   <prefix>-ops-alarms
#   CodeDeploy (prod)  application <prefix>-services, group <service>, config <prefix>-canary-10pct-10min
set -euo pipefail

REGION="${AWS_REGION:-eu-west-2}"
export AWS_REGION="$REGION" AWS_PAGER=""

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
log() { echo "[$(basename "$0")] $*" >&2; }

env_prefix() {
  case "$1" in
    staging) echo lomash-staging ;;
    production) echo lomash-prod ;;
    *) die "unknown environment '$1' (staging or production)" ;;
  esac
}

cluster_name() { echo "$(env_prefix "$1")-cluster"; }
task_family() { echo "$(env_prefix "$1")-$2"; }
repository_name() { echo "$(env_prefix "$1")/$2"; }
account_id() { aws sts get-caller-identity --query Account --output text; }
registry_host() { echo "$1.dkr.ecr.${REGION}.amazonaws.com"; }

# The port of a service, from deploy/services.tsv.
service_port() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  awk -F'\t' -v s="$1" '$1 == s { print $2 }' "$root/deploy/services.tsv" | grep . || die "unknown service $1"
}

require_service_name() {
  [[ "${1:-}" =~ ^[a-z][a-z0-9-]*$ ]] || die "invalid service name '${1:-}'"
}
