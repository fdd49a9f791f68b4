"""POST /api/support with the fake finder: free text or fields, validation, the finder's
result passed through, 503 when the finder package is missing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakes_web import FakeAssistant, FakeNeed, FakeOrgKind, FakeProfile, fake_register, fake_support
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def service():
    return fake_support(FakeAssistant(), fake_register())


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, service) -> Iterator[TestClient]:
    from fakes_web import make_app

    app = make_app(tmp_path_factory.mktemp("sp"), support=lambda a, r: service)
    with TestClient(app) as c:
        yield c


def test_free_text_goes_to_the_finder_as_text(client: TestClient, service) -> None:
    r = client.post("/api/support", json={"profile": "  vaccines in Oxford  ", "k": 2})
    assert r.status_code == 200, r.text
    assert service.finder.calls[-1] == ("vaccines in Oxford", 2)
    body = r.json()
    assert body["matches"][0]["measure"] == "Vaccines Centre"
    assert body["matches"][0]["citations"][0]["passage_id"] == "mini-deal#support-manufacturing-1"
    assert len(body["matches"]) <= 2 and body["message"]


def test_fields_become_a_profile_and_override_the_text(client: TestClient, service) -> None:
    r = client.post("/api/support", json={"profile": "a small firm", "kind": "Large company",
                                          "place": "Liverpool", "needs": ["funding", "funding"]})
    assert r.status_code == 200, r.text
    profile, _ = service.finder.calls[-1]
    assert profile == FakeProfile("a small firm", FakeOrgKind.LARGE_COMPANY, None, "Liverpool",
                                  (FakeNeed.FUNDING,))
    assert r.json()["profile"]["kind"] == "large_company"
    # Without an explicit kind, what the finder reads from the text is kept.
    client.post("/api/support", json={"profile": "an SME", "needs": ["manufacturing capacity"]})
    assert service.finder.calls[-1][0].kind is FakeOrgKind.SME


@pytest.mark.parametrize("body, status, words", [
    ({}, 422, ["profile is empty"]),
    ({"profile": "   "}, 422, ["profile is empty"]),
    ({"profile": "x" * 2001}, 422, ["profile", "2000"]),
    ({"kind": "pirate"}, 422, ["unknown kind 'pirate'", "sme, large_company"]),
    ({"needs": ["funding", "coffee"]}, 422, ["unknown need 'coffee'", "funding"]),
    ({"needs": "funding"}, 422, ["needs", "list"]),
    ({"profile": "x", "k": 0}, 422, ["k"]),
    ({"profil": "typo"}, 422, ["unknown field 'profil'"]),
])
def test_bad_profiles_are_4xx_with_a_message(client: TestClient, body, status, words) -> None:
    r = client.post("/api/support", json=body)
    assert r.status_code == status, r.text
    assert all(w in r.json()["detail"] for w in words), r.json()["detail"]


def test_missing_finder_package_is_a_clear_503(tmp_path, monkeypatch) -> None:
    import sys

    from api.app import create_app
    from dealqa.settings import Settings

    monkeypatch.setitem(sys.modules, "finder", None)  # import finder -> ImportError
    app = create_app(Settings(feedback_db=tmp_path / "f"), assistant_factory=lambda s: FakeAssistant(),
                     register_factory=lambda s: fake_register(), with_ui=False)
    with TestClient(app) as c:
        r = c.post("/api/support", json={"profile": "an SME"})
        assert r.status_code == 503
        assert r.json()["detail"].startswith("support finder not available")
        assert c.get("/api/commitments").status_code == 200
