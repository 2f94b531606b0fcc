import sys

from backstride.cli.main import main

sys.exit(main())
