"""gunicorn and wrk for page_throughput.py: start and always stop the server, drive load, read wrk's figures."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# What a browser sends: whitenoise then serves the precompressed file, as it would to a visitor.
BROWSER_HEADERS = ["Accept-Encoding: gzip, deflate, br"]
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def ensure_wrk():
    """wrk is a Debian package; install it when this is a Debian machine run by root, else say how."""
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: apt-get install -y wrk", flush=True)
        installed = subprocess.run(["apt-get", "install", "-y", "-q", "wrk"]).returncode == 0
        if not installed:
            subprocess.run(["apt-get", "update", "-q"], check=False)
            subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False)
    if not shutil.which("wrk"):
        sys.exit("The page benchmark drives load with wrk: install it (Debian: `sudo apt-get install wrk`).")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """`gunicorn vitrina.wsgi` in its own process group, stopped on exit, Ctrl-C or an error."""

    def __init__(self, workers, port, env, log_path):
        self.workers, self.port, self.env, self.log_path = workers, port, env, log_path
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        command = [
            str(GUNICORN), "vitrina.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
            "--log-level", "warning",
        ]
        self.log = open(self.log_path, "w")
        # A session of its own: Ctrl-C reaches this script, which then stops the whole server.
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def wait_until_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped at start-up (exit {self.process.returncode}):\n{self.log_tail()}")
            if status_of(self.base_url + "/health/live/") == 200:
                return
            time.sleep(0.2)
        sys.exit(f"gunicorn did not answer /health/live/ within {timeout} s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass
        finally:
            self.log.close()

    def log_tail(self, lines=30):
        self.log.flush()
        return "\n".join(Path(self.log_path).read_text(errors="replace").splitlines()[-lines:])


def fetch(url):
    """(status, headers) of a GET with a browser's headers; (None, {}) when nothing answers."""
    request = urllib.request.Request(url, headers=dict(header.split(": ", 1) for header in BROWSER_HEADERS))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None, {}


def status_of(url):
    return fetch(url)[0]


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx answers plus socket errors


def run_wrk(url, seconds, threads, connections):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for header in BROWSER_HEADERS:
        command += ["-H", header]
    result = subprocess.run(command + [url], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    return parse_wrk(result.stdout)


def parse_wrk(output):
    def number(pattern):
        match = re.search(pattern, output)
        return match.group(1) if match else None

    def latency(percentile):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        return float(match.group(1)) * UNITS_MS[match.group(2)] if match else float("nan")

    non_2xx = int(number(r"Non-2xx or 3xx responses: (\d+)") or 0)
    socket_errors = sum(int(count) for count in re.findall(r"(?:connect|read|write|timeout) (\d+)",
                                                             number(r"Socket errors: (.*)") or ""))
    return Load(
        requests_per_second=float(number(r"Requests/sec:\s+([\d.]+)") or 0),
        p50_ms=latency(50),
        p99_ms=latency(99),
        requests=int(number(r"(\d+) requests in") or 0),
        errors=non_2xx + socket_errors,
    )
