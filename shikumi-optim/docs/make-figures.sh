#!/usr/bin/env bash
# Regenerates the figures of the README section "Optimisers, η, initial values and hidden units" and of
# shikumi-optim/README.md: the charts in this folder and the printed tables in *.txt beside them.
# Run from the repository root: shikumi-optim/docs/make-figures.sh
# The times ("seconds:", "time:") are left out of the *.txt, so that the files depend on the code only: the test
# DocsFiguresTest (shikumi-cli) runs these commands and compares their output with the files.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=shikumi-optim/docs
./shikumi compare --lang en --chart "$out/compare.png" --force | grep -v -e "^seconds:" -e "^time:" | tee "$out/compare.txt"
./shikumi compare --lang en --zero-init --chart "$out/compare-zero.png" --force | grep -v -e "^seconds:" -e "^time:" | tee "$out/compare-zero.txt"
./shikumi compare --lang en --hidden 1 --chart "$out/compare-hidden1.png" --force | grep -v -e "^seconds:" -e "^time:" | tee "$out/compare-hidden1.txt"
./shikumi sweep --lang en --eta 0.01,0.05,0.2,1 --seeds 100 --hidden 1,2,3,5 \
  --csv "$out/sweep.csv" --chart "$out/sweep.png" --force | grep -v -e "^seconds:" -e "^time:" | tee "$out/sweep.txt"
