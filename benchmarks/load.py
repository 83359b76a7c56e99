"""A room of students at once: many sessions on one local server, each its own.

Starts ``streamlit run app.py`` on a free port and opens ``--sessions``
websocket clients at once (30 by default), speaking Streamlit's own protocol
as the browser does: a ``BackMsg`` asks for a run with the page and the
widget values, and ``ForwardMsg`` deltas come back until the run finishes.
Websocket clients rather than 30 Chromium tabs, so that the 2 cores serve the
app instead of drawing 30 pages; the latency measured is the server's (from
the request for a run to its last message), which is what a crowd slows down.

Each session arrives within 2 s of the others (the lecturer says "open the
explorer") and waits 2 to 5 s (``--think``) between moves, as a student
reading the page does: a slider is moved every few seconds. (A Streamlit
slider asks for a run when it is let go, not while it is dragged.) It

1. opens the explorer and moves three sliders, z0 to a value no other session
   uses, then z1 and the temperature, and checks that the live view was given
   its own z and the softmax of its own z (computed here); every third
   session also turns on "The same numbers from Python" and checks its step
   table and plotly bars as well;
2. opens the training page, sets C, the seed and the hidden units (sessions
   share some of these settings, so they share the cached training run, and
   differ in others) and checks that Y has its own C rows (and J at the start
   = log C for softmax regression), with no error or exception shown;
3. scrubs to iteration 0 and leaves.

The room comes ``--rounds`` times (2), so that memory that is not given back
shows as growth from one round to the next. For each round it prints the
sessions served, the errors, the latency of the interactions (p50, p95: from
asking for a run to its last message), the server's CPU per interaction and
its memory (RSS from /proc/PID/status) before, at the peak and once the
closed sessions have expired; then the latency per kind of interaction and
how many training runs were computed or taken from the shared cache (from
``/_stcore/metrics``). Exit status 1 on any error.

    .venv/bin/python benchmarks/load.py [--sessions 30] [--rounds 2] [--think 2 5]
                                        [--ttl 5] [--server-arg=--server.xyz=…]
                                        [--before DIR]

With ``--before DIR`` (another checkout of the app) a second server runs that
tree, and the rounds take turns between the two, so they share the machine's
noise.

``--ttl`` is the server's ``disconnectedSessionTTL`` (120 s by default in
Streamlit): how long a closed session is kept before its memory is freed.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import math
import os
import re
import resource
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from softmax_ui.locales.en import STRINGS as EN  # noqa: E402
from tools.app_server import AppServer  # noqa: E402

FINISHED = (
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
)
PYTHON_VIEW = "explorer_python_view"
RUN_TIMEOUT = 120.0
# Students arrive within ARRIVAL seconds of each other and look at the page
# for THINK seconds (uniform; --think) before their next move.
ARRIVAL = 2.0
THINK = [2.0, 5.0]


# --- The server ------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


class Server:
    """``streamlit run app.py`` (tools.app_server), its memory sampled every 50 ms."""

    def __init__(self, ttl: int, extra: list[str], tree: Path = ROOT) -> None:
        self.app = AppServer(
            cwd=tree, args=[f"--server.disconnectedSessionTTL={ttl}", *extra]
        )
        self.process = self.app.process
        self.peak = 0.0
        self._sampling = True
        threading.Thread(target=self._sample, daemon=True).start()

    def url(self, path: str) -> str:
        return self.app.url + path

    def rss(self) -> float:
        return rss_mb(self.process.pid)

    def cpu(self) -> float:
        return cpu_seconds(self.process.pid)

    def _sample(self) -> None:
        while self._sampling and self.process.poll() is None:
            self.peak = max(self.peak, self.rss())
            time.sleep(0.05)

    def cache_lookups(self, function: str) -> dict[str, int]:
        """Hits and misses of an st.cache_data function, from /_stcore/metrics."""
        with urllib.request.urlopen(self.url("/_stcore/metrics"), timeout=10) as r:
            text = r.read().decode()
        name = rf'cache="[\w.]*{function}"'
        pattern = rf'^cache_lookups_total{{{name}.*result="(\w+)"}} (\d+)'
        return {k: int(n) for k, n in re.findall(pattern, text, re.M)}

    def stop(self) -> None:
        self._sampling = False
        self.app.stop()


class Attached(Server):
    """A server (or a proxy in front of several) started by someone else (--url).

    Its memory and CPU are not known here: those columns read nan.
    """

    def __init__(self, url: str) -> None:
        self.base = url.rstrip("/")
        self.peak = math.nan

    def url(self, path: str) -> str:
        return self.base + path

    def rss(self) -> float:
        return math.nan

    def cpu(self) -> float:
        return math.nan

    def cache_lookups(self, function: str) -> dict[str, int]:
        return {}

    def stop(self) -> None:
        pass


# --- One browser session, as websocket messages ------------------------------------


@dataclass
class Page:
    """What one run of a page showed (tables and figures still encoded: the
    clients decode only what they check, to leave the CPU to the server)."""

    widgets: dict[str, object] = field(default_factory=dict)  # key -> proto
    tables: list[bytes] = field(default_factory=list)  # Arrow IPC
    metrics: dict[str, str] = field(default_factory=dict)
    figures: dict[str, str] = field(default_factory=dict)  # plotly JSON
    components: dict[str, str] = field(default_factory=dict)  # key -> data JSON
    errors: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)  # every st.success … st.error

    def table(self, k: int):
        return pa.ipc.open_stream(self.tables[k]).read_all().to_pandas()

    def figure(self, key: str) -> dict:
        return json.loads(self.figures[key])

    def component(self, key: str) -> dict:
        # Given as the one item of a list (a dict in trees before that change).
        data = json.loads(self.components[key])
        return data[0] if isinstance(data, list) else data


class Session:
    """A websocket client that runs pages and sets widgets like the frontend."""

    def __init__(self, base: str) -> None:
        self.base = base  # http://host:port, the server or a proxy in front of it
        self.page_hashes: dict[str, str] = {}
        self.states: dict[str, WidgetState] = {}
        self.fragments: dict[str, str] = {}  # widget key -> its st.fragment's id
        self.page_hash = ""
        self.query = ""

    async def __aenter__(self) -> Session:
        self.ws = await websockets.connect(
            self.base.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=2**27,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def open(self, page: str, query: str = "") -> tuple[Page, float]:
        """Open a page, as a click in the navigation does (``query``: its link's)."""
        self.query = query
        self.states = {}
        self.fragments = {}
        self.page_hash = self.page_hashes.get(page, "")
        return await self._run(page_name=page)

    async def set(self, **values) -> tuple[Page, float]:
        """Give widgets (by key) new values and run the page again.

        As in the browser, widgets of one ``st.fragment`` rerun only it.
        """
        for key, value in values.items():
            self.states[key] = self._state(key, value)
        fragments = {self.fragments.get(key, "") for key in values}
        return await self._run(fragment=fragments.pop() if len(fragments) == 1 else "")

    async def click(self, key: str) -> tuple[Page, float]:
        """Click the button with ``key``: a run in which it is pressed, once."""
        self.states[key] = WidgetState(id=self.last.widgets[key].id, trigger_value=True)
        try:
            return await self._run(fragment=self.fragments.get(key, ""))
        finally:
            self.states.pop(key, None)

    def _state(self, key: str, value) -> WidgetState:
        proto = self.last.widgets[key]
        state = WidgetState(id=proto.id)
        kind = proto.DESCRIPTOR.name
        if kind == "Slider" and proto.options:  # a select_slider
            state.string_array_value.data[:] = [str(value)]
        elif kind == "Slider":
            state.double_array_value.data[:] = [float(value)]
        elif kind == "NumberInput":
            state.double_value = float(value)
        elif kind == "Radio":
            state.string_value = str(value)
        elif kind == "Checkbox":  # a checkbox or a toggle
            state.bool_value = bool(value)
        else:
            raise ValueError(f"no state for a {kind}")
        return state

    async def _run(self, page_name: str = "", fragment: str = "") -> tuple[Page, float]:
        msg = BackMsg()
        msg.rerun_script.page_script_hash = self.page_hash
        msg.rerun_script.page_name = page_name
        msg.rerun_script.fragment_id = fragment
        msg.rerun_script.query_string = self.query
        msg.rerun_script.widget_states.widgets.extend(self.states.values())
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        page = Page()
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), RUN_TIMEOUT)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "navigation":
                for p in fwd.navigation.app_pages:
                    self.page_hashes[p.url_pathname or "home"] = p.page_script_hash
                self.page_hash = fwd.navigation.page_script_hash or self.page_hash
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                key = self._collect(fwd.delta.new_element, page)
                if key:
                    self.fragments[key] = fwd.delta.fragment_id
            elif kind == "script_finished":
                if fwd.script_finished in FINISHED:
                    break
                page = Page()  # the app reran itself (st.rerun): start over
        if fragment:  # the rest of the page stays as it was
            page.widgets = {**self.last.widgets, **page.widgets}
        self.last = page
        return page, time.perf_counter() - start

    @staticmethod
    def _collect(element, page: Page) -> str | None:
        """Note what the page shows; the key of a widget, if it is one."""
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        widget_id = getattr(proto, "id", "")
        key = None
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
            key = widget_id.split("-", 2)[2]
            page.widgets[key] = proto
        if kind == "table":
            page.tables.append(proto.arrow_data.data)
        elif kind == "metric":
            page.metrics[proto.label] = proto.body
        elif kind == "plotly_chart":
            page.figures[proto.id.split("-", 2)[2]] = proto.spec
        elif kind == "bidi_component":
            page.components[proto.id.split("-", 2)[2]] = proto.json
        elif kind == "exception":
            page.errors.append(f"exception: {proto.message}")
        elif kind == "alert":
            page.alerts.append(proto.body)
            if proto.format == proto.ERROR:
                page.errors.append(f"error: {proto.body}")
        return key


# --- A student ---------------------------------------------------------------------


@dataclass
class Outcome:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def note(self, what: str, seconds: float) -> None:
        self.latencies.setdefault(what, []).append(seconds)


def softmax(z: np.ndarray, temperature: float) -> np.ndarray:
    t = np.exp((z - z.max()) / temperature)
    return t / t.sum()


def training_settings(k: int) -> dict[str, float]:
    """Session k's training: C and seed shared with some sessions, not others."""
    return {
        "training_C": 2 + k % 5,
        "training_seed": (k // 5) % 3,
        "training_hidden_units": 8 if k % 6 == 5 else 0,
    }


async def student(k: int, base: str, outcome: Outcome) -> None:
    rng = np.random.default_rng(k)
    await asyncio.sleep(float(rng.uniform(0, ARRIVAL)))
    # A value on the slider's 0.1 grid, inside its range (−10 … 10), that no
    # other session of the first 201 uses: the app would put a value beyond the
    # range back to the default, and the check below would see a leak.
    z0 = round(-10.0 + 0.1 * (k % 201), 1)
    z1 = round(float(rng.uniform(-5, 5)), 1)
    temperature = (0.5, 1.0, 2.0)[k % 3]
    async with Session(base) as session:
        page, seconds = await session.open("explorer")
        outcome.note("open explorer", seconds)
        moves = [{"explorer_z0": z0}, {"explorer_z1": z1}]
        moves.append({"explorer_temperature": temperature})
        if k % 3 == 0 and PYTHON_VIEW in page.widgets:
            # A third of the room also turns on "The same numbers from Python".
            moves.insert(1, {PYTHON_VIEW: True})
        for move in moves:
            await asyncio.sleep(float(rng.uniform(*THINK)))
            page, seconds = await session.set(**move)
            what = "turn on Python view" if PYTHON_VIEW in move else "move a slider"
            outcome.note(what, seconds)
            outcome.problems += [f"session {k}: {e}" for e in page.errors]
        z = np.array([z0, z1, -1.0, 3.0])
        expected = softmax(z, temperature)
        # The live view is given the sliders' z and softmax_core's numbers.
        live = page.component("explorer_live")
        shown_z = [entry["value"] for entry in live["entries"]]
        if shown_z != z.tolist():
            outcome.problems.append(f"session {k} set z = {z} but sees {shown_z}")
        if not np.allclose(live["python"]["a"], expected, atol=1e-9):
            outcome.problems.append(f"session {k}: the live view's a is not its own")
        if {PYTHON_VIEW: True} in moves and not page.tables:
            outcome.problems.append(f"session {k}: the Python view did not open")
        if page.tables:  # the Python view: its step table and plotly bars
            shown_z = [float(v) for v in page.table(0)["z"]]
            bars = page.figure("explorer_bars")["data"][0]["y"]
            bars = np.frombuffer(base64.b64decode(bars["bdata"]), bars["dtype"])
            if shown_z != z.tolist() or not np.allclose(bars, expected, atol=1e-9):
                outcome.problems.append(f"session {k}: the Python view is not its own")

        await asyncio.sleep(float(rng.uniform(*THINK)))
        page, seconds = await session.open("training")
        outcome.note("open training", seconds)
        settings = training_settings(k)
        page, seconds = await session.set(**settings)
        outcome.note("train", seconds)
        outcome.problems += [f"session {k}: {e}" for e in page.errors]
        # Its own C: the rows of Y, and J(0) = log C for softmax regression.
        count = settings["training_C"]
        rows = page.figure("training_Y")["data"][0]["y"]
        j0 = float(page.metrics.get(EN["training.cost_start"], "nan"))
        if len(rows) != count or (
            settings["training_hidden_units"] == 0
            and not math.isclose(j0, math.log(count), abs_tol=5e-4)
        ):
            outcome.problems.append(
                f"session {k} chose C = {count} but sees {len(rows)} rows, J(0) = {j0}"
            )
        await asyncio.sleep(float(rng.uniform(*THINK)))
        page, seconds = await session.set(training_iteration=0)
        outcome.note("scrub", seconds)
        outcome.problems += [f"session {k}: {e}" for e in page.errors]


async def room(sessions: int, base: str) -> tuple[Outcome, list[BaseException]]:
    outcome = Outcome()
    results = await asyncio.gather(
        *(student(k, base, outcome) for k in range(sessions)), return_exceptions=True
    )
    return outcome, [r for r in results if isinstance(r, BaseException)]


# --- The report --------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


@dataclass
class Round:
    """One round: a room of sessions, then a wait until they have expired."""

    served: int
    errors: int
    latencies: list[float]
    cpu_ms: float  # server CPU per interaction
    core: float  # share of one core the server used
    rss_before: float
    rss_peak: float
    rss_after: float
    sessions_left: int


def active_sessions(server: Server) -> int:
    if isinstance(server, Attached):
        return -1
    with urllib.request.urlopen(server.url("/_stcore/metrics"), timeout=10) as r:
        found = re.search(r"^active_sessions (\d+)", r.read().decode(), re.M)
    return int(found.group(1)) if found else -1


def one_round(server: Server, args: argparse.Namespace) -> tuple[Round, Outcome]:
    """A room of ``--sessions`` students, then a wait until they have expired."""
    before, cpu = server.rss(), server.cpu()
    server.peak = before
    start = time.perf_counter()
    outcome, crashed = asyncio.run(room(args.sessions, server.url("")))
    wall = time.perf_counter() - start
    cpu = server.cpu() - cpu
    peak = server.peak
    time.sleep(args.ttl + 5)  # the closed sessions expire
    times = [s for values in outcome.latencies.values() for s in values]
    outcome.problems += [f"{type(e).__name__}: {e}" for e in crashed]
    return Round(
        served=args.sessions - len(crashed),
        errors=len(outcome.problems),
        latencies=times,
        cpu_ms=1000 * cpu / max(len(times), 1),
        core=cpu / wall,
        rss_before=before,
        rss_peak=peak,
        rss_after=server.rss(),
        sessions_left=active_sessions(server),
    ), outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--ttl", type=int, default=5)
    parser.add_argument("--think", type=float, nargs=2, default=THINK)
    parser.add_argument(
        "--before", type=Path, help="another checkout of the app, its rounds in turn"
    )
    parser.add_argument(
        "--url",
        help="use the server (or proxy) already serving the app at this address,"
        " e.g. http://127.0.0.1:8501 (make serve-room), instead of starting one",
    )
    parser.add_argument(
        "--server-arg",
        action="append",
        default=[],
        help="an option for streamlit run (--server-arg=--server.fileWatcherType=auto)",
    )
    args = parser.parse_args()
    THINK[:] = args.think

    trees = {
        "this tree": ROOT,
        **({str(args.before): args.before} if args.before else {}),
    }
    servers: dict[str, Server] = {}
    rounds: dict[str, list[Round]] = {name: [] for name in trees}
    outcomes = {name: Outcome() for name in trees}
    lookups: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
    try:
        for name, tree in trees.items():
            if args.url and name == "this tree":
                servers[name] = Attached(args.url)
            else:
                servers[name] = Server(args.ttl, args.server_arg, tree)
            # One visit first, so the baseline has the imports and the defaults.
            asyncio.run(room(1, servers[name].url("")))
        time.sleep(args.ttl + 3)
        first = {name: s.cache_lookups("training_run") for name, s in servers.items()}
        for _ in range(args.rounds):
            for name, server in servers.items():
                done, outcome = one_round(server, args)
                rounds[name].append(done)
                for what, values in outcome.latencies.items():
                    outcomes[name].latencies.setdefault(what, []).extend(values)
                outcomes[name].problems += outcome.problems
        for name, server in servers.items():
            lookups[name] = (first[name], server.cache_lookups("training_run"))
    finally:
        for server in servers.values():
            server.stop()

    distinct = len({tuple(training_settings(k).values()) for k in range(args.sessions)})
    print(
        f"{args.rounds} rounds of {args.sessions} sessions on {os.cpu_count()} cores"
        f" (load average {os.getloadavg()[0]:.1f}), {THINK[0]:g} to {THINK[1]:g} s"
        " between a student's moves"
    )
    for name in trees:
        print(
            f"\n{name}\n{'round':>5} {'served':>6} {'errors':>6} {'p50 s':>6}"
            f" {'p95 s':>6} {'server CPU':>10} {'of a core':>9} {'RSS MB before':>13}"
            f" {'peak':>5} {'after':>5} {'sessions left':>13}"
        )
        for k, r in enumerate(rounds[name]):
            print(
                f"{k + 1:5d} {r.served:6d} {r.errors:6d}"
                f" {percentile(r.latencies, 50):6.2f}"
                f" {percentile(r.latencies, 95):6.2f} {r.cpu_ms:7.0f} ms {r.core:9.0%}"
                f" {r.rss_before:13.0f} {r.rss_peak:5.0f} {r.rss_after:5.0f}"
                f" {r.sessions_left:13d}"
            )
    print("(server CPU per interaction; after: once the closed sessions expired)")
    for name in trees:
        latencies = outcomes[name].latencies
        everything = [s for values in latencies.values() for s in values]
        print(f"\n{name}\n{'interaction':24} {'n':>4} {'p50 s':>7} {'p95 s':>7}"
              f" {'max s':>7}")  # fmt: skip
        for what, values in [*latencies.items(), ("all", everything)]:
            p50, p95 = percentile(values, 50), percentile(values, 95)
            print(
                f"{what:24} {len(values):4d} {p50:7.3f} {p95:7.3f} {max(values):7.3f}"
            )
        (was, now) = lookups[name]
        hits = now.get("hit", 0) - was.get("hit", 0)
        misses = now.get("miss", 0) - was.get("miss", 0)
        print(
            f"training runs: {misses} computed, {hits} taken from the shared cache"
            f" ({distinct} distinct settings among {args.sessions} sessions a round)"
        )
        for error in outcomes[name].problems[:20]:
            print(f"  {error}")
    clients = resource.getrusage(resource.RUSAGE_SELF)
    print(f"\nthe clients used {clients.ru_utime + clients.ru_stime:.1f} s of CPU")
    errors = outcomes["this tree"].problems
    everything = [s for r in rounds["this tree"] for s in r.latencies]
    ok = not errors and percentile(everything, 95) < 1.0
    print("goal (no error, p95 < 1 s):", "met" if ok else "NOT met")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
