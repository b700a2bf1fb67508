"""The tables of the standard brief, one function each, shared by the PDF and the table package.

Every function takes the prepared :class:`BriefContext` and returns a :class:`Table` whose frame
is already rounded to what is shown. See METHOD.md, "The standard brief", for the sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from .cells import PAST_YEARS, build_cells, region_sums
from .inputs import ReportInputs
from .tablespec import Column, Table, round_frame

__all__ = ["BriefContext", "HEALTH_CARE_PREFIXES", "all_tables"]

# SSYK 2012 codes (prefixes) of the health and care focus: physicians, nurses, psychologists,
# dentists, therapists, other specialists, biomedical analysts …, dental hygienists, assistant
# nurses, care aides, carers and personal assistants, dental nurses.
HEALTH_CARE_PREFIXES = (
    "221", "222", "223", "224", "226", "227", "228",
    "3211", "3212", "3213", "3214", "325",
    "532", "533", "534", "535",
)
TOP_N = 15
FLAG_COLUMN = Column("flag", "Avvikelse", "text",
                     "Där vår prognos och Arbetsförmedlingens bild skiljer sig.")
MIN_EMPLOYED_FOR_GROWTH = 100  # smaller cells swing by chance, see the method section


@dataclass
class BriefContext:
    """One region of one run: the inputs plus the prepared cell frame."""

    inputs: ReportInputs
    region: str
    cells_all: pd.DataFrame  # build_cells(inputs), shared between regions of a run

    @classmethod
    def create(cls, inputs: ReportInputs, region: str,
               cells_all: pd.DataFrame | None = None) -> BriefContext:
        return cls(inputs, region, build_cells(inputs) if cells_all is None else cells_all)

    @property
    def t0(self) -> int:
        return self.inputs.base_year

    @property
    def past(self) -> int:
        return self.t0 - PAST_YEARS

    @property
    def targets(self) -> tuple[int, ...]:
        return self.inputs.target_years

    @property
    def horizon(self) -> int:
        """The last target year: needs and retirements are counted from T0 up to it."""
        return max(self.targets)

    @property
    def region_name(self) -> str:
        return self.inputs.region_names.get(self.region, self.region)

    @cached_property
    def cells(self) -> pd.DataFrame:
        return self.cells_all[self.cells_all["region"] == self.region].copy()

    @cached_property
    def sums(self) -> pd.DataFrame:
        return region_sums(self.cells_all, self.inputs).set_index("region")

    def source(self, *what: str) -> str:
        parts = ", ".join(what) if what else "SCB, yrkesregistret (YREG)"
        return (f"Källa: {parts}; data t.o.m. {self.t0}; "
                f"scenario: {self.inputs.projection.scenario}.")


def _table(key: str, title: str, columns: list[Column], frame: pd.DataFrame, source: str,
           note: str = "", highlight: tuple[int, ...] = ()) -> Table:
    cols = tuple(columns)
    frame = frame.reset_index(drop=True)
    return Table(key, title, cols, round_frame(frame, cols), source, note, highlight)


def _pct_change(new: pd.Series | float, old: pd.Series | float) -> pd.Series | float:
    return 100 * (new - old) / old


def _occupation_columns(ctx: BriefContext) -> list[Column]:
    return [
        Column("ssyk", "SSYK", "text", "Yrkesgrupp enligt SSYK 2012, fyrsiffrig kod."),
        Column("ssyk_name", "Yrke", "text", "Yrkesgruppens namn enligt SCB."),
        Column("employed", f"Syss. {ctx.t0}", "int",
               f"Förvärvsarbetande (dagbefolkning) i länet {ctx.t0}."),
    ]


def table_key_figures(ctx: BriefContext) -> Table:
    """Nyckeltal: the region's headline figures."""
    from .keyfigures import key_figure_rows

    frame = key_figure_rows(ctx)
    columns = [
        Column("indicator", "Indikator", "text", "Vad talet mäter."),
        Column("value", "Värde", "unit", "Värdet; enheten står i kolumnen Enhet."),
        Column("lower", "Lägre 80 %", "unit", "Nedre gräns för 80 %-intervallet (prognoser)."),
        Column("upper", "Övre 80 %", "unit", "Övre gräns för 80 %-intervallet (prognoser)."),
        Column("unit", "Enhet", "text", "antal, procent, förändring eller kvot."),
    ]
    return Table("nyckeltal", f"Nyckeltal för {ctx.region_name}", tuple(columns), frame,
                 ctx.source("SCB, YREG och befolkningsstatistik; egen prognos"))


def _major_groups_frame(ctx: BriefContext) -> pd.DataFrame:
    cells = ctx.cells.assign(ssyk1=ctx.cells["ssyk"].str[:1])
    numeric = ["employed", "employed_past"] + [
        f"{k}_{t}" for t in ctx.targets for k in ("proj", "lower", "upper")
    ]
    groups = cells.groupby("ssyk1")[numeric].sum(min_count=1)
    own = ctx.inputs.projection.major_groups
    if own is not None:  # the projection's own intervals for the groups (they do not add up)
        mine = own[own["region"] == ctx.region].set_index(["ssyk", "year"])
        for t in ctx.targets:
            for bound in ("lower", "upper"):
                groups[f"{bound}_{t}"] = mine[bound].xs(t, level="year").reindex(groups.index)
    groups = groups.reset_index()
    groups["name"] = [ctx.inputs.ssyk_names.get(c, c) for c in groups["ssyk1"]]
    groups["change_past"] = _pct_change(groups["employed"], groups["employed_past"])
    for t in ctx.targets:
        groups[f"change_{t}"] = _pct_change(groups[f"proj_{t}"], groups["employed"])
    return groups


def table_major_groups(ctx: BriefContext) -> Table:
    """Employment by SSYK level 1: the last five years and the projection."""
    t_last = ctx.horizon
    columns = [
        Column("ssyk1", "SSYK", "text", "Yrkesområde, SSYK 2012 nivå 1."),
        Column("name", "Yrkesområde", "text", "Yrkesområdets namn."),
        Column("employed_past", f"{ctx.past}", "int", f"Förvärvsarbetande {ctx.past}."),
        Column("employed", f"{ctx.t0}", "int", f"Förvärvsarbetande {ctx.t0}."),
        Column("change_past", f"Förändr. {ctx.past}–{ctx.t0}", "signed_pct",
               "Förändring senaste fem åren i procent enligt registret, inkl. seriebrott."),
    ]
    for t in ctx.targets:
        columns.append(Column(f"proj_{t}", f"Prognos {t}", "int", f"Prognos för {t}."))
    columns += [
        Column(f"lower_{t_last}", f"{t_last} lägre", "int", "Nedre gräns, 80 %-intervall."),
        Column(f"upper_{t_last}", f"{t_last} övre", "int", "Övre gräns, 80 %-intervall."),
        Column(f"change_{t_last}", f"Förändr. {ctx.t0}–{t_last}", "signed_pct",
               f"Prognostiserad förändring {ctx.t0}–{t_last} i procent."),
    ]
    return _table("yrkesomraden", "Sysselsatta per yrkesområde (SSYK nivå 1)", columns,
                  _major_groups_frame(ctx), ctx.source("SCB, YREG; egen prognos"),
                  _register_note(ctx))


def _register_note(ctx: BriefContext) -> str:
    from .breaks import breaks_between, years_text

    breaks = breaks_between(ctx.inputs.employment, ctx.past, ctx.t0)
    if not breaks:
        return ""
    return (f"Förändringen {ctx.past}–{ctx.t0} är registrets och inkluderar seriebrotten "
            f"{years_text(breaks)}; den är delvis ett mätbyte, inte tillväxt.")


def _need_frame(ctx: BriefContext) -> pd.DataFrame:
    t = ctx.horizon
    cells = ctx.cells.copy()
    cells["need_rate"] = 100 * cells[f"need_{t}"] / cells["employed"].where(cells["employed"] > 0)
    cells["ads_per_100"] = 100 * cells["ads"] / cells["employed"].where(cells["employed"] > 0)
    employed = cells["employed"].where(cells["employed"] > 0)
    cells["change"] = _pct_change(cells[f"proj_{t}"], employed)
    from .afview import disagreement

    cells["flag"] = disagreement(cells, ctx)
    return cells


def table_recruitment(ctx: BriefContext) -> Table:
    """The occupations with the largest recruitment need up to the last target year."""
    t = ctx.horizon
    frame = _need_frame(ctx).sort_values([f"need_{t}", "ssyk"], ascending=[False, True])
    columns = _occupation_columns(ctx) + [
        Column("share_55", "Andel 55+", "pct",
               "Andel 55 år eller äldre (länets åldersstruktur per yrke, skattad)."),
        Column(f"replacement_{t}", "Pensions­avgångar", "int",
               f"Beräknade avgångar genom pension {ctx.t0}–{t}."),
        Column(f"expansion_{t}", "Expansion", "signed",
               f"Prognostiserad förändring av antalet sysselsatta {ctx.t0}–{t}."),
        Column(f"need_{t}", "Rekryterings­behov", "int",
               f"Pensionsavgångar plus expansion {ctx.t0}–{t}, lägst 0."),
        Column("af_rating", "AF brist­värde", "int",
               "Arbetsförmedlingens Yrkesprognos: bristvärde 1–5 (5 = stor brist), riket."),
        Column("ads_per_100", "Annonser per 100 syss.", "dec",
               "Platsbankens annonser 2024 i länet per 100 sysselsatta."),
        FLAG_COLUMN,
    ]
    return _table("rekryteringsbehov", f"Yrken med störst rekryteringsbehov {ctx.t0}–{t}",
                  columns, frame.head(TOP_N),
                  ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"))


def _growth_table(ctx: BriefContext, growing: bool) -> Table:
    t = ctx.horizon
    frame = _need_frame(ctx)
    frame = frame[frame["employed"] >= MIN_EMPLOYED_FOR_GROWTH]
    frame = frame.sort_values(["change", "ssyk"], ascending=[not growing, True]).head(10)
    columns = _occupation_columns(ctx) + [
        Column(f"proj_{t}", f"Prognos {t}", "int", f"Prognos för {t}."),
        Column(f"lower_{t}", "Lägre", "int", "Nedre gräns, 80 %-intervall."),
        Column(f"upper_{t}", "Övre", "int", "Övre gräns, 80 %-intervall."),
        Column("change", "Förändr.", "signed_pct", f"Förändring {ctx.t0}–{t} i procent."),
        Column("af_rating", "AF brist­värde", "int",
               "Arbetsförmedlingens Yrkesprognos: bristvärde 1–5 (5 = stor brist), riket."),
        FLAG_COLUMN,
    ]
    key, title = ("vaxande", "Snabbast växande yrken") if growing else (
        "minskande", "Yrken som minskar mest")
    note = f"Yrken med minst {MIN_EMPLOYED_FOR_GROWTH} sysselsatta {ctx.t0}."
    return _table(key, f"{title} {ctx.t0}–{t}", columns, frame,
                  ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"), note)


def table_growing(ctx: BriefContext) -> Table:
    return _growth_table(ctx, growing=True)


def table_declining(ctx: BriefContext) -> Table:
    return _growth_table(ctx, growing=False)


def all_tables(ctx: BriefContext) -> dict[str, Table]:
    """Every table of the brief, in the order of the sections."""
    from .regional import table_gender, table_health_care, table_regions, table_sources

    tables = [
        table_key_figures(ctx), table_major_groups(ctx), table_recruitment(ctx),
        table_growing(ctx), table_declining(ctx), table_regions(ctx),
        table_health_care(ctx), table_gender(ctx), *table_sources(ctx),
    ]
    return {t.key: t for t in tables}
