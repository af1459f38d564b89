"""The report: self-contained HTML that renders in headless Chromium with no network."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import typer
from conftest import shared_path
from typer.testing import CliRunner

from parley.cli_analysis import register
from parley.models import ParleyError
from parley.report import write_report

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def report_html(coded_store, tmp_path_factory) -> Path:
    return write_report(coded_store, tmp_path_factory.mktemp("report") / "report.html")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: install Debian's chromium "
                    "(apt-get install -y chromium) to run the browser test")
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         # every host name fails to resolve: a page that needed the network would break
         "--host-resolver-rules=MAP * ~NOTFOUND", *args],
        capture_output=True, text=True, timeout=90, check=False)


def test_report_has_no_external_resources(report_html):
    text = report_html.read_text(encoding="utf-8")
    assert "<script" not in text
    tags = re.findall(r"<(?:script|link|img|iframe|image|use)\b[^>]*>", text)
    assert not [t for t in tags if re.search(r"(?:src|href)=\"(?:https?:)?//", t)]
    assert not re.findall(r"(?:src|href)=\"https?://", text)


def test_report_shows_the_answer(report_html):
    shared_path("corpus", "seeds", "meta.jsonl")
    text = report_html.read_text(encoding="utf-8")
    # the 2025 timeline of US–Russia talks, from Riyadh to Moscow
    for day in ("2025-02-18", "2025-08-15", "2025-12-02"):
        assert re.search(rf'<a href="#story-st-[0-9a-f]+">{day}</a>', text)
    # the business share at the table: none in February, Kushner in December
    feb = re.search(r'<tr id="table-2025-02">(.*?)</tr>', text).group(1)
    dec = re.search(r'<tr id="table-2025-12">(.*?)</tr>', text).group(1)
    assert "BUS: Jared Kushner" in dec and "BUS:" not in feb
    # both seed articles' framing, with different indices
    rows = re.findall(r'<tr><td><a href="#fr-(kyiv-independent-dollars-diplomacy|'
                      r'openness-to-cooperation)">.*?</tr>', text)
    assert len(rows) == 2
    index = {m.group(1): m.group(2) for m in re.finditer(
        r'href="#fr-(kyiv-independent-dollars-diplomacy|openness-to-cooperation)">'
        r'(?:.*?</td>){7}<td>([+-]\d\.\d\d)</td>', text)}
    assert len(index) == 2 and len(set(index.values())) == 2
    # claims with amounts
    assert "300,000,000,000 USD" in text
    # every evidence link has its target
    ids = set(re.findall(r'id="([^"]+)"', text))
    assert set(re.findall(r'href="#([^"]+)"', text)) <= ids


def test_report_renders_in_headless_chromium(report_html, tmp_path):
    shot = tmp_path / "report.png"
    run = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,3000",
                    report_html.as_uri())
    assert shot.exists(), run.stderr[-2000:]
    assert shot.stat().st_size > 50_000  # a blank page of this size is a few kB
    dom = _chromium(tmp_path, "--dump-dom", report_html.as_uri()).stdout
    charts = re.findall(r'<figure class="chart">(.*?)</figure>', dom, re.DOTALL)
    assert len(charts) >= 4
    for svg in charts:
        assert svg.lstrip().startswith("<svg")
        assert len(re.findall(r"<path\b", svg)) > 5  # marks, axes and legends were drawn
    # chart marks link to evidence in the page
    assert re.search(r'<a [^>]*href="#story-st-[0-9a-f]+"', charts[0])


def test_markdown_report_and_command(coded_store, tmp_path):
    app = typer.Typer()
    register(app)
    out = tmp_path / "report.md"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--format", "md",
                                      "--db", coded_store.url])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Are dollars replacing diplomacy?")
    assert "## Who sits at the table" in text and re.search(r"\]\(#ev-", text)
    bad = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "r.pdf"), "--format",
                                   "pdf", "--db", coded_store.url])
    assert isinstance(bad.exception, ParleyError)
