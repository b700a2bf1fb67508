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
# # 1. Kom igång: de inbyggda data och en första titt på ett län
#
# `reglab_forecast` har en **ögonblicksbild** av de öppna data som analysen bygger på inbyggd
# i paketet: SCB:s yrkesregister (anställda per län, yrke, kön och år), åldersprofiler per yrke,
# befolkningen och Arbetsförmedlingens bedömningar. Allt i den här notebooken fungerar utan
# nätverk.
#
# Du lär dig att
#
# 1. se vilka data som finns och hur gamla de är,
# 2. välja ett län med namn eller kod,
# 3. hämta anställda per yrke och titta på utvecklingen, med seriebrotten utmärkta,
# 4. jämföra länets yrkesstruktur med riket och se åldersstrukturen i befolkningen.
#
# Ändra `REGION_TEXT` i cellen nedan till ditt eget län och kör om allt (*Run → Run All Cells*).

# %%
import pandas as pd

import reglab_forecast as rf
from reglab_forecast.errors import UnknownRegionError
from reglab_forecast.report.display import show
from reglab_forecast.report.plots import plot_history, series_breaks, source_note

REGION_TEXT = "Örebro"  # namn eller kod: "18", "örebro", "Örebro län" går lika bra

# %% [markdown]
# ## Vad finns i ögonblicksbilden?
#
# `rf.datasets()` visar en rad per datamängd: innehåll, år, källa, tabell-id och
# **dataversion** (vilken publicering siffrorna kommer från). Version och källa följer med
# varje tabell du hämtar, i `tabell.attrs`.

# %%
show(rf.datasets()[["dataset", "title", "years", "vintage", "series_breaks"]], index="dataset")

# %% [markdown]
# ## Välj län
#
# `rf.resolve_region` förlåter stavning, versaler och å/ä/ö. Ett namn som inte finns ger ett
# tydligt fel med förslag på vad du kan ha menat.

# %%
region = rf.resolve_region(REGION_TEXT)
print(region, rf.region_name(region))

try:
    rf.resolve_region("Jämtlnad")
except UnknownRegionError as error:
    print("Fel:", error)

# %% [markdown]
# ## Anställda i länet, 2014–2024
#
# `rf.load_employment(level=…)` ger en lång tabell: en rad per län × yrke × kön × år.
# `level` är SSYK-nivån: 1 (yrkesområden) till 4 (429 yrkesgrupper). `"Riket"` lägger till
# summan av alla län. `show` visar en tabell med svenska rubriker och talformat; i koden
# heter kolumnerna som i `employment.columns` (`region`, `ssyk`, `employed` …).

# %%
employment = rf.load_employment(level=1, regions=[region, "Riket"])
show(employment.head())

# %%
by_year = employment.pivot_table(index="year", columns="region_name", values="employed",
                                 aggfunc="sum")
show(by_year, source=source_note(employment))

# %% [markdown]
# ### Seriebrotten
#
# Yrkesregistret har bytt underlag och population under perioden. Språnget mellan 2022 och
# 2023 är **inte tillväxt**: från 2023 räknas 16–69-åringar (tidigare 16–64) och yrken som
# modellerats fram. Prognosmetoden skattar därför trender på kvoter och inom segment.

# %%
for year, text in series_breaks(employment):
    print(f"{year}: {text}\n")

ax = plot_history(employment, region)

# %% [markdown]
# ## De största yrkesgrupperna i länet
#
# På SSYK-nivå 3 (ungefär 150 yrkesgrupper). Vi räknar också andelen kvinnor och länets
# **lokaliseringskvot**: yrkets andel av länets anställda delat med yrkets andel i riket.
# Över 1 betyder att yrket är vanligare i länet än i landet som helhet.

# %%
level3 = rf.load_employment(level=3, regions=[region, "Riket"], years=2024)
by_occupation = level3.pivot_table(index=["ssyk", "ssyk_name"], columns=["region", "sex"],
                                   values="employed", aggfunc="sum", fill_value=0)
in_region = by_occupation[region].sum(axis=1)
national = by_occupation["00"].sum(axis=1)
largest = pd.DataFrame({
    "anställda": in_region,
    "andel kvinnor": by_occupation[(region, "women")] / in_region,
    "lokaliseringskvot": (in_region / in_region.sum()) / (national / national.sum()),
}).nlargest(12, "anställda")
show(largest, shares=["andel kvinnor"], decimals={"lokaliseringskvot": 2},
     source=source_note(level3))

# %% [markdown]
# ## Ett yrke över tid
#
# Undersköterskor (SSYK 532) som exempel. Sök fram koder med `rf.search_occupations`.

# %%
show(rf.search_occupations("underskötersk"))

# %%
ax = plot_history(rf.load_employment(level=3, regions=[region]), region, ssyk="532")

# %% [markdown]
# ## Befolkningen: vilka kommer in på arbetsmarknaden och vilka går ut?
#
# `rf.load_population` ger folkmängden 31 december per län, ålder och kön (1968–2019) och
# kan gruppera åldrarna i band. Hur många 15–19-åringar finns det i förhållande till
# 60–64-åringarna? Är kvoten under 1 blir de som lämnar arbetslivet fler än de som kommer in.

# %%
population = rf.load_population(regions=[region, "Riket"], years=2019, by_sex=False,
                                age_bands=["15-19", "60-64"])
ratio = population.pivot_table(index="region_name", columns="age", values="population")
ratio["unga per äldre"] = ratio["15-19"] / ratio["60-64"]
show(ratio, decimals={"unga per äldre": 2}, source=source_note(population))

# %% [markdown]
# ## Nästa steg
#
# - **02_hamta_data**: hämta nyare siffror från SCB och Arbetsförmedlingen, med cache och
#   offlineläge.
# - **03_prognos_och_backtest**: prognosmetoden steg för steg, och hur bra den har träffat.
