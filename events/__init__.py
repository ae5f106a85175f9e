"""
The events calendar.

This app's name shadows the PyPI package "Events", which opensearch-py
imports as `from events import Events`. So that both work in one process, the
package's module is loaded here from site-packages and its two names
re-exported. (Renaming the app would break the project's agreed layout.)
"""

import importlib.util
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _third_party_events():
    for entry in sys.path:
        candidate = Path(entry or ".").resolve() / "events" / "events.py"
        if candidate.parent != _HERE and candidate.is_file():
            spec = importlib.util.spec_from_file_location(f"{__name__}._third_party", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    return None


_module = _third_party_events()
if _module is not None:
    Events = _module.Events
    EventsException = _module.EventsException
