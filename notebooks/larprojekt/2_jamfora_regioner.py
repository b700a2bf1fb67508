# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lärprojekt, träff 2: Jämföra regioner
#
# *Samma metod, samma nyckeltal, alla 21 län sida vid sida.*

# %% [markdown]
# ## Introduktion
#
# Regionerna har länge använt olika källor och metoder, och jämförelser blev "äpplen och
# päron". Här räknas alla län med **samma standardmetod på samma öppna data**, så att ett
# nyckeltal betyder samma sak i Norrbotten som i Skåne. Det är samma tabell som står i
# avsnitt 6 i varje PDF-underlag:
#
# | nyckeltal | vad det säger |
# |---|---|
# | Förändring senaste fem åren | hur antalet anställda har utvecklats (inklusive seriebrott) |
# | Prognos till 2030 och 2035 | väntad förändring i procent |
# | Pension % | pensionsavgångar till 2035 i procent av dagens anställda |
# | Rekryteringsbehov % | pensionsavgångar plus tillväxt, i procent av de anställda |
# | Andel 55+ | hur gammal arbetskraften är (skattad per län och yrke) |
# | Unga/äldre | personer 10–19 år per person 55–64 år: inflödet mot utflödet |
#
# Byt `REGION` till ert län och kör alla celler. Underlaget tar några sekunder att räkna
# fram, eftersom prognosen körs för alla län på en gång.

# %%
import matplotlib.pyplot as plt
from IPython.display import display

import reglab_forecast as rf
from reglab_forecast.projection import project
from reglab_forecast.report.cells import RIKET
from reglab_forecast.report.compare import compare_tables
from reglab_forecast.report.display import show, show_table, solution
from reglab_forecast.report.inputs import load_inputs
from reglab_forecast.report.numbers import format_decimal
from reglab_forecast.report.plots import plot_regions, projection_note
from reglab_forecast.report.tables import BriefContext, all_tables

REGION = rf.resolve_region("Dalarna")
inputs = load_inputs()
context = BriefContext.create(inputs, REGION)
tables = all_tables(context)
regions = tables["lan"]
print(rf.region_name(REGION), "| scenario:", inputs.projection.scenario)

# %% [markdown]
# ## Alla län på de standardiserade nyckeltalen

# %%
show_table(regions)

# %% [markdown]
# Tabellen är ordnad efter rekryteringsbehov i procent. Ett diagram gör det lättare att se var
# ert län hamnar; den streckade linjen är riket.

# %%
ax = plot_regions(regions.frame, "need_pct", REGION,
                  f"Rekryteringsbehov {inputs.base_year}–{context.horizon}, % av anställda",
                  regions.source)

# %% [markdown]
# Jämförelsen delar också in länen i grupper mot riket, med 80 %-intervall. Hela jämförelsen
# finns också som PDF och Excel: `reglab-forecast compare --out lanen.pdf` (eller `lanen.xlsx`).

# %%
show_table(compare_tables(BriefContext.create(inputs, RIKET, context.cells_all))["grupper"])

# %% [markdown]
# ## Övning 1: Vilka län liknar ert?
#
# Jämför ert län med de andra på rekryteringsbehov i procent och andel 55+. Vilka tre län
# ligger närmast? Vad kan ni lära av dem?

# %%
# Din kod här

# %% [markdown]
# ### Lösning 1

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    lan = regions.frame[regions.frame["region"] != "00"].set_index("region")
    own = lan.loc[REGION]
    distance = ((lan["need_pct"] - own["need_pct"]) ** 2
                + (lan["share_55"] - own["share_55"]) ** 2) ** 0.5
    nearest = lan.assign(distance=distance).drop(index=REGION).nsmallest(3, "distance")
    labels = {key: regions.column(key).label for key in ("need_pct", "share_55")}
    nearest = nearest.rename(columns={**labels, "distance": "Avstånd"})
    display(show(nearest.reset_index()[["region_name", *labels.values(), "Avstånd"]],
                 index="region_name", decimals={label: 1 for label in labels.values()}
                 | {"Avstånd": 2}, source=regions.source))
    print("Avståndet är i procentenheter på båda nyckeltalen. Län med liknande behov och "
          "ålderstruktur har ofta liknande utmaningar: börja utbytet där.")

# %% [markdown]
# ## Övning 2: Demografin
#
# "Unga/äldre" säger hur många som växer upp mot arbetslivet per person som närmar sig
# pension. Hänger det ihop med andelen 55+ bland de anställda? Rita och räkna.

# %%
# Din kod här

# %% [markdown]
# ### Lösning 2

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    ax = lan.plot.scatter(x="share_55", y="demography", figsize=(6, 4))
    for code, row in lan.iterrows():
        ax.annotate(row["region_name"].replace(" län", ""), (row["share_55"], row["demography"]),
                    fontsize=7, color="#c55a11" if code == REGION else "0.3")
    ax.set_xlabel("Andel 55+ bland anställda (%)")
    ax.set_ylabel("Personer 10–19 år per person 55–64 år")
    ax.figure.supxlabel(regions.source, x=0.01, ha="left", fontsize=7, color="0.35")
    plt.show()  # inside the panel, not after it
    correlation = lan["share_55"].corr(lan["demography"])
    if correlation < -0.3:
        reading = "län med äldre arbetskraft har också färre unga på väg in: dubbelt tryck"
    elif correlation > 0.3:
        reading = "län med äldre arbetskraft har fler unga på väg in, som kan ersätta dem"
    else:
        reading = "sambandet är svagt: åldern i arbetskraften och demografin går åt var sitt håll"
    print(f"Korrelation {format_decimal(correlation, 2)}: {reading}.")

# %% [markdown]
# ## Övning 3: Ett yrke i alla län
#
# Undersköterskor (SSYK 532) finns i alla län. Hur stort är rekryteringsbehovet till 2035 i
# procent av dagens antal, län för län? Var är det störst och var minst?

# %%
# Din kod här

# %% [markdown]
# ### Lösning 3

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    projection = project(inputs.employment, inputs.age_profile)
    nurses = projection.aggregate(level=3, regions="all", years=[2035])
    nurses = nurses[nurses["ssyk"] == "532"].copy()
    nurses["need_pct"] = 100 * nurses["recruitment_need"] / nurses["base_employed"]
    ax = plot_regions(nurses, "need_pct", REGION,
                      "Undersköterskor: rekryteringsbehov till 2035, % av anställda 2024",
                      projection_note(inputs.employment, projection))
    plt.show()
    top = nurses[nurses["region"] != "00"].sort_values("need_pct")
    print(f"Störst i {top['region_name'].iloc[-1]}, minst i {top['region_name'].iloc[0]}. "
          "Skillnaden kommer från åldersstrukturen i yrket och hur yrket väntas växa i länet.")

# %% [markdown]
# ## Att ta med
#
# - Samma metod och samma data gör länen jämförbara; skillnaderna är länens, inte metodens.
# - Läs nivåerna med intervallen (träff 1), men rangordningen mellan län är ofta stabilare
#   än de enskilda talen.
# - Andel 55+ är skattad: rikets åldersprofil per yrke anpassad till riksområdets
#   åldersfördelning (2017) och länets befolkning, inte länets uppmätta åldrar.
#
# Nästa träff: **Scenarier i dialog**.
