"""``python -m benchmarks COMMAND`` (``--help`` lists the commands)."""

from benchmarks.run import main

raise SystemExit(main())
