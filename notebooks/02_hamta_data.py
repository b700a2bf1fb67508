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
# # 2. Hämta data från SCB och Arbetsförmedlingen: klienterna, cachen och offlineläget
#
# Den inbyggda ögonblicksbilden räcker för det mesta. När SCB eller Arbetsförmedlingen har
# publicerat nyare siffror hämtar du dem med två klienter:
#
# - `ScbClient`: SCB:s statistikdatabas (PxWebApi 2.0). Den läser serverns egna gränser
#   (celler per anrop, anrop per tidsfönster), delar upp stora uttag i så få anrop som
#   möjligt och håller takten.
# - `JobTechClient`: Arbetsförmedlingens öppna data: yrkestaxonomin, yrkesprognoserna,
#   yrkesbarometern och antal platsannonser.
#
# Båda sparar varje svar i en **cache** på disk. I **offlineläge** (`offline=True` eller
# miljövariabeln `REGLAB_OFFLINE=1`) används bara cachen: bra på tåget, i en kurssal och i
# tester.
#
# **Den här notebooken behöver inget nätverk.** I stället för SCB och Arbetsförmedlingen
# startar vi projektets testserver på den egna datorn (127.0.0.1). Den spelar upp inspelade,
# riktiga svar från båda källorna och följer samma regler som SCB:s server. Med nätverk byter
# du bara bort adressen (se sista avsnittet).

# %%
import json
import os
import sys
import tempfile
from pathlib import Path

import reglab_forecast as rf
from reglab_forecast.errors import OfflineCacheMiss
from reglab_forecast.report.display import show
from reglab_forecast.report.numbers import format_int
from reglab_forecast.sources.jobtech import JobTechClient
from reglab_forecast.sources.scb import ScbClient

# Testservern ligger i förrådets tests/-mapp. Körs notebooken från notebooks/ (som i
# JupyterLab) är förrådet mappen ovanför; REGLAB_REPO_DIR kan peka ut det annars.
REPO = Path(os.environ.get("REGLAB_REPO_DIR", "..")).resolve()
sys.path.insert(0, str(REPO / "tests"))
from fakes.jobtech import PREFIX as JOBTECH_PREFIX  # noqa: E402
from fakes.jobtech import FakeJobTech  # noqa: E402
from fakes.pxweb import PREFIX as SCB_PREFIX  # noqa: E402
from fakes.pxweb import FakePxWeb  # noqa: E402
from fakes.server import FakeHttp  # noqa: E402
from fakes.tables import install_all  # noqa: E402

# %% [markdown]
# ## Starta testservern
#
# Vi ger den en lägre cellgräns än SCB:s riktiga (150 000), så att vi ser hur klienten delar
# upp ett uttag. En egen, tillfällig cachemapp gör att vi börjar från noll.

# %%
server = FakeHttp().start()
install_all(FakePxWeb(max_cells=8_000, max_calls=30, window=10.0)).mount(server)
FakeJobTech().mount(server)
SCB_URL = server.url + SCB_PREFIX
CACHE = Path(tempfile.mkdtemp(prefix="reglab-cache-"))
print("Server:", server.url, "| cache:", CACHE)

# %% [markdown]
# ## SCB: gränser, sökning och metadata
#
# `config()` är serverns egen beskrivning av sina gränser. Klienten läser den först och
# anpassar sig; du behöver aldrig räkna celler själv.

# %%
scb = ScbClient(SCB_URL, cache_dir=CACHE, offline=False, progress=False)
config = scb.config()
print(f"Högst {format_int(config['maxDataCells'])} celler per anrop, "
      f"{config['maxCallsPerTimeWindow']} anrop per {config['timeWindow']} s. {scb.citation()}")

# %%
show(scb.search("folkmängd")[["id", "label", "updated"]], index="id", source=scb.citation())

# %% [markdown]
# TAB4442 är anställda i riket per yrke (SSYK 2012) och ålder, 2020–2024. Metadata visar
# tabellens variabler och hur många värden varje variabel har.

# %%
meta = scb.metadata("TAB4442")
print(meta.label, "| uppdaterad", meta.updated)
for variable in meta.variables:
    print(f"  {variable.code:<13} {variable.label:<30} {len(variable.values):>4} värden, "
          f"t.ex. {variable.values[:3]}")

# %% [markdown]
# ## Ett uttag: undersköterskor per ålder
#
# `data(tabell, urval)` ger en lång tabell: en kolumn per variabel med koderna, en med
# namnen och `value`. Saknade värden (`..` hos SCB) blir NaN, aldrig 0. `"*"` betyder alla
# värden. Åldern 65–69 finns bara från 2023 (seriebrott), tidigare år saknas den.

# %%
selection = {"Yrke2012": ["5321", "5322", "5323"], "Alder": "*", "ContentsCode": "*",
             "Tid": "*"}
fetched = scb.data("TAB4442", selection)
# min_count=1: an age band SCB has no value for stays missing ("–"), not 0
by_age = fetched.groupby(["Alder", "Tid"])["value"].sum(min_count=1).unstack()
by_age = by_age.loc[meta.variable("Alder").values]  # the table's own order
show(by_age, source=f"{fetched.attrs['citation']}, tabell {fetched.attrs['table_id']}, "
                    f"uppdaterad {fetched.attrs['vintage']}")

# %% [markdown]
# Stämmer det med ögonblicksbilden? Den bygger på samma register (tabell YREG51BAS, med kön);
# 2024 ska summan per ålder vara densamma.

# %%
snapshot = rf.load_age_profile(level=4)
snapshot = snapshot[snapshot["ssyk"].isin(selection["Yrke2012"]) & (snapshot["year"] == 2024)]
print("Ögonblicksbilden 2024:", int(snapshot["employed"].sum()),
      "| hämtat 2024:", int(fetched.loc[fetched["Tid"] == "2024", "value"].sum()))

# %% [markdown]
# ## Stora uttag delas upp
#
# Hela tabellen är 430 yrken × 10 åldrar × 5 år = 21 500 celler, mer än serverns gräns på
# 8 000. `plan` visar anropen som `data` skulle göra; innehåll och tid hålls hela, yrkena
# delas.

# %%
everything = {"Yrke2012": "*", "Alder": "*", "ContentsCode": "*", "Tid": "*"}
plan = scb.plan("TAB4442", everything)
print(len(plan), "anrop:", [len(chunk["Yrke2012"]) * len(chunk["Alder"]) * len(chunk["Tid"])
                           for chunk in plan], "celler")
whole = scb.data("TAB4442", everything)
print(f"{len(whole)} rader, en per cell, i {whole.attrs['calls']} anrop")

# %% [markdown]
# ## Cachen
#
# Varje svar ligger i cachen som en fil med svaret precis som servern skickade det, och en
# sidofil med adress, urval, hämtningstid och tabellens `updated`. Filerna skrivs först till
# en tillfällig fil och byter sedan namn, så en avbruten hämtning lämnar aldrig en halv fil.

# %%
files = sorted(CACHE.rglob("*.meta.json"))
for folder in sorted({path.parent for path in files}):
    count = sum(path.parent == folder for path in files)
    print(f"{folder.relative_to(CACHE)}: {count} svar")
sidecar = json.loads(next(p for p in files if "TAB4442" in str(p)).read_text("utf-8"))
{key: sidecar[key] for key in ("method", "url", "updated", "source", "table")}

# %% [markdown]
# ## Offline
#
# Nu samma uttag i offlineläge, med SCB:s riktiga adress: inget anrop lämnar datorn, svaret
# kommer ur cachen. Ett uttag som inte finns i cachen ger ett tydligt fel som säger vad du
# kan göra.

# %%
calls_before = len(server.log)
offline_scb = ScbClient(cache_dir=CACHE, offline=True, progress=False)
print("Adress:", offline_scb.base_url)
again = offline_scb.data("TAB4442", selection)
print("Samma data:", again.equals(fetched), "| nya anrop till servern:",
      len(server.log) - calls_before)

try:
    offline_scb.data("TAB4442", {**selection, "Yrke2012": ["2221"]})
except OfflineCacheMiss as error:
    print("OfflineCacheMiss:", error)

# %% [markdown]
# ## Arbetsförmedlingen (JobTech)
#
# Adresserna till JobTech står i paketets källkatalog. `REGLAB_JOBTECH_URL` leder om dem,
# här till testservern. Taxonomin har 400 yrkesgrupper på nivå 4 mot SCB:s 429, eftersom
# den slår ihop några chefsyrken; `rf.load_jobtech_crosswalk()` översätter.

# %%
os.environ["REGLAB_JOBTECH_URL"] = server.url + JOBTECH_PREFIX
jobtech = JobTechClient(cache_dir=CACHE, offline=False, progress=False)
hierarchy = jobtech.ssyk_hierarchy()
print(hierarchy["level"].value_counts().sort_index().to_dict())

# %%
outlook = jobtech.yrkesprognos()
nurses = outlook[outlook["ssyk"].astype(str).isin(["2221", "5321", "5120"])]
show(nurses[["ssyk", "ar", "geografi", "bristvarde"]].rename(columns={"ar": "year"}),
     index="ssyk", source=f"{outlook.attrs['citation']}, {outlook.attrs['table_id']}")

# %% [markdown]
# Antal platsannonser 2024 för tre yrken i två län. Klienten gör ett litet anrop per yrke,
# län och period och läser bara antalet. Jämför med ögonblicksbildens annonsdata.

# %%
groups = hierarchy[hierarchy["level"] == 4].set_index("ssyk")["concept_id"]
regions = jobtech.regions().set_index("region")["concept_id"]
codes, lan = ["2221", "5321", "5120"], ["18", "01"]
ads = jobtech.ads_counts({c: groups[c] for c in codes}, {r: regions[r] for r in lan}, ["2024"])
embedded = rf.load_ads(regions=lan)
embedded = embedded[embedded["ssyk"].isin(codes)].set_index(["ssyk", "region"])["ads"]
ads = ads.join(embedded.rename("ögonblicksbilden"), on=["ssyk", "region"])
show(ads.rename(columns={"ads": "hämtat"}), index=["ssyk", "region"],
     source=ads.attrs.get("citation", "Källa: Arbetsförmedlingen"))

# %% [markdown]
# Också JobTech-svaren finns nu i cachen och går att läsa offline:

# %%
calls_before = len(server.log)
offline_jobtech = JobTechClient(cache_dir=CACHE, offline=True, progress=False)
same = offline_jobtech.ads_counts({c: groups[c] for c in codes}, {r: regions[r] for r in lan},
                                  ["2024"])
print("Samma antal:", same["ads"].tolist() == ads["ads"].tolist(),
      "| nya anrop:", len(server.log) - calls_before)

# %% [markdown]
# ## Med nätverk
#
# På en dator med nätverk skapar du klienterna utan adress, `ScbClient()` och
# `JobTechClient()`, så används SCB:s och Arbetsförmedlingens riktiga adresser och
# användarens cachemapp (eller `REGLAB_CACHE_DIR`). Hela ögonblicksbilden förnyar du med
#
# ```bash
# reglab-forecast fetch          # hämtar alla tabeller i katalogen och bygger om
# ```
#
# och därefter läser `rf.load_employment()` och de andra de nya siffrorna.

# %%
# Till sist: stäng klienterna och testservern.
del os.environ["REGLAB_JOBTECH_URL"]
for client in (scb, offline_scb, jobtech, offline_jobtech):
    client.close()
server.stop()
