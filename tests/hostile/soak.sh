#!/bin/sh
# Long soak run of the hostile suite (issue 7, item 7): 500 poll cycles over
# changing feeds in one process, printing VmRSS every 50 cycles, the CLI
# poll's peak RSS every 25 cycles, and the database size.
# Usage: tests/hostile/soak.sh [CYCLES]   (default 500)
set -eu
cd "$(dirname "$0")/../.."
HOSTILE_SOAK_CYCLES="${1:-500}" exec cargo test --test hostile_soak -- --nocapture
