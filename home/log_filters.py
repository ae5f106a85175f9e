"""Logging filters named in settings.LOGGING."""

import logging


class OneLineWarning(logging.Filter):
    """
    A request with a Host header the site does not serve is the client's
    mistake or a scan, answered 400: one line at WARNING, not an ERROR with a
    traceback that anyone can make the site write in volume.
    """

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        return True
