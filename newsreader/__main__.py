"""Allow ``python -m newsreader``, the same as the ``news`` command."""

import sys

from newsreader.cli import main

sys.exit(main())
