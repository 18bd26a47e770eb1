"""`python -m desktop` runs the command line, like the `precis` command."""

from desktop.cli import main

raise SystemExit(main())
