"""Speed benchmarks, kept out of the package: ``python -m benchmarks COMMAND`` from a checkout.

They need what only a checkout has (``seeds/``, ``fixtures/``, the test suite's loopback server
``tests/fakeserver.py``), so they are not shipped in the wheel, and editing them never touches the code
fingerprint that keys the brief cache (``summarizer.briefcache``). ``run.py`` holds the commands and the report
format; ``local.py`` the embedded model's benchmark. ``docs/performance.md`` keeps what they measured.
"""
