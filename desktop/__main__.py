"""`python -m desktop` runs the command line, like the `precis` command."""

from desktop.cli import main

if __name__ == "__main__":  # not when a worker process of the importer loads this module as __mp_main__
    raise SystemExit(main())
