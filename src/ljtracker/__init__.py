"""ljtracker: track a development plan's targets year by year."""

__version__ = "0.1.0"
