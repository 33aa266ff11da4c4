#!/usr/bin/env bash
# Related-stories benchmark: a real store of generated articles (Zipfian
# Arabic and English vocabularies, gazetteer entities, same-story rewrites
# across feeds), enriched by the real enrichment stage. Prints enrichment
# speed (entities and related separately), the cost of a poll of new
# articles at the base size and at the full size, and the time to open an
# article's related list. Figures only; nothing is asserted.
#
#   bench/related.sh                 # 100,000 articles (50,000 first)
#   bench/related.sh --articles 20000 --base 5000
#
# Runs under nice: the machine may be shared with other timing runs.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$top/Cargo.toml" --bin bench-related
exec nice -n 10 "$top/target/release/bench-related" "$@"
