"""Allow ``python -m pareconapp``."""

from pareconapp.cli import main

raise SystemExit(main())
