"""
Date and time formats per language (FORMAT_MODULE_PATH), written to match
what readers' browsers print for the same moment with Intl.DateTimeFormat
(dateStyle "long", timeStyle "short"): events/static/events/local-time.js
adds the reader's own time beside the event's, and both must read alike.
"""
