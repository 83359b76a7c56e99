"""Serve the app to a room: one Streamlit process per core behind HAProxy.

Streamlit runs a session's Python on one core at a time, so one process uses
one core however many students there are. This starts ``--processes``
servers (one per core by default), each on a localhost port of its own, and
HAProxy (Debian's ``haproxy`` package) in front of them on one address:

- **Sticky sessions.** A browser's first request is sent to the process with
  the fewest connections, and a cookie (``softmax_server``) keeps the rest of
  its requests there: the websocket that carries the session, and uploads,
  which must reach the process that holds the session.
- **Websockets.** HAProxy passes the upgrade through; the long timeouts keep a
  quiet lecture's connections open.
- **Health.** HAProxy sends no one to a process that does not answer
  ``/_stcore/health``.
- **Shared.** Nothing but the address. Each process has its own sessions and
  its own cache of training runs; all share one cookie secret, so a cookie
  signed by one is valid on every other.

Run it as ``make serve-room`` (all interfaces, port 8501) or::

    .venv/bin/python tools/serve_room.py [--address 0.0.0.0] [--port 8501]
                                         [--processes N]

and stop it with Ctrl-C. ``benchmarks/load.py --url http://127.0.0.1:8501``
measures a room through it.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.app_server import AppServer, healthy  # noqa: E402

COOKIE = "softmax_server"

CONFIG = """\
global
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    timeout http-request 30s
frontend room
    bind {address}:{port}
    default_backend streamlit
backend streamlit
    balance leastconn
    cookie {cookie} insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
"""


def haproxy_config(address: str, port: int, backends: list[int]) -> str:
    """HAProxy's configuration for the processes listening on ``backends``.

    Examples
    --------
    >>> print(haproxy_config("0.0.0.0", 8501, [9001]).splitlines()[-1])
        server app1 127.0.0.1:9001 check cookie app1
    """
    servers = "\n".join(
        f"    server app{k} 127.0.0.1:{p} check cookie app{k}"
        for k, p in enumerate(backends, start=1)
    )
    return CONFIG.format(address=address, port=port, cookie=COOKIE, servers=servers)


class Room:
    """The processes and the proxy in front of them, until :meth:`stop`."""

    def __init__(self, address: str, port: int, processes: int) -> None:
        haproxy = shutil.which("haproxy")
        if haproxy is None:
            raise SystemExit(
                "haproxy is not installed: apt-get install haproxy (Debian's package)"
            )
        self.folder = Path(tempfile.mkdtemp(prefix="softmax-room-"))
        # Streamlit takes the secret from its environment, not from a flag.
        os.environ.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(16))
        self.servers: list[AppServer] = []
        try:
            for k in range(processes):
                self.servers.append(AppServer(self.folder / f"app{k + 1}.log"))
            config = self.folder / "haproxy.cfg"
            config.write_text(
                haproxy_config(address, port, [s.port for s in self.servers])
            )
            self.proxy = subprocess.Popen(
                [haproxy, "-db", "-f", str(config)],
                stdout=open(self.folder / "haproxy.log", "w"),  # noqa: SIM115
                stderr=subprocess.STDOUT,
            )
        except BaseException:
            self.stop()
            raise
        self.url = f"http://{'127.0.0.1' if address == '0.0.0.0' else address}:{port}"

    def wait_ready(self, timeout: float = 30.0) -> None:
        """Wait until the proxy answers the app's health check."""
        deadline = time.monotonic() + timeout
        while not healthy(self.url):
            if self.proxy.poll() is not None:
                log = (self.folder / "haproxy.log").read_text(errors="replace")
                raise SystemExit(f"haproxy exited:\n{log}")
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        else:
            return
        raise SystemExit(f"the room did not answer at {self.url} in time")

    def log_tail(self, chars: int = 3000) -> str:
        """The end of each process's log and of the proxy's."""
        parts = [f"app{k}:\n{s.log_tail(chars)}" for k, s in enumerate(self.servers, 1)]
        proxy_log = self.folder / "haproxy.log"
        if proxy_log.exists():
            parts.append("haproxy:\n" + proxy_log.read_text(errors="replace")[-chars:])
        return "\n".join(parts)

    def stopped(self) -> str | None:
        """What has exited (the proxy or a process), or None while all run."""
        if getattr(self, "proxy", None) is not None and self.proxy.poll() is not None:
            return "haproxy"
        for k, server in enumerate(self.servers, start=1):
            if server.process.poll() is not None:
                return f"app{k}"
        return None

    def stop(self) -> None:
        proxy = getattr(self, "proxy", None)
        if proxy is not None and proxy.poll() is None:
            proxy.terminate()
            proxy.wait(10)
        for server in self.servers:
            server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Room:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--address", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with Room(args.address, args.port, args.processes) as room:
        room.wait_ready()
        print(
            f"Serving the app with {args.processes} processes at {room.url}"
            f" (on {args.address}:{args.port}); Ctrl-C stops it.",
            flush=True,
        )
        try:
            while (gone := room.stopped()) is None:
                time.sleep(1)
        except KeyboardInterrupt:
            return 0
        print(f"{gone} stopped; stopping the room.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
