"""GET /api/commitments (JSON, CSV, filters, 400s) and the chart PNG, on the fake register."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fakes_web import DOC_ID, make_app
from fastapi.testclient import TestClient

from api.commitment_chart import format_money, theme_totals
from commitments import Register, Theme


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(make_app(tmp_path_factory.mktemp("cm"))) as c:
        yield c


def test_json_lists_the_register_with_its_reconciliations(client: TestClient) -> None:
    r = client.get("/api/commitments")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    ids = {c["id"] for c in body["commitments"]}
    assert {f"{DOC_ID}#gbp-50m", f"{DOC_ID}#gbp-12m", f"{DOC_ID}#jobs-80"} <= ids
    assert body["reconciliations"][0]["total_id"] == f"{DOC_ID}#gbp-50m"


def test_filters_are_the_registers_own(client: TestClient) -> None:
    body = client.get("/api/commitments", params={"place": "liverpool"}).json()
    assert {c["id"] for c in body["commitments"]} == {f"{DOC_ID}#gbp-12m", f"{DOC_ID}#jobs-80"}
    body = client.get("/api/commitments", params={"theme": "vaccines", "min_amount": "30m"}).json()
    assert [c["id"] for c in body["commitments"]] == [f"{DOC_ID}#gbp-50m"]
    # Empty values, as an HTML form sends them, mean no filter.
    everything = client.get("/api/commitments").json()["commitments"]
    assert client.get("/api/commitments?theme=&place=&min_amount=").json()["commitments"] == everything


def test_csv_is_a_download_with_the_same_rows(client: TestClient) -> None:
    r = client.get("/api/commitments", params={"format": "CSV", "place": "Liverpool"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="commitments.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["amount"] for row in rows] == ["£12m", "nearly 80 jobs"]


@pytest.mark.parametrize("params, words", [
    ({"theme": "pirates"}, ["unknown theme 'pirates'", "vaccines"]),
    ({"min_amount": "lots"}, ["cannot read the amount 'lots'", "50m"]),
    ({"min_amount": "-5"}, ["min_amount must be >= 0"]),
    ({"format": "xml"}, ["unknown format 'xml'", "json, csv"]),
    ({"format": "table"}, ["unknown format 'table'", "json, csv"]),
])
def test_bad_filters_are_400_with_the_message(client: TestClient, params: dict, words: list) -> None:
    for path in ("/api/commitments", "/api/commitments/chart.png"):
        if path.endswith(".png") and "format" in params:
            continue
        r = client.get(path, params=params)
        assert r.status_code == 400, (path, r.text)
        assert all(w in r.json()["detail"] for w in words), r.json()


def test_chart_is_a_png_for_any_selection(client: TestClient) -> None:
    for params in ({}, {"place": "Nowhere"}):
        r = client.get("/api/commitments/chart.png", params=params)
        assert r.status_code == 200 and r.headers["content-type"] == "image/png"
        assert r.content.startswith(b"\x89PNG") and len(r.content) > 2_000


def test_theme_totals_count_items_once_and_skip_estimates() -> None:
    from fakes_web import fake_register

    register = fake_register()
    totals = {t.theme: t for t in theme_totals(register, register.commitments)}
    # £20m and £5m are itemised lines of the £50m total here, so only £50m counts for vaccines.
    assert totals[Theme.VACCINES].amount == 50_000_000 and totals[Theme.VACCINES].count == 1
    assert totals[Theme.MANUFACTURING].amount == 62_000_000  # £50m + Acme's £12m
    alone = theme_totals(register, [register.get(f"{DOC_ID}#gbp-20m")])
    assert [(t.theme, t.amount) for t in alone] == [(Theme.MANUFACTURING, 20_000_000),
                                                     (Theme.VACCINES, 20_000_000)]
    c = register.get(f"{DOC_ID}#gbp-12m")
    c.flags.append("estimate")
    assert all(t.amount != 12_000_000 for t in theme_totals(Register([c]), [c]))


def test_format_money() -> None:
    assert format_money(146_000_000) == "£146m"
    assert format_money(1_500_000_000) == "£1.5bn"
    assert format_money(1_800_000) == "£1.8m"
    assert format_money(250_000) == "£250,000"
    assert format_money(10_000_000, "USD") == "$10m"


def test_without_a_register_only_its_routes_are_503(tmp_path) -> None:
    from api.app import create_app
    from dealqa.errors import IndexMissingError
    from dealqa.settings import Settings
    from fakes_web import FakeAssistant

    def missing(_s: Settings) -> Register:
        raise IndexMissingError("no commitments register at x — run `dealqa ingest` to build it")

    app = create_app(Settings(feedback_db=tmp_path / "f"), assistant_factory=lambda s: FakeAssistant(),
                     register_factory=missing, with_ui=False)
    with TestClient(app) as c:
        r = c.get("/api/commitments")
        assert r.status_code == 503 and "run `dealqa ingest`" in r.json()["detail"]
        r = c.post("/api/support", json={"profile": "an SME"})
        assert r.status_code == 503 and "needs the register" in r.json()["detail"]
        assert c.post("/api/ask", json={"question": "Liverpool jobs"}).status_code == 200
