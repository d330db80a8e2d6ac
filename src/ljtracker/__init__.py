"""ljtracker: track a development plan's targets year by year."""

from pathlib import Path

__version__ = "0.1.0"


def package_file(*parts: str) -> Path:
    """A data file shipped inside the package (icons, translations, the demo's data), which
    lies beside the modules both when installed and in the standalone application folder."""
    return Path(__file__).parent.joinpath(*parts)
