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
# # Lärprojekt, träff 1: Läsa en prognos
#
# *Nivåer, intervall och vad en bakåtprövning säger.*

# %% [markdown]
# ## Introduktion
#
# En prognos är inte ett löfte utan ett räknat svar på frågan "vad händer om utvecklingen
# fortsätter ungefär som hittills?". Att läsa den rätt betyder att hålla isär tre saker:
#
# - **Nivån**: hur många som väntas arbeta i yrket ett visst år. Den är osäker.
# - **Intervallet**: det spann som utfallet hamnat inom i 8 fall av 10 när metoden prövats på
#   historien. Det är inte ett "värsta" eller "bästa" fall.
# - **Rekryteringsbehovet**: de som behöver anställas, från pensionsavgångar och från att yrket
#   växer. Pensionsavgångarna är ofta den största och säkraste delen.
#
# Alla i gruppen kör samma notebook. Byt `REGION` till ert eget län, kör allt
# (*Run → Run All Cells*) och gör övningarna. Lösningarna ligger dolda under varje övning:
# klicka på "Visa lösningen" för svaret och på de tre punkterna för att se koden.

# %%
from IPython.display import display

import reglab_forecast as rf
from reglab_forecast.projection import load_quality_declaration, project
from reglab_forecast.projection.declaration import METHOD_NAMES
from reglab_forecast.report.display import show, solution
from reglab_forecast.report.numbers import format_int, format_percent
from reglab_forecast.report.plots import plot_projection, projection_note, projection_path

REGION = rf.resolve_region("Västerbotten")
employment = rf.load_employment(level=4)
projection = project(employment, rf.load_age_profile(level=4), target_years=(2030, 2035))
print(rf.region_name(REGION), "|", projection.scenario.name, "| basår", projection.base_year)

# %% [markdown]
# ## Nivån och intervallet för hela länet

# %%
path = projection_path(projection, REGION)
ax = plot_projection(employment, projection, REGION)
show(path[path["year"].isin([2024, 2030, 2035])], index="year",
     source=projection_note(employment, projection))

# %% [markdown]
# Linjen är prognosen, det skuggade fältet 80 %-intervallet. Fältet vidgas ju längre fram vi
# ser, och det är inte symmetriskt: uppåt kan det bli mer än nedåt, eftersom felen mäts i
# relativa termer.

# %% [markdown]
# ## Övning 1: Hur osäkert är 2035?
#
# Ta fram länets prognos för 2035 och uttryck intervallets nedre och övre gräns som procent
# av prognosen. Hur skulle du säga det i en mening till en politiker?

# %%
# Din kod här

# %% [markdown]
# ### Lösning 1

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    row = path[path["year"] == 2035].iloc[0]
    low = row["lower"] / row["employed"] - 1
    high = row["upper"] / row["employed"] - 1
    print(f"{rf.region_name(REGION)} 2035: {format_int(row['employed'])} anställda, "
          f"80 %-intervall {format_int(row['lower'])}–{format_int(row['upper'])} "
          f"({format_percent(low, 0, plus=True)} / {format_percent(high, 0, plus=True)}).")
    print("I en mening: 'Om utvecklingen fortsätter som hittills blir det omkring "
          f"{format_int(round(row['employed'], -3))} anställda 2035; i 8 fall av 10 har utfallet "
          f"hamnat mellan {format_int(round(row['lower'], -3))} och "
          f"{format_int(round(row['upper'], -3))}.'")

# %% [markdown]
# ## Yrkena: nivå, intervall och behov
#
# På yrkesnivå 3. `recruitment_need` är pensionsavgångar (`replacement`) plus förändringen
# (`expansion`), golvat på noll per yrke.

# %%
by_occupation = projection.aggregate(level=3, regions=[REGION], years=[2035])
largest = by_occupation.nlargest(10, "base_employed")
columns = ["ssyk_name", "base_employed", "employed", "lower", "upper", "expansion",
           "replacement", "recruitment_need"]
show(largest[columns], index="ssyk_name", caption="De tio största yrkena, prognos 2035",
     source=projection_note(employment, projection))

# %% [markdown]
# ## Övning 2: Vilka intervall är bredast, och varför?
#
# Räkna intervallets bredd (`upper − lower`) i procent av prognosen för **alla** yrken på
# nivå 3 i länet. Jämför de tio bredaste med de tio smalaste. Vad har de gemensamt?

# %%
# Din kod här

# %% [markdown]
# ### Lösning 2

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    width = by_occupation.assign(
        width=(by_occupation["upper"] - by_occupation["lower"]) / by_occupation["employed"])
    width = width[width["employed"] > 0].sort_values("width")
    columns = ["ssyk_name", "base_employed", "width"]
    note = projection_note(employment, projection)
    display(show(width.tail(10)[columns], index="ssyk_name", shares=["width"], caption="Bredast",
                 source=note))
    display(show(width.head(10)[columns], index="ssyk_name", shares=["width"], caption="Smalast",
                 source=note))
    print("Små yrken har breda intervall: ett fåtal personer hit eller dit är många procent,"
          " och i bakåtprövningen har små celler träffat sämre. Läs små yrken som riktning,"
          " inte som antal.")

# %% [markdown]
# ## Övning 3: Pensioner eller tillväxt?
#
# Hur stor del av länets rekryteringsbehov 2024–2035 kommer från pensionsavgångar? Välj
# sedan ett yrke där expansionen är negativ: vad betyder det för behovet?

# %%
# Din kod här

# %% [markdown]
# ### Lösning 3

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    need = by_occupation["recruitment_need"].sum()
    retiring = by_occupation["replacement"].sum()
    print(f"Rekryteringsbehov 2024–2035: {format_int(need)}, varav pensionsavgångar "
          f"{format_int(retiring)} ({format_percent(retiring / need, 0)}).")
    shrinking = largest[largest["expansion"] < 0].head(1)
    for _, occ in shrinking.iterrows():
        print(f"{occ['ssyk_name']}: expansion {format_int(occ['expansion'], plus=True)}, "
              f"pensionsavgångar {format_int(occ['replacement'])}, behov "
              f"{format_int(occ['recruitment_need'])}. Yrket krymper, men de som går i pension "
              "behöver ändå delvis ersättas.")

# %% [markdown]
# ## Vad säger bakåtprövningen?
#
# Metoden har körts som om det vore 2016–2019 och jämförts med vad som sedan hände, på
# län × yrke (nivå 3). Samma körning ger enkla jämförelsemetoder, bland dem *ingen
# förändring* (allt blir som i basåret) och *konstanta yrkesandelar*.

# %%
declaration = load_quality_declaration()
headline = declaration.headline.assign(method=declaration.headline["method"].map(METHOD_NAMES))
show(headline[["method", "wape", "direction", "coverage"]], index="method",
     source=f"Bakåtprövning på {declaration.meta['level']}, horisont "
            f"{declaration.meta['headline_horizon']} år")

# %% [markdown]
# - **WAPE** är det genomsnittliga felet i procent av utfallet, viktat efter storlek.
# - **Rätt riktning**: andel yrken och län där prognosen fick rätt på om det skulle öka eller
#   minska (bland dem som ändrades minst 5 %). USA:s BLS träffar 77–84 % på tio år.
# - **Täckning**: andel utfall inom 80 %-intervallet. Nära 80 % betyder att intervallen
#   är ärliga.
#
# ## Övning 4: Från WAPE till antal
#
# Hur stort fel är "typiskt" efter 3, 5 och 8 år för ett yrke med 1 000 anställda? Hur
# mycket bättre än *ingen förändring* är standardmetoden?

# %%
# Din kod här

# %% [markdown]
# ### Lösning 4

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    by_horizon = declaration.by_horizon.pivot_table(index="horizon", columns="method",
                                                    values="wape")
    for horizon in (3, 5, 8):
        standard = by_horizon.loc[horizon, "standard"]
        nothing = by_horizon.loc[horizon, "no_change"]
        print(f"{horizon} år: WAPE {format_percent(standard)} → omkring "
              f"{format_int(1000 * standard)} personer fel för ett yrke med 1 000 anställda "
              f"(ingen förändring: {format_int(1000 * nothing)}).")
    print("Felen växer med horisonten, och metoden slår 'ingen förändring' men inte med "
          "stor marginal: den största vinsten är att den säger något om riktningen och om "
          "pensionsavgångarna, och att intervallen håller vad de lovar.")

# %% [markdown]
# ## Att ta med till nästa träff
#
# - En prognos är ett räknat *om–så*: om utvecklingen fortsätter, så blir det ungefär så här.
# - Intervallet är en del av svaret. Rapportera det, särskilt för små yrken.
# - Rekryteringsbehovet drivs ofta mer av pensioner än av tillväxt.
#
# Nästa träff: **Jämföra regioner**.
