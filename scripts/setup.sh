#!/usr/bin/env bash
# Make .venv (if missing) and install the project into it with the given extras, e.g. `local,dev`.
# The [local] extra builds llama-cpp-python from source the first time (about 6 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-local}"
python3 -m venv .venv 2>/dev/null || true
[ -x .venv/bin/python ] || { echo "could not create .venv (is python3-venv installed?)" >&2; exit 2; }
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
# constraints.txt pins what shapes a request (instructor, pydantic, jinja2, openai, llama-cpp-python), so the
# committed recordings answer; scripts/pin.sh rewrites it from .venv after an intended upgrade.
# llama.cpp is built for this CPU (-march=native) but without Intel AMX: on a host that advertises AMX its tile
# kernels died with SIGILL ("Illegal instruction" at the first matrix product; seen on a Firecracker guest whose
# kernel grants the AMX permission), and the AVX-512 kernels serve the 1.5B model. Explicit -mno flags win over
# -march whatever their order.
no_amx="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
export CMAKE_ARGS="${CMAKE_ARGS:-} -DCMAKE_C_FLAGS='${no_amx}' -DCMAKE_CXX_FLAGS='${no_amx}'"
.venv/bin/python -m pip install --quiet -c constraints.txt -e ".[${extras}]"
# A wheel pip built earlier with AMX kernels (its cache keys a build by the sdist, not by CMAKE_ARGS) is built anew.
cpu_lib=$(ls .venv/lib/python3*/site-packages/llama_cpp/lib/libggml-cpu.so 2>/dev/null || true)
if [ -n "$cpu_lib" ] && grep -q ggml_backend_amx_mul_mat "$cpu_lib"; then
  echo "setup: llama.cpp was built with AMX kernels; building it again without them (about 6 minutes)" >&2
  .venv/bin/python -m pip cache remove llama_cpp_python >/dev/null 2>&1 || true
  .venv/bin/python -m pip install --quiet --force-reinstall --no-deps -c constraints.txt \
    "llama-cpp-python==$(sed -n 's/^llama-cpp-python==//p' constraints.txt)"
  if grep -q ggml_backend_amx_mul_mat "$cpu_lib"; then
    echo "setup: llama.cpp still has AMX kernels; the embedded model may die with SIGILL on this host" >&2
  fi
fi
