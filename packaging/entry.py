"""The entry of the one-folder build: both executables run this script.

``logistics-desk`` (a console program: the commands, and the window when run
without one) and ``logistics-desk-gui`` (no console window on Windows: what
the clerk starts from the Start menu; failures are shown in message boxes).
"""

import sys
from pathlib import Path

if Path(sys.executable).stem.lower().endswith("-gui"):
    from logistics_desk.app import gui_main as main
else:
    from logistics_desk.cli import main

raise SystemExit(main())
