"""The point projection of employment per län × occupation (METHOD.md step 2).

``Ê[r, o, T] = q̂[r, o, T] · N̂[o, T]`` where ``N̂`` is the national occupation path and ``q̂``
the reconciled regional share. The same function serves ``project`` and the backtest, so the
backtest measures exactly the method that the briefs print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .national import NationalPath, group_matrix, national_path
from .panel import Panel
from .regional import regional_shares
from .totals import WorkingAge, rake, scale_rows, total_shares
from .trend import TrendParams


@dataclass(frozen=True)
class MethodParams:
    """The tuning of the standard method (fixed; chosen on the backtest, see backtest.py)."""

    # National total: chosen for the smallest error of the break-adjusted national total in the
    # backtest (mean 0.7 % over origins 2016-2019, horizons 1-8); faster damping (0.8)
    # under-projected every origin by 2-3 % at five years.
    total: TrendParams = field(default_factory=lambda: TrendParams(alpha=1.0, beta=0.1, phi=0.9))
    # National occupation shares: a slower damping (0.9, β 0.15) and pooling mostly with the
    # SSYK2 group (own weight 0.15) lowered the WAPE with region totals known from 7,5 % to
    # 11,2 % below constant shares (län × SSYK3, five years, origins 2017–2019), no origin
    # 2016–2019 worse than constant shares; φ 0.95 helps 2017–2019 more but loses at 2016.
    shares: TrendParams = field(default_factory=lambda: TrendParams(alpha=1.0, beta=0.15, phi=0.9))
    # Regional shares: a smoothed level (α < 1) because small cells jump about from year to
    # year, and a weak, quickly damped trend: past regional share changes are slightly
    # negatively correlated with later ones (−0.17 at län × SSYK3), so extrapolating them hurts.
    regional: TrendParams = field(default_factory=lambda: TrendParams(alpha=0.8, beta=0.1, phi=0.5))
    national_shrink: float = 1000.0  # only without share groups (share_group_level None)
    # National share trends: 15 % each occupation's own, 85 % its SSYK2 group's (pools noise;
    # chosen over SSYK3 groups and over shrinking towards no change on the backtest).
    share_group_level: int | None = 2
    share_own_weight: float = 0.15
    regional_shrink: float = 3000.0
    # Län totals: elasticity of a län's share of the national total to the cohort change of its
    # working-age population relative to Riket's (totals.py); 0 = shares as the occupations give.
    cohort_elasticity: float = 1.5


DEFAULT_PARAMS = MethodParams()


@dataclass(frozen=True)
class PointPaths:
    """Projected employed ``[r, o, h]`` for ``horizons`` and the national path behind it."""

    horizons: np.ndarray
    employed: np.ndarray
    national: NationalPath


def project_points(
    panel: Panel, horizons: np.ndarray, params: MethodParams = DEFAULT_PARAMS,
    total_override: np.ndarray | None = None, ages: WorkingAge | None = None,
    occupations_override: np.ndarray | None = None,
) -> PointPaths:
    """Run the expansion method on ``panel`` (already cut at its base year).

    ``total_override`` replaces the national total ``[h]``, ``occupations_override`` the
    national occupation paths ``[o, h]`` (a national projection given by the user). With
    ``ages`` the län totals follow the cohort change of their working age (totals.py) and
    each län's occupations are raked to them and to the national occupation paths.
    """
    horizons = np.asarray(horizons, dtype=int)
    groups = (None if params.share_group_level is None
              else group_matrix(panel.ssyk, params.share_group_level))
    mask = panel.occupation_breaks()
    nat = national_path(panel.values, panel.years, panel.breaks, horizons, params.total,
                        params.shares, params.national_shrink, total_override, groups,
                        params.share_own_weight, share_breaks=mask)
    if occupations_override is not None:
        total = occupations_override.sum(axis=0)
        nat = NationalPath(total, occupations_override / total[None, :], occupations_override,
                           nat.total_fit)
    q = regional_shares(panel.values, panel.years, mask[None, :, :], horizons, params.regional,
                        params.regional_shrink)
    employed = q * nat.occupations[None, :, :]
    if ages is not None and params.cohort_elasticity:
        cohort = ages.cohorts(panel.base_year, panel.base_year + np.append(0, horizons))
        shares = total_shares(panel.base.sum(axis=1), cohort, params.cohort_elasticity)
        rows = shares * nat.occupations.sum(axis=0)[None, :]
        employed = (rake(employed, rows, nat.occupations) if occupations_override is not None
                    else scale_rows(employed, rows))
    return PointPaths(horizons, employed, nat)
