"""The scenario's assumptions in plain Swedish, read from the scenario itself (not its prose).

Page 1 of a brief states them, so a reader sees what was assumed before reading a number.
"""

from __future__ import annotations

from typing import Any

from ..numbers import fmt_dec, fmt_int

__all__ = ["assumption_lines", "demographic_lines"]


def _shock_line(shock: Any, region_names: dict[str, str], ssyk_names: dict[str, str]) -> str:
    what = f"{ssyk_names.get(shock.ssyk, shock.ssyk)} (SSYK {shock.ssyk})"
    where = region_names.get(shock.region, "hela riket") if shock.region else "hela riket"
    if shock.persons is not None:
        size = f"{fmt_int(shock.persons)} fler anställda"
    else:
        size = f"{fmt_dec(shock.percent, 1)}\u00a0% fler anställda"
    return f"{size} som {what.lower()[:1] + what[1:]} i {where} från {shock.from_year}"


def assumption_lines(scenario: Any, region_names: dict[str, str],
                     ssyk_names: dict[str, str]) -> tuple[str, ...]:
    """One line per lever of ``scenario`` (a ``projection.scenario.Scenario``); () for the
    base scenario, whose only assumption is the method's own trends."""
    lines = []
    if scenario.national_growth is not None:
        lines.append(f"Antalet anställda i riket växer {fmt_dec(scenario.national_growth, 1)}"
                     f"\u00a0% per år.")
    for region, growth in scenario.regional_growth.items():
        lines.append(f"Antalet anställda i {region_names.get(region, region)} växer "
                     f"{fmt_dec(growth, 1)}\u00a0% per år.")
    if scenario.retirement_age_shift:
        years = scenario.retirement_age_shift
        lines.append(f"Alla lämnar arbetslivet {fmt_int(abs(years))} år "
                     f"{'senare' if years > 0 else 'tidigare'} än i dag.")
    lines += [_shock_line(s, region_names, ssyk_names) + "." for s in scenario.shocks]
    return tuple(lines)


def demographic_lines(levers: Any, region_names: dict[str, str], until: int
                      ) -> tuple[str, ...]:
    """One line per demographic lever of ``levers`` (a ``demography.DemographicScenario``, or
    None for none): net migration and employees per resident, as the population section and
    the labour supply apply them; a rate change is phased in up to ``until``, the population
    projection's last year."""
    if levers is None:
        return ()
    lines = []
    if levers.net_migration_factor != 1.0:
        lines.append(f"Nettoflyttningen till varje län blir "
                     f"{fmt_int(round(levers.net_migration_factor * 100))}\u00a0% av den "
                     "framskrivna.")
    for region, persons in levers.net_migration.items():
        more = "fler" if persons > 0 else "färre"
        lines.append(f"{fmt_int(abs(round(persons)))} {more} personer per år flyttar till "
                     f"{region_names.get(region, region)} än i befolkningsframskrivningen.")
    for band, points in levers.employment_rate.items():
        direction = "högre" if points > 0 else "lägre"
        lines.append(f"Andelen anställda per invånare {band.replace('-', '–')} år blir "
                     f"{fmt_dec(abs(points), 1)} procentenheter {direction}, nådd gradvis "
                     f"till {until} (befolkningsframskrivningens sista år).")
    return tuple(lines)
