#!/usr/bin/env bash
# usage: expect_exit.sh CODE COMMAND...: runs COMMAND and passes when it exits with CODE.
want=$1
shift
"$@"
got=$?
if [[ $got != "$want" ]]; then
  echo "expected exit code $want, got $got"
  exit 1
fi
