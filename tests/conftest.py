"""Shared test setup. The suite never opens a network connection beyond loopback: any attempt fails the test.

Loopback (127.0.0.1 and ::1, nothing else) is allowed so tests can talk to the fault-injection server they
start themselves (tests/fakeserver.py).
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = ROOT / "fixtures" / "eval" / "dev"
EXCHANGES = ROOT / "fixtures" / "exchanges"


LOOPBACK = {"127.0.0.1", "::1"}


def _allowed(sock: socket.socket, address: object) -> bool:
    if sock.family == socket.AF_UNIX:
        return True
    return isinstance(address, tuple) and bool(address) and address[0] in LOOPBACK


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded(self: socket.socket, address: object) -> None:
        if _allowed(self, address):
            return real_connect(self, address)  # type: ignore[arg-type]
        raise AssertionError(f"test tried to open a network connection to {address!r}")

    def guarded_ex(self: socket.socket, address: object) -> int:
        if _allowed(self, address):
            return real_connect_ex(self, address)  # type: ignore[arg-type]
        raise AssertionError(f"test tried to open a network connection to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_ex)
    yield


def all_articles() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))


EXPECTED = ROOT / "tests" / "expected"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-expected", action="store_true",
                     help="Rewrite tests/expected/* from the current rendering (review the diff before committing).")
    parser.addoption("--update-screenshot", action="store_true",
                     help="Write docs/report.png from the report's browser test (look at it before committing).")


def matches_expected(request: pytest.FixtureRequest, name: str, actual: str) -> None:
    """Compare with tests/expected/NAME; ``--update-expected`` rewrites the file instead."""
    path = EXPECTED / name
    if request.config.getoption("--update-expected"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run pytest --update-expected and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; if intended: pytest --update-expected"


def default_ctrl_c() -> None:
    """``preexec_fn`` for a child the test interrupts: SIGINT back to Python's default. A test run started in
    the background (``cmd &``, ``nohup``) hands its children SIGINT ignored, and a CLI that never sees the
    signal runs to the end: the test would measure how it was launched, not what Ctrl-C does."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
