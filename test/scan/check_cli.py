#!/usr/bin/env python3
"""Runs one command-line case of the manifest commands (and eval) on the built binary.

usage: check_cli.py CCSPM CASE

Each case builds its files in a fresh temporary folder, runs ccspm there and checks the exit
code, the output and, for fix, which files changed. Cases are the regressions of input that
used to pass silently: no policy, no manifest, symbolic links out of a folder, suites that
test nothing or read outside their folder.
"""
import json
import os
import subprocess
import sys
import tempfile

POD = """apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext:
        privileged: true
"""

SUITE = """policies: [ccspm-example]
resources: [{resource}]
results:
  - policy: ccspm-example-no-privileged
    resource: Pod/web
    result: fail
"""

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as file:
        file.write(text)


def read(path):
    with open(path) as file:
        return file.read()


def run(*args, stdin=None):
    done = subprocess.run([CCSPM, *args], input=stdin, capture_output=True, text=True,
                          timeout=60)
    return done.returncode, done.stdout, done.stderr


def expect(result, code, *texts):
    got, out, err = result
    assert got == code, f"exit {got}, want {code}\nstdout:\n{out}\nstderr:\n{err}"
    for text in texts:
        assert text in out + err, f"{text!r} not in output:\n{out}\n{err}"
    return out


@case
def scan_pod_given_as_policy():
    write("ok.yaml", POD)
    expect(run("scan", "-p", "ok.yaml", "ok.yaml"), 2, "no GoldenPolicy found in ok.yaml")


@case
def scan_empty_policy_file():
    write("empty.yaml", "")
    write("ok.yaml", POD)
    expect(run("scan", "-p", "empty.yaml", "ok.yaml"), 2, "no GoldenPolicy found in empty.yaml")


@case
def scan_empty_policy_folder():
    os.mkdir("emptydir")
    write("ok.yaml", POD)
    expect(run("scan", "-p", "emptydir/", "ok.yaml"), 2, "no manifests found in emptydir/")


@case
def scan_one_source_without_policy():
    write("ok.yaml", POD)
    out = expect(run("scan", "-p", "ccspm-example", "-p", "ok.yaml", "-o", "json", "ok.yaml"), 2)
    report = json.loads(out)
    assert report["summary"]["findings"] == 1, report
    assert [e["message"] for e in report["errors"]] == ["no GoldenPolicy found in ok.yaml"]


@case
def scan_empty_folder():
    os.mkdir("emptydir")
    write("emptydir/notes.txt", "not a manifest\n")
    out = expect(run("scan", "-p", "ccspm-example", "-o", "json", "emptydir"), 2)
    errors = json.loads(out)["errors"]
    assert [(e["file"], e["message"]) for e in errors] == [
        ("emptydir", "no manifests found in emptydir")], errors


def link_tree():
    write("outside/victim.yaml", POD)
    write("tree/real.yaml", POD)
    os.symlink("../outside/victim.yaml", "tree/link.yaml")
    os.symlink("../outside", "tree/linked-folder")


@case
def scan_skips_links_in_folders():
    link_tree()
    out = expect(run("scan", "-p", "ccspm-example", "tree"), 1,
                 "skipped symbolic link (not followed): tree/link.yaml",
                 "skipped symbolic link (not followed): tree/linked-folder",
                 "1 finding (1 critical) in 1 object of 1 file",
                 "2 symbolic links skipped (not followed)")
    assert "victim" not in out, out
    summary = json.loads(run("scan", "-p", "ccspm-example", "-o", "json", "tree")[1])["summary"]
    assert summary["skippedLinks"] == 2 and summary["files"] == 1, summary


@case
def fix_skips_links_in_folders():
    link_tree()
    expect(run("fix", "-p", "ccspm-example", "tree"), 0,
           "skipped symbolic link (not followed): tree/link.yaml")
    assert read("outside/victim.yaml") == POD, "fix wrote through a link out of its folder"
    assert os.path.islink("tree/link.yaml")
    assert "privileged: false" in read("tree/real.yaml")


@case
def fix_refuses_named_link():
    link_tree()
    expect(run("fix", "-p", "ccspm-example", "tree/link.yaml"), 2,
           "tree/link.yaml: is a symbolic link: not fixed")
    assert read("outside/victim.yaml") == POD
    assert os.path.islink("tree/link.yaml")


@case
def fix_without_policy():
    write("ok.yaml", POD)
    expect(run("fix", "-p", "ok.yaml", "ok.yaml"), 2, "no GoldenPolicy found in ok.yaml")
    assert read("ok.yaml") == POD


@case
def eval_folder_is_an_error():
    os.mkdir("dir")
    got, out, err = run("eval", "object", "-f", "dir")
    assert got == 1 and out == "" and "dir: is a folder" in err, (got, out, err)


@case
def eval_reads_stdin():
    out = expect(run("eval", "object.metadata.name", "-f", "-", stdin=POD), 0)
    assert out == '"web"\n', out


@case
def eval_help():
    out = expect(run("eval", "--help"), 0)
    assert out.startswith("usage: ccspm eval"), out


@case
def test_help():
    out = expect(run("test", "--help"), 0)
    assert out.startswith("usage: ccspm test"), out


@case
def test_suite_without_expectations():
    write("suite/pod.yaml", POD)
    write("suite/ccspm-test.yaml", "policies: [ccspm-example]\nresources: [pod.yaml]\n"
                                   "results: []\n")
    expect(run("test", "suite"), 2, "results: must list at least one expectation")


@case
def test_suite_absolute_resource():
    write("suite/ccspm-test.yaml", SUITE.format(resource="/etc/passwd"))
    expect(run("test", "suite"), 2, "/etc/passwd: absolute path")


@case
def test_suite_resource_outside():
    write("outside/pod.yaml", POD)
    write("suite/ccspm-test.yaml", SUITE.format(resource="../outside/pod.yaml"))
    expect(run("test", "suite"), 2, "../outside/pod.yaml: outside the suite's folder")


@case
def test_suite_resource_link_outside():
    write("outside/pod.yaml", POD)
    os.makedirs("suite")
    os.symlink("../outside/pod.yaml", "suite/pod.yaml")
    write("suite/ccspm-test.yaml", SUITE.format(resource="pod.yaml"))
    expect(run("test", "suite"), 2, "pod.yaml: leads outside the suite's folder")


@case
def test_suite_resource_inside():
    write("suite/sub/pod.yaml", POD)
    write("suite/ccspm-test.yaml", SUITE.format(resource="sub/../sub/pod.yaml"))
    expect(run("test", "suite"), 0, "1 passed, 0 failed")


if __name__ == "__main__":
    CCSPM = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        CASES[sys.argv[2]]()
    print(f"ok {sys.argv[2]}")
