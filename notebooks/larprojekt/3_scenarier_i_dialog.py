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
# # Lärprojekt, träff 3: Scenarier i dialog
#
# *Spakar som räknar om prognosen medan ni pratar.*

# %% [markdown]
# ## Introduktion
#
# I en dialog med arbetsgivare, kommuner och utbildningsanordnare kommer frågorna "men om …?":
# om det blir en stor etablering, om folk jobbar längre, om länet växer snabbare än riket.
# Ett **scenario** svarar på sådana frågor med samma metod som grundprognosen, men med en
# eller flera spakar ändrade:
#
# | spak | vad den gör |
# |---|---|
# | rikets tillväxt | ersätter den trendade totalen för riket (procent per år) |
# | länets tillväxt | länets totala antal anställda växer med given takt (procent per år) |
# | senare pension | alla lämnar arbetslivet så många år senare |
# | chock för ett yrke | ett antal personer till (eller från) ett yrke i länet från ett visst år |
#
# Ett scenario är ett *om–så*, inte en ny prognos: intervallen från grundprognosen gäller
# fortfarande, och varje tabell och figur bär scenariots namn.
#
# Kör alla celler. Dra i spakarna under "Spakarna": prognosen körs om (ett par sekunder)
# och figuren ritas om. Lösningarna till övningarna ligger dolda under "Visa lösningen".

# %%
import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import reglab_forecast as rf
from reglab_forecast.dialog.widgets import Debouncer, LeverPanel
from reglab_forecast.projection import Projection, load_scenario, project
from reglab_forecast.report.display import RedrawArea, show, solution
from reglab_forecast.report.numbers import format_int
from reglab_forecast.report.plots import plot_scenarios, projection_note

REGION = rf.resolve_region("Norrbotten")
employment = rf.load_employment(level=4)
age_profile = rf.load_age_profile(level=4)
base = project(employment, age_profile)
occupations = rf.load_employment(level=3, regions=[REGION], years=base.base_year)
largest = (occupations.groupby(["ssyk", "ssyk_name"])["employed"].sum()
           .nlargest(25).reset_index())
print(rf.region_name(REGION), "|", base)

# %% [markdown]
# ## Spakarna
#
# `levers_scenario` gör en scenariobeskrivning av spakarnas värden; `draw` kör prognosen och
# ritar grundscenariot och dialogscenariot bredvid varandra, för hela länet och för det valda
# yrket, med en tabell över skillnaden 2035.

# %%
def levers_scenario(national: float | None, regional: float | None, shift: int,
                    ssyk: str, persons: int, from_year: int, name: str = "Dialogscenario"
                    ) -> dict:
    """The scenario (as the TOML file would hold it) for the levers' values."""
    scenario: dict = {"name": name, "retirement_age_shift": shift,
                      "description": "Spakarna i träff 3"}
    if national is not None:
        scenario["national_growth"] = national
    if regional is not None:
        scenario["regional_growth"] = {REGION: regional}
    if persons:
        scenario["shock"] = [{"ssyk": ssyk, "region": REGION, "persons": persons,
                              "from_year": from_year}]
    return scenario


def difference_2035(alternative: Projection, ssyk: str) -> pd.DataFrame:
    both = pd.concat([p.aggregate(level=3, regions=[REGION], years=[2035])
                      for p in (base, alternative)])
    rows = both[both["ssyk"] == ssyk].set_index("scenario")
    total = both.groupby("scenario")[["employed", "recruitment_need"]].sum()
    return pd.DataFrame({"anställda i yrket": rows["employed"],
                         "rekryteringsbehov i yrket": rows["recruitment_need"],
                         "anställda i länet": total["employed"],
                         "rekryteringsbehov i länet": total["recruitment_need"]})


def draw(national: float | None = None, regional: float | None = None, shift: int = 0,
         ssyk: str = "532", persons: int = 0, from_year: int = 2027) -> Projection:
    """Re-run the projection with the levers and draw both scenarios."""
    alternative = project(employment, age_profile,
                          scenario=levers_scenario(national, regional, shift, ssyk, persons,
                                                   from_year))
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
    pair = {"Grundscenario": base, "Dialogscenario": alternative}
    plot_scenarios(employment, pair, REGION, ax=left)
    plot_scenarios(employment, pair, REGION, ssyk, ax=right)
    plt.show()
    display(show(difference_2035(alternative, ssyk), index=None,
                 source=projection_note(employment, alternative)))
    return alternative


# %% [markdown]
# Samma funktion anropad direkt, med en chock på 500 personer (så går notebooken också att
# köra utan knappar, till exempel i testerna):

# %%
result = draw(persons=500, ssyk="532")

# %% [markdown]
# Spakarna nedan räknar om av sig själva: när ni har slutat dra i en spak körs prognosen om
# och figuren och tabellen ritas om. Tillväxttakterna kan också skrivas in, med decimalkomma
# ("1,5"); en takt gäller bara när rutan framför den är ikryssad.

# %%
levers = LeverPanel([(f"{r.ssyk} {r.ssyk_name}", r.ssyk) for r in largest.itertuples()],
                    base.base_year, max(base.target_years))
area = RedrawArea()  # an Output widget; the cell itself in a run without a front end
latest: dict[str, Projection] = {}  # the last scenario the levers computed


def recompute() -> None:
    chosen = levers.levers()
    with area.redraw():
        latest["projection"] = draw(chosen.national_growth, chosen.regional_growth,
                                    chosen.retirement_age_shift, chosen.shock_ssyk or "532",
                                    chosen.shock_persons, chosen.shock_from_year)


debounced = Debouncer(recompute)  # one recompute after a lever stops moving
levers.on_change(lambda _change: debounced.trigger())
display(widgets.VBox([levers.box, *area.children]))
recompute()

# %% [markdown]
# Spakarna kan också ställas från koden, till exempel pensionen ett år senare (så prövas
# kopplingen mellan spakar och figur också när notebooken körs utan skärm):

# %%
levers.shift.value = 1
debounced.flush()  # recompute now instead of after the pause
print("Räknat om:", latest["projection"].scenario)

# %% [markdown]
# ## Övning 1: En stor etablering
#
# Ett företag planerar 800 nya jobb som processoperatörer (SSYK 812) i länet från 2027.
# Hur förändras rekryteringsbehovet i yrket till 2035? Och i länet som helhet?

# %%
# Din kod här (eller använd spakarna ovan)

# %% [markdown]
# ### Lösning 1

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    plant = project(employment, age_profile,
                    scenario=levers_scenario(None, None, 0, "812", 800, 2027, name="Etablering"))
    difference = difference_2035(plant, "812")
    display(show(difference, source=projection_note(employment, plant)))
    extra = difference.loc["Etablering"] - difference.loc["Grundscenario"]
    print(f"Etableringen ger {format_int(extra['rekryteringsbehov i yrket'])} fler att rekrytera "
          f"i yrket och {format_int(extra['rekryteringsbehov i länet'])} i länet till 2035 "
          "(lika många: chocken lägger till jobb utan att ta dem från andra yrken). De 800 jobben "
          "är expansion; pensionsavgångarna i yrket är desamma.")

# %% [markdown]
# ## Övning 2: Senare pension
#
# Anta att alla lämnar arbetslivet två år senare. Hur mycket minskar pensionsavgångarna i
# länet till 2030 och till 2035, i antal och i procent? Varför är minskningen i procent
# mindre på längre sikt?

# %%
# Din kod här

# %% [markdown]
# ### Lösning 2

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    later = project(employment, age_profile,
                    scenario=levers_scenario(None, None, 2, "532", 0, 2027, name="Två år senare"))
    retirements = pd.DataFrame({
        name: p.aggregate(level=1, regions=[REGION]).groupby("year")["replacement"].sum()
        for name, p in {"Grundscenario": base, "Två år senare": later}.items()})
    retirements["skillnad"] = retirements["Två år senare"] - retirements["Grundscenario"]
    retirements["skillnad i procent"] = retirements["skillnad"] / retirements["Grundscenario"]
    display(show(retirements, shares=["skillnad i procent"],
                 source=projection_note(employment, later)))
    print("Senare pension skjuter upp avgångarna men tar inte bort dem: på lång sikt hinner de "
          "flesta som väntade två år ändå gå i pension inom perioden, så minskningen i procent "
          "krymper, medan den i antal växer något.")

# %% [markdown]
# ## Övning 3: Dela scenariot
#
# Skriv ett scenario där länet växer 1 % per år och riket 0,4 % per år som en TOML-fil, läs
# in den med `load_scenario` och kör prognosen. Filen kan ni skicka till en annan region,
# som kör exakt samma scenario.

# %%
# Din kod här

# %% [markdown]
# ### Lösning 3

# %% jupyter={"source_hidden": true} tags=["solution"]
with solution():
    toml = f"""name = "Stark tillväxt i {rf.region_name(REGION)}"
    description = "Länet växer 1 % per år, riket 0,4 % per år."
    national_growth = 0.4

    [regional_growth]
    "{REGION}" = 1.0
    """
    with open("stark_tillvaxt.toml", "w", encoding="utf-8") as handle:
        handle.write(toml)
    shared = load_scenario("stark_tillvaxt.toml")
    growth = project(employment, age_profile, scenario=shared)
    totals = growth.aggregate(level=1, regions=[REGION]).groupby("year")["employed"].sum()
    print(shared.name, "→", ", ".join(f"{year}: {format_int(value)} anställda"
                                      for year, value in totals.items()))

# %% [markdown]
# ## Att ta med
#
# - Ett scenario är ett *om–så*. Skriv alltid scenariots namn och antaganden bredvid siffrorna.
# - Chocker är expansion: de ändrar inte pensionsavgångarna i yrket.
# - Spara scenarier som TOML-filer, så kan alla län köra samma scenario och jämföra.
