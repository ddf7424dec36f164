#!/usr/bin/env bash
# Seeds the fuzz corpora with every fixture (the Service Order Hub ones prefixed with the byte
# that selects their webhook kind). Run from fuzz/: `bash seed.sh`.
set -euo pipefail
mkdir -p corpus/envelope corpus/service_order_hub
cp ../fixtures/mykaarma/*.json corpus/envelope/
kinds=(new-status status-transition cost-proposal new-message message-confirmed files-uploaded case-updated invoice)
for fixture in ../fixtures/service_order_hub/*.json; do
    name=$(basename "$fixture")
    for i in "${!kinds[@]}"; do
        case "$name" in
            "${kinds[$i]}"*|message-v*) [ "$name" != "${name#message-v}" ] && i=3 ;;
            credit-note*) i=7 ;;
            *) continue ;;
        esac
        { printf "\\x$(printf %02x "$i")"; cat "$fixture"; } > "corpus/service_order_hub/$name"
        break
    done
done
ls corpus/envelope | wc -l; ls corpus/service_order_hub | wc -l
