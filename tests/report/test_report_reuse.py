"""What a process reuses between briefs gives the same output as making it anew.

A worker of ``brief --all`` renders many län: values that are the same for every län of a run
are made once (``BriefContext.shared``), a figure layout drawn before is unpickled from a blank
copy (``figures.new_figure``) and Typst's fonts are found once. None of it may change a byte.
"""

from __future__ import annotations

import dataclasses

import pytest

from reglab_forecast.report import figures
from reglab_forecast.report.context import BriefContext
from reglab_forecast.report.regional import regions_frame
from reglab_forecast.report.render import compile_markup
from reglab_forecast.report.sections import lan, nyckeltal, yrkesomraden


def test_regions_of_a_run_are_shared_and_a_new_run_makes_its_own(inputs, cells_all):
    first = BriefContext.create(inputs, "18", cells_all)
    other = BriefContext.create(inputs, "09", cells_all)
    assert other.regions is first.regions
    assert first.regions.equals(regions_frame(first.sums, inputs, first.horizon))
    renamed = dict(inputs.region_names, **{"18": "Provlän"})
    new_run = BriefContext.create(dataclasses.replace(inputs, region_names=renamed), "18",
                                  cells_all)
    names = set(new_run.regions["region_name"])
    assert "Provlän" in names and "Örebro län" not in names
    assert "Örebro län" in set(BriefContext.create(inputs, "18", cells_all).regions["region_name"])


@pytest.mark.parametrize("section", [nyckeltal, yrkesomraden, lan])
def test_a_layout_drawn_again_gives_the_same_svg(inputs, cells_all, section):
    """First drawing, second (keeps a blank copy) and third (from the copy) are identical."""
    svgs = [section.figure(BriefContext.create(inputs, "18", cells_all)).svg for _ in range(3)]
    assert svgs[0] == svgs[1] == svgs[2]
    assert "Källa: SCB" in svgs[0]


def test_blank_copies_have_the_shape_subplots_gives():
    for ncols, nrows, shape in ((1, 1, None), (3, 1, (3,)), (1, 2, (2,)), (5, 2, (2, 5))):
        for _ in range(3):  # made, kept, unpickled
            fig, axes = figures.new_figure(4.0 + ncols + 10 * nrows, ncols=ncols, nrows=nrows)
            if shape is None:
                assert axes is fig.axes[0]
            else:
                assert axes.shape == shape and list(axes.flat) == fig.axes


def test_typst_gives_the_same_pdf_on_every_compile():
    source = "#set text(font: \"DejaVu Sans\")\nHej, Örebro: 1\u00a0234 anställda."
    assert compile_markup(source) == compile_markup(source) == compile_markup(source)


def test_a_blank_copy_follows_changed_matplotlib_settings(inputs, cells_all):
    """A figure drawn after a notebook changed rcParams is drawn as it would be anew."""
    from matplotlib import rc_context

    ctx = BriefContext.create(inputs, "18", cells_all)
    for _ in range(3):
        plain = nyckeltal.figure(ctx).svg
    with rc_context({"xtick.major.size": 9.0}):  # not one of the house style's settings
        changed = [nyckeltal.figure(ctx).svg for _ in range(3)]
    assert changed[0] == changed[1] == changed[2] != plain
    assert nyckeltal.figure(ctx).svg == plain
