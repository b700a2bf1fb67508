"""80 % intervals of the population projection, from the population backtest's errors.

For each age group (``0-19``, ``20-64``, ``65+``, ``total``) the backtest gives the 10th and
90th percentiles of observed / projected − 1 of the län's population at each horizon.
The interval at horizon h is the projection times ``1 + slope · h`` for the two slopes fitted
through the origin, so it widens smoothly and monotonically with the horizon. Stored in
``declaration.json`` next to this module (with the backtest figures) by
``reglab-forecast befolkning --backtest --save``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import SnapshotError

DECLARATION = Path(__file__).resolve().parent / "declaration.json"
AGE_GROUPS = {"0-19": (0, 19), "20-64": (20, 64), "65+": (65, 100)}


def age_group_of(ages: np.ndarray) -> np.ndarray:
    """The age-group label of each single age 0 … 100."""
    return np.where(ages < 20, "0-19", np.where(ages <= 64, "20-64", "65+"))


@dataclass(frozen=True)
class PopulationCalibration:
    """Relative-error slopes per year of horizon: ``slopes[group] = (low, high)``."""

    slopes: dict[str, tuple[float, float]]
    note: str = ""

    def bounds(self, values: np.ndarray, group: str, horizon: np.ndarray | int
               ) -> tuple[np.ndarray, np.ndarray]:
        """``lower``, ``upper`` of projected ``values`` of ``group`` at ``horizon`` years."""
        low, high = self.slopes[group]
        h = np.asarray(horizon, float)
        return values * np.maximum(1.0 + low * h, 0.0), values * (1.0 + high * h)

    def as_dict(self) -> dict[str, Any]:
        return {"slopes": {k: list(v) for k, v in self.slopes.items()}, "note": self.note}


def fit_slopes(errors: dict[int, np.ndarray]) -> tuple[float, float]:
    """Slopes through the origin of the 10th and 90th percentiles of relative errors by
    horizon (``errors[h]`` = observed / projected − 1 for every län and origin)."""
    horizons = np.array(sorted(errors), float)
    low = np.array([np.quantile(errors[int(h)], 0.1) for h in horizons])
    high = np.array([np.quantile(errors[int(h)], 0.9) for h in horizons])
    denominator = float(horizons @ horizons)
    # The interval always holds the projection itself (the errors were mostly one-sided).
    return (min(float(low @ horizons / denominator), 0.0),
            max(float(high @ horizons / denominator), 0.0))


def load_population_calibration(path: Path = DECLARATION) -> PopulationCalibration:
    """The stored calibration; SnapshotError if it is missing or broken."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        slopes = {k: (float(v[0]), float(v[1])) for k, v in doc["slopes"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        raise SnapshotError(f"kan inte läsa befolkningsprognosens kalibrering {path}: {error}; "
                            "kör reglab-forecast befolkning --backtest --save") from error
    return PopulationCalibration(slopes, str(doc.get("note", "")))
