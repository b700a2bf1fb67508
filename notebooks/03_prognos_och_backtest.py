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
# # 3. Prognosen steg för steg, bakåtprövningen och ett scenario
#
# Standardmetoden ("Reglab standard") är densamma för alla län, så att två läns siffror betyder
# samma sak. Den bygger prognosen per län × yrke (SSYK 4) i sju steg:
#
# 1. **Anställda** i basåret (2024) ur yrkesregistret.
# 2. **Nationell total**: rikets antal anställda framskrivet med en dämpad trend.
# 3. **Nationella yrkesandelar**: varje yrkes andel av riket, trendad och dämpad.
# 4. **Regional andel**: länets andel av yrket i riket, trendad, dämpad och krympt mot
#    oförändrat i små celler. Länen summeras till riket.
# 5. **Expansionsbehov** = prognos − anställda i basåret.
# 6. **Ersättningsbehov**: de som lämnar yrket genom pension (kohortmetoden på rikets
#    åldersdata).
# 7. **Rekryteringsbehov** = ersättning + expansion (aldrig under noll per yrke), med ett
#    **80 %-intervall** från metodens egna fel i bakåtprövningen.
#
# Vi följer stegen för ett län och ett yrke. Ändra gärna dem.

# %%
import numpy as np
import pandas as pd

import reglab_forecast as rf
from reglab_forecast.projection import (
    backtest,
    load_calibration,
    load_quality_declaration,
    load_scenario,
    project,
)
from reglab_forecast.projection.declaration import METHOD_NAMES
from reglab_forecast.projection.panel import build_panel
from reglab_forecast.report.display import show
from reglab_forecast.report.numbers import format_int
from reglab_forecast.report.plots import (
    plot_projection,
    plot_scenarios,
    plot_series,
    projection_note,
)

REGION = rf.resolve_region("Örebro län")
OCCUPATION = "532"  # Undersköterskor (SSYK nivå 3)
print(REGION, rf.region_name(REGION), "|", OCCUPATION, rf.occupation_name(OCCUPATION))

# %% [markdown]
# ## Indata
#
# Metoden räknar på nivå 4 (429 yrken) för alla 21 län på en gång. Åldersprofilen är rikets;
# länets åldersstruktur per yrke skattas (`rf.load_regional_age_profile`: rikets profil,
# riksområdets åldersfördelning 2017 och länets befolkning) och markeras `estimated`.

# %%
employment = rf.load_employment(level=4)
age_profile = rf.load_age_profile(level=4)
panel = build_panel(employment)
print(f"Kub: {panel.values.shape[0]} län × {panel.values.shape[1]} yrken × "
      f"{panel.values.shape[2]} år, basår {panel.base_year}, seriebrott {panel.breaks}")

# %% [markdown]
# ## Hela prognosen i ett anrop
#
# `project` gör alla stegen. Resultatet har tabellen för målåren (`.table`), alla år från
# basåret (`.paths`) och `aggregate` som summerar till grövre yrkesnivåer, riket eller valda
# län. Vi tittar sedan på stegen ett i taget i resultatet.

# %%
base = project(employment, age_profile, target_years=(2030, 2035))
base

# %% [markdown]
# ## Steg 2: rikets totala antal anställda
#
# En dämpad trend (Holts metod, statsmodels) på logaritmen av rikets total. Vid seriebrotten
# ersätts årsförändringen med den genomsnittliga, så att språnget 2023 inte tolkas som
# tillväxt. Den anpassade statsmodels-modellen finns kvar i `base.models`.

# %%
fit = base.models["national_total"]
print({k: round(float(fit.params[k]), 3) for k in ("smoothing_level", "smoothing_trend",
                                                    "damping_trend")})
riket = base.aggregate(level=1, regions="riket", years=range(2024, 2036))
national_total = riket.groupby("year")["employed"].sum()
show(national_total.to_frame("anställda i riket").T, source=projection_note(employment, base))

# %% [markdown]
# ## Steg 3 och 4: yrkets andel av riket och länets andel av yrket
#
# Yrkets andel av riket och länets andel av yrket, historiskt och framskrivet. Båda trendas
# med dämpning, så att en förändring som pågått planar ut mot slutet av perioden.

# %%
employment3 = rf.load_employment(level=3, regions=[REGION, "Riket"])
history = employment3.groupby(["region", "ssyk", "year"], as_index=False)["employed"].sum()
future = base.aggregate(level=3, regions=[REGION, "00"], years=range(2025, 2036))
both = pd.concat([history, future[["region", "ssyk", "year", "employed"]]])
wide = both.pivot_table(index="year", columns=["region", "ssyk"], values="employed")
shares = pd.DataFrame({
    "yrkets andel av riket": wide[("00", OCCUPATION)] / wide["00"].sum(axis=1),
    "länets andel av yrket": wide[(REGION, OCCUPATION)] / wide[("00", OCCUPATION)],
})
fig = plot_series(shares, base_year=base.base_year, percent=True,
                  source=projection_note(employment, base))
show(shares.loc[[2019, 2024, 2030, 2035]], shares=shares.columns,
     source=projection_note(employment, base))

# %% [markdown]
# ## Steg 5–7: expansion, pensioner och rekryteringsbehov
#
# För länets yrken på nivå 3, fram till 2035. `replacement` är de som lämnar arbetslivet från
# basårets anställda, `expansion` förändringen i antal, `recruitment_need` summan (golvad på
# noll per yrke på nivå 4, så ett krympande yrke tar inte ut ett annat yrkes behov).

# %%
table = base.aggregate(level=3, regions=[REGION])
in_2035 = table[table["year"] == 2035].nlargest(10, "recruitment_need")
columns = ["ssyk_name", "base_employed", "employed", "lower", "upper", "expansion",
           "replacement", "recruitment_need", "share_55plus"]
show(in_2035[columns], index="ssyk_name", caption="Prognos 2035",
     source=projection_note(employment, base))

# %% [markdown]
# ### Intervallen
#
# Intervallet kommer från metodens egna fel när den kördes som om det vore ett tidigare år
# (bakåtprövning): för varje cellstorlek och horisont är gränserna 10:e och 90:e
# percentilen av felen. Små celler har bredare intervall; längre horisont ger bredare.

# %%
calibration = load_calibration()
edges = calibration.size_edges
bins = [f"{format_int(lo)}–{format_int(hi)}" for lo, hi in zip(edges, edges[1:], strict=False)]
bins.append(f"{format_int(edges[-1])}+")
horizon = 5
widths = pd.DataFrame({
    "nedre": np.expm1(np.asarray(calibration.lower)[:, horizon - 1]),
    "övre": np.expm1(np.asarray(calibration.upper)[:, horizon - 1]),
}, index=pd.Index(bins, name="anställda i cellen"))
print(f"80 %-intervallets gränser relativt prognosen, horisont {horizon} år:")
show(widths, shares=widths.columns, source=f"Kalibrering: {calibration.note}")

# %%
ax = plot_projection(employment3, base, REGION, OCCUPATION)

# %% [markdown]
# ## Bakåtprövning: hur bra har metoden träffat?
#
# Metoden körs som om det vore 2016, 2017, 2018 och 2019 och jämförs med vad som hände, på
# län × SSYK 3. Samma körning ger tre enkla jämförelsemetoder. Nyckeltalen:
#
# - **WAPE**: summan av de absoluta felen delat med summan av utfallen (lägre är bättre).
# - **Rätt riktning**: andel celler där tecknet på förändringen blev rätt.
# - **Täckning 80 %**: andel utfall inom 80 %-intervallet (ska ligga nära 80 %).
#
# Den sparade kvalitetsdeklarationen är den som står i varje PDF-underlag:

# %%
declaration = load_quality_declaration()
print(declaration.to_text())

# %% [markdown]
# Du kan köra bakåtprövningen själv (det tar ungefär 15 sekunder). Med samma data ska
# siffrorna bli desamma som i den sparade deklarationen.

# %%
rerun = backtest(employment)
headline = rerun.headline.set_index("method")[["wape", "direction", "coverage"]]
stored = declaration.headline.set_index("method")[["wape", "direction", "coverage"]]
assert np.allclose(headline.sort_index(), stored.sort_index(), equal_nan=True)
headline = headline.rename(index=METHOD_NAMES)
show(headline, source=f"Bakåtprövning, data {rerun.meta['data_years']}")

# %% [markdown]
# ## Ett scenario
#
# Ett scenario är en liten TOML-fil med spakar: rikets tillväxt, länets tillväxt,
# senarelagd pension och chocker för namngivna yrken. Paketet har två exempel; här skriver vi
# ett eget och kör prognosen med det. Varje resultat bär scenariots namn.

# %%
scenario_text = f"""
name = "Fler undersköterskor i {rf.region_name(REGION)}"
description = "Äldreomsorgen byggs ut: 400 fler undersköterskor från 2027, pension ett år senare."
retirement_age_shift = 1

[[shock]]
ssyk = "{OCCUPATION}"
region = "{REGION}"
persons = 400
from_year = 2027
"""
with open("mitt_scenario.toml", "w", encoding="utf-8") as handle:
    handle.write(scenario_text)
scenario = load_scenario("mitt_scenario.toml")
alternative = project(employment, age_profile, scenario=scenario)
print(scenario.description)

# %%
ax = plot_scenarios(employment3, {"Grundscenario": base, scenario.name: alternative}, REGION,
                    OCCUPATION)

# %%
compare = pd.concat([base.aggregate(level=3, regions=[REGION]),
                     alternative.aggregate(level=3, regions=[REGION])])
compare = compare[(compare["ssyk"] == OCCUPATION) & (compare["year"] == 2035)]
show(compare[["scenario", "employed", "expansion", "replacement", "recruitment_need"]],
     index="scenario", caption=f"{rf.occupation_name(OCCUPATION)} 2035",
     source=projection_note(employment, alternative))

# %% [markdown]
# Pensionen ett år senare minskar pensionsavgångarna, och de 400 nya jobben ökar
# expansionen. Rekryteringsbehovet är summan. Prova själv: ändra `persons`,
# `retirement_age_shift` eller lägg till `national_growth = 0.5` (procent per år) och kör om.
#
# Nästa notebook, **04_underlag_och_tabeller**, gör PDF-underlaget och tabellpaketet.
