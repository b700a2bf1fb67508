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
# # 4. PDF-underlaget och tabellpaketet
#
# Standardunderlaget **"Regional kompetensbild"** har samma uppbyggnad för alla län: en
# automatiskt skriven sammanfattning, nyckeltal, anställda per yrkesområde med prognos,
# yrkena med störst rekryteringsbehov, växande och minskande yrken, länet mot riket och de
# andra länen, vård och omsorg, könsfördelning, och ett metodavsnitt med källor, dataversion
# och bakåtprövningens träffsäkerhet.
#
# **Tabellpaketet** innehåller samma tabeller som Excel och CSV, med ett blad som förklarar
# varje kolumn. Siffrorna är desamma som i PDF:en, eftersom båda görs av samma tabeller.
#
# Allt skrivs till mappen `underlag/` bredvid notebooken.

# %%
from pathlib import Path

import pandas as pd
from IPython.display import SVG, Markdown, display
from pypdf import PdfReader

import reglab_forecast as rf
from reglab_forecast.files import write_bytes_atomic
from reglab_forecast.report.brief import brief_filename, render_brief, write_brief, write_tables
from reglab_forecast.report.compare import render_compare
from reglab_forecast.report.context import BriefContext
from reglab_forecast.report.display import show_table
from reglab_forecast.report.document import figures_of
from reglab_forecast.report.inputs import load_inputs
from reglab_forecast.report.sections import build_all, get, tables_of

REGION = rf.resolve_region("Örebro län")
OUT = Path("underlag")
OUT.mkdir(exist_ok=True)

# %% [markdown]
# ## Ett underlag med ett anrop
#
# `write_brief` läser data, kör prognosen, bygger tabeller, text och figurer och skriver
# PDF:en. Filen dyker upp först när allt har lyckats. Samma sak från kommandoraden:
# `reglab-forecast brief --region "Örebro län" --out orebro.pdf`.

# %%
pdf_path = OUT / brief_filename(rf.region_name(REGION))
write_brief(REGION, pdf_path)
pdf = PdfReader(pdf_path)
print(f"{pdf_path}: {len(pdf.pages)} sidor, {pdf_path.stat().st_size // 1024} kB")
print(pdf.pages[0].extract_text()[:600])

# %% [markdown]
# ## Tabellpaketet
#
# `write_tables` skriver Excel-filen och/eller en mapp med CSV-filer (semikolon och
# decimalkomma, som svenska Excel väntar sig). Från kommandoraden:
# `reglab-forecast tables --region 18 --out tabeller.xlsx`.

# %%
write_tables(REGION, out=OUT / "tabellpaket.xlsx", csv_dir=OUT / "csv")
sheets = pd.read_excel(OUT / "tabellpaket.xlsx", sheet_name=None, header=None)
print("Blad:", ", ".join(sheets))
print("CSV:", ", ".join(sorted(p.name for p in (OUT / "csv").iterdir())))

# %% [markdown]
# Bladet som förklarar kolumnerna (de första raderna):

# %%
guide = pd.read_csv(OUT / "csv" / "kolumner.csv", sep=";", encoding="utf-8-sig")
guide[["tabell", "kolumn", "beskrivning"]].head(8)

# %% [markdown]
# ## Titta in i underlaget innan det blir PDF
#
# `write_brief` är byggt av delar du kan använda själv: `load_inputs` (data och prognos, en
# gång), `BriefContext` (ett län i en körning) och underlagets avsnitt (`build_all`), som vart
# och ett har text, tabeller och figurer. Tabellerna visas här exakt som i PDF:en.

# %%
inputs = load_inputs()
context = BriefContext.create(inputs, REGION)
sections = build_all(context)
tables = tables_of(sections)
for key, table in tables.items():
    print(f"{key:<20} {table.title}")

# %%
display(Markdown("\n\n".join(get(context, "sammanfattning").paragraphs)))

# %%
show_table(tables["rekryteringsbehov"])

# %%
figures = figures_of(sections)
SVG(figures[0].svg)

# %% [markdown]
# ## Flera län på en gång
#
# Med data inlästa en gång går varje underlag snabbt. För alla 21 län finns
# `reglab-forecast brief --all --out-dir underlag/` (två processer parallellt).

# %%
for code in ["03", "22", "25"]:
    path = OUT / brief_filename(rf.region_name(code))
    write_bytes_atomic(path, render_brief(inputs, code))
    print(path, len(PdfReader(path).pages), "sidor")

# %% [markdown]
# Jämförelsen av alla län på de standardiserade nyckeltalen är ett eget underlag
# (`reglab-forecast compare --out lanen.pdf`):

# %%
compare_pdf = OUT / "lanen.pdf"
write_bytes_atomic(compare_pdf, render_compare(inputs))
print(compare_pdf, len(PdfReader(compare_pdf).pages), "sidor")

# %% [markdown]
# ## Ett underlag för ett scenario
#
# Med `scenario=` bygger underlaget på ett scenario i stället för grundprognosen, och
# scenariots namn står i underlaget. Här det medföljande exemplet med en batterifabrik i
# Norrbotten.

# %%
scenario_pdf = OUT / "norrbotten-batterifabrik.pdf"
write_brief("Norrbotten", scenario_pdf, scenario="batterifabrik-norrbotten")
text = "\n".join(page.extract_text() for page in PdfReader(scenario_pdf).pages)
print("Scenariots namn i underlaget:", "Batterifabrik i Norrbotten" in text)
sorted(p.name for p in OUT.iterdir())
