import sys

from ljtracker.cli import main

sys.exit(main())
