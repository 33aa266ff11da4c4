#!/usr/bin/env bash
# Entity-extraction benchmark: the release extractor over the SaudiNewsNet
# day (2,972 real Arabic articles, ../shared/datasets/news-ar), on one
# thread, several passes. Prints each pass (wall clock and thread CPU
# time) and the median CPU throughput. Figures only; nothing is asserted.
#
#   bench/ner.sh                         # 7 passes, datasets in ../shared/datasets
#   bench/ner.sh 15 /path/to/datasets
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
data=${2:-$top/../shared/datasets}
cargo build --release --quiet --manifest-path "$top/Cargo.toml" --bin eval-ner
exec "$top/target/release/eval-ner" --data "$data" --speed-runs "$runs"
