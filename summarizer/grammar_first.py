"""Schema-constrained greedy decoding that checks the grammar against one token instead of the whole vocabulary.

llama-cpp-python puts the JSON-schema grammar in its sampler chain before the greedy pick, so every generated
token runs the grammar over all ~151,000 candidates of Qwen's vocabulary: measured at 16-25 ms a token on two
cores, about 40% of the wall time. llama.cpp's own sampler (``common_sampler_sample``, which llama-server uses)
does it the other way round: pick the best token first, ask the grammar about that one token, and mask the whole
vocabulary only when the grammar rejects it. For greedy decoding both give the same token (the best allowed
token is the best token whenever the best token is allowed), so the answers are byte-identical and only the time
changes. This module brings that order to llama-cpp-python by subclassing ``Llama._init_sampler``.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp import Llama
from llama_cpp import _internals as internals

_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)], align=True)


class GrammarFirstRejection:
    """The grammar stage of the chain: apply it to the greedy token alone; fall back to the full vocabulary."""

    def __init__(self, model: Any, grammar: Any) -> None:
        self._grammar = internals.LlamaSampler()  # type: ignore[no-untyped-call]
        self._grammar.add_grammar(model, grammar)
        self._single = (llama_cpp.llama_token_data * 1)()
        self._single_array = llama_cpp.llama_token_data_array(
            data=ctypes.cast(self._single, llama_cpp.llama_token_data_p), size=1, selected=-1, sorted=False)
        self.full_applications = 0
        self.tokens = 0

    def _candidates(self, cur_p: Any) -> np.ndarray:
        array = cur_p.contents
        buffer = (llama_cpp.llama_token_data * array.size).from_address(ctypes.addressof(array.data.contents))
        return np.frombuffer(buffer, dtype=_TOKEN_DATA)

    def apply(self, cur_p: Any) -> None:
        """Narrow the candidates to the one token greedy decoding would take under the grammar, and accept it."""
        candidates = self._candidates(cur_p)
        best = int(np.argmax(candidates["logit"]))
        token = int(candidates["id"][best])
        self._single[0].id = token  # type: ignore[assignment]
        self._single[0].logit = 1.0
        self._single[0].p = 0.0
        self._single_array.selected = -1
        self._single_array.size = 1
        llama_cpp.llama_sampler_apply(self._grammar.sampler, ctypes.byref(self._single_array))
        self.tokens += 1
        if math.isinf(self._single[0].logit):
            self.full_applications += 1
            llama_cpp.llama_sampler_apply(self._grammar.sampler, cur_p)
            candidates = self._candidates(cur_p)
            best = int(np.argmax(candidates["logit"]))
            token = int(candidates["id"][best])
        if best != 0:
            candidates[[0, best]] = candidates[[best, 0]]
        cur_p.contents.size = 1
        cur_p.contents.selected = -1
        # The chain's own accept skips custom samplers, so the grammar learns the chosen token here.
        llama_cpp.llama_sampler_accept(self._grammar.sampler, token)


class GrammarFirstLlama(Llama):
    """``Llama`` whose greedy, grammar-constrained sampling checks the grammar lazily (see the module doc).

    Sampling with a temperature above zero, or without a grammar, is left to llama-cpp-python unchanged."""

    last_stage: GrammarFirstRejection | None = None

    def _init_sampler(self, *args: Any, **kwargs: Any) -> Any:
        grammar = kwargs.get("grammar")
        temp = kwargs.get("temp", 0.8)
        if grammar is None or temp != 0.0 or kwargs.get("logits_processor") is not None:
            self.last_stage = None
            return super()._init_sampler(*args, **kwargs)
        stage = GrammarFirstRejection(self._model, grammar)
        sampler = internals.LlamaSampler()  # type: ignore[no-untyped-call]
        sampler.add_custom(stage.apply)
        sampler.add_greedy()  # type: ignore[no-untyped-call]
        sampler._grammar_stage = stage  # type: ignore[attr-defined]  # keep it alive with the chain
        self.last_stage = stage
        return sampler
