"""constraints.txt pins what shapes a request, at the versions the recordings were made with: scripts/setup.sh
installs with it, and an upgrade that skipped scripts/pin.sh (and the re-recording) shows here."""

from __future__ import annotations

import re
from importlib.metadata import version

from summarizer.briefcache import LIBRARIES
from tests.conftest import ROOT

CONSTRAINTS = ROOT / "constraints.txt"


def pins() -> dict[str, str]:
    found = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, pinned = line.partition("==")
            found[re.sub(r"[-_.]+", "-", name).lower()] = pinned
    return found


def test_the_pins_are_the_installed_versions() -> None:
    for name, pinned in pins().items():
        assert version(name) == pinned, f"{name} {version(name)} is installed, constraints.txt pins {pinned}: " \
                                        "run scripts/pin.sh (and scripts/record_fixtures.sh) after an upgrade"


def test_every_library_that_keys_the_brief_cache_is_pinned() -> None:
    pinned = pins()
    assert {re.sub(r"[-_.]+", "-", name).lower() for name in LIBRARIES} <= set(pinned)
    assert {"instructor", "pydantic", "pydantic-core", "openai", "llama-cpp-python"} <= set(pinned)


def test_setup_installs_with_the_constraints() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert re.search(r"pip install .*-c constraints\.txt", setup)
