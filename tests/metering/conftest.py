"""A real Prometheus server loaded with the Bitbrains trace by promtool, for the tests marked prometheus."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import requests

from tests.metering.helpers import trace_path
from tests.metering.reference import openmetrics_lines

PROMETHEUS_VMS = (1, 2, 82)


def _free_loopback_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _write_openmetrics(path):
    families = {}
    for vm in PROMETHEUS_VMS:
        for family, lines in openmetrics_lines(vm, trace_path(vm)).items():
            families.setdefault(family, []).extend(lines)
    with open(path, "w") as out:
        for family, lines in families.items():
            out.write("# TYPE %s gauge\n" % family)
            out.write("\n".join(lines) + "\n")
        out.write("# EOF\n")


def _wait_ready(base_url, process, deadline_seconds=30):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("prometheus exited with code %s" % process.returncode)
        try:
            if requests.get(base_url + "/-/ready", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError("prometheus was not ready within %s s" % deadline_seconds)


@pytest.fixture(scope="session")
def prometheus_url(tmp_path_factory):
    """Start Prometheus on a free loopback port over a backfilled temporary TSDB; stop it by PID afterwards."""
    if not shutil.which("prometheus") or not shutil.which("promtool"):
        pytest.fail("the Debian package prometheus is not installed (make system-packages)")
    folder = tmp_path_factory.mktemp("prometheus")
    data_dir, openmetrics = folder / "data", folder / "trace.om"
    _write_openmetrics(openmetrics)
    # 744h blocks: the default 2h blocks would turn one month into hundreds of blocks.
    subprocess.run(["promtool", "tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=744h",
                    str(openmetrics), str(data_dir)], check=True, capture_output=True)
    config = folder / "prometheus.yml"
    config.write_text("global:\n  scrape_interval: 1m\n")
    port = _free_loopback_port()
    base_url = "http://127.0.0.1:%d" % port
    # Retention counts back from the newest block, so a short one would delete the 2013 data on start.
    process = subprocess.Popen(
        ["prometheus", "--config.file=%s" % config, "--web.listen-address=127.0.0.1:%d" % port,
         "--storage.tsdb.path=%s" % data_dir, "--storage.tsdb.retention.time=100y"],
        stdout=subprocess.DEVNULL, stderr=open(folder / "prometheus.log", "w"),
    )
    try:
        _wait_ready(base_url, process)
        yield base_url
    finally:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
