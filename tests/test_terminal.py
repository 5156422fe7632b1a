"""The real CLI in a real terminal (tmux) and in pipes: colour where it helps, none where it would hurt.

tmux gives the program a genuine pseudo-terminal of a known size; ``capture-pane`` reads back the screen as
a person would see it (``-e`` keeps the colour codes).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import EXCHANGES, ROOT, SEEDS

SEED = SEEDS / "003_1315655d0b13ffe5.txt"
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-7]|38;[25]|9[0-7])[0-9;]*m")
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def cli_args(cache: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "summarizer", "summarize", str(SEED), "--provider", "replay",
            "--fixtures", str(EXCHANGES), "--cache-dir", str(cache), *extra]


def in_tmux(command: list[str], env: dict[str, str], width: int = 100) -> tuple[str, str]:
    """Run ``command`` in a fresh tmux server; return the screen as text and with colour codes."""
    sock = f"summarizer-test-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
    # COLUMNS/LINES from the test process would override the pane's real size, as they would for a user.
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    script = (f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u LINES {exports} {shlex.join(command)}; "
              "echo EXIT=$?; sleep 60")
    # Without a client terminal (as under pytest) tmux may ignore -x/-y, so the size is set before the command runs.
    subprocess.run([*tmux, "new-session", "-d", "-s", "t", "-x", str(width), "-y", "70", "sleep 60"], check=True)
    try:
        subprocess.run([*tmux, "resize-window", "-t", "t", "-x", str(width), "-y", "70"], check=True)
        size = subprocess.run([*tmux, "display-message", "-p", "-t", "t", "#{window_width}"],
                              capture_output=True, text=True, check=True).stdout.strip()
        assert size == str(width), f"tmux window is {size} columns, not {width}"
        subprocess.run([*tmux, "respawn-pane", "-k", "-t", "t", script], check=True)
        deadline = time.monotonic() + 60
        screen = ""
        while time.monotonic() < deadline:
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", "t", "-S", "-", "-J"],
                                    capture_output=True, text=True, check=True).stdout
            if "EXIT=" in screen:
                break
            time.sleep(0.2)
        coloured = subprocess.run([*tmux, "capture-pane", "-p", "-e", "-t", "t", "-S", "-"],
                                  capture_output=True, text=True, check=True).stdout
        return screen, coloured
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


@needs_tmux
def test_a_person_reads_the_brief_in_a_terminal(tmp_path: Path) -> None:
    screen, coloured = in_tmux(cli_args(tmp_path), {"TERM": "xterm-256color"})
    assert "EXIT=0" in screen
    assert "Afghan police officers massacred by Taliban militants" in screen
    assert re.search(r"killed\s+police\s+At least 28\s+28–", screen)
    assert "claimed by Qari Yousuf Ahmadi [S5]" in " ".join(screen.split()) and "Summary" in screen
    assert max(len(line) for line in screen.splitlines()) <= 100
    assert COLOUR.search(coloured), "a terminal should get colour"


@needs_tmux
def test_no_color_is_respected_in_a_terminal(tmp_path: Path) -> None:
    screen, coloured = in_tmux(cli_args(tmp_path), {"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert "EXIT=0" in screen and "Summary" in screen
    assert not COLOUR.search(coloured)


@needs_tmux
def test_a_narrow_terminal_wraps_the_brief(tmp_path: Path) -> None:
    screen, _ = in_tmux(cli_args(tmp_path), {"TERM": "xterm-256color"}, width=60)
    assert "EXIT=0" in screen
    lines = screen.splitlines()
    assert max(len(line) for line in lines) <= 60, [line for line in lines if len(line) > 60]
    assert any(re.search(r"│\s*\d[\d,]*\s*│$", line) for line in lines), "token counts stay whole"


def test_a_pipe_gets_plain_text_and_no_progress(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env["COLUMNS"] = "72"
    result = subprocess.run(cli_args(tmp_path), capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "Afghan police officers massacred" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 72
    assert result.stderr == ""
